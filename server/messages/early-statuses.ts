/**
 * Statuses that arrived before the send that caused them was recorded (the Graph API's answer and
 * the first status webhook race). A status for a message sent by another app on the same number
 * never finds its send, so only the newest `limit` are kept.
 */
export class EarlyStatuses<S> {
  private readonly byWamid = new Map<string, S>();

  constructor(private readonly limit = 1_000) {}

  remember(waMessageId: string, status: S): void {
    this.byWamid.delete(waMessageId);
    this.byWamid.set(waMessageId, status);
    const oldest = this.byWamid.keys().next().value;
    if (this.byWamid.size > this.limit && oldest !== undefined) this.byWamid.delete(oldest);
  }

  take(waMessageId: string): S | undefined {
    const status = this.byWamid.get(waMessageId);
    this.byWamid.delete(waMessageId);
    return status;
  }

  get size(): number {
    return this.byWamid.size;
  }
}
