import type { FaultRequest } from '../../shared/protocol/sandbox.js';

/**
 * Failures queued on purpose (`POST /sandbox/api/faults`), so the relay's handling of rate limits,
 * outages and undeliverable messages can be tried and shown to staff. Each send takes one.
 */
export class Faults {
  private readonly queue: FaultRequest[] = [];

  add(fault: FaultRequest): void {
    this.queue.push({ ...fault });
  }

  clear(): void {
    this.queue.length = 0;
  }

  take(): FaultRequest | undefined {
    const next = this.queue[0];
    if (!next) return undefined;
    next.times -= 1;
    if (next.times <= 0) this.queue.shift();
    return next;
  }
}
