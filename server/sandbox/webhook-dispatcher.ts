import type { Logger } from 'pino';
import { legacySignatureOf, serialiseLikeMeta, signatureOf } from './signature.js';
import type { WebhookPayload } from './webhook-payloads.js';

/*
 * Delivers signed webhooks to the relay like Meta does: success is HTTP 200 and nothing else;
 * anything else is retried with growing delays, a few times (Meta keeps going for 7 days; a
 * training sandbox gives up sooner and logs it).
 */

export interface WebhookTuning {
  /** Delay before each retry; its length is the number of retries. */
  retryDelaysMs: readonly number[];
  attemptTimeoutMs: number;
}

export const DEFAULT_WEBHOOK_TUNING: WebhookTuning = {
  retryDelaysMs: [1_000, 5_000, 25_000],
  attemptTimeoutMs: 10_000,
};

export interface DeliveryOutcome {
  ok: boolean;
  /** The relay's HTTP status, or null when it could not be reached. */
  status: number | null;
  error: string | null;
  attempts: number;
}

export interface Delivery {
  /** The outcome of the first attempt. */
  first: Promise<DeliveryOutcome>;
  /** The outcome once delivered or given up. */
  final: Promise<DeliveryOutcome>;
}

export class WebhookDispatcher {
  private readonly timers = new Set<{ timer: NodeJS.Timeout; wake: () => void }>();
  private closed = false;

  constructor(
    private readonly url: () => string,
    private readonly appSecret: string,
    private readonly logger: Logger,
    private readonly tuning: WebhookTuning,
  ) {}

  deliver(payload: WebhookPayload, label: string): Delivery {
    const body = serialiseLikeMeta(payload);
    let reportFirst: (outcome: DeliveryOutcome) => void = () => undefined;
    const first = new Promise<DeliveryOutcome>((resolve) => (reportFirst = resolve));
    const final = this.run(body, label, reportFirst);
    return { first, final };
  }

  /** Stops retrying: pending deliveries end as failed. */
  close(): void {
    this.closed = true;
    for (const entry of this.timers) {
      clearTimeout(entry.timer);
      entry.wake();
    }
    this.timers.clear();
  }

  private async run(
    body: string,
    label: string,
    reportFirst: (outcome: DeliveryOutcome) => void,
  ): Promise<DeliveryOutcome> {
    for (let attempt = 1; ; attempt += 1) {
      const outcome = this.closed
        ? { ok: false, status: null, error: 'the sandbox is shutting down', attempts: attempt }
        : await this.attempt(body, attempt);
      if (attempt === 1) reportFirst(outcome);
      if (outcome.ok) {
        if (attempt > 1) this.logger.info({ label, attempt }, 'webhook delivered after retrying');
        return outcome;
      }
      const delay = this.tuning.retryDelaysMs[attempt - 1];
      if (delay === undefined || this.closed) {
        this.logger.error(
          { label, attempts: attempt, status: outcome.status, error: outcome.error },
          'webhook given up',
        );
        return outcome;
      }
      this.logger.warn(
        { label, attempt, status: outcome.status, error: outcome.error, retryInMs: delay },
        'webhook not accepted, retrying',
      );
      await this.sleep(delay);
    }
  }

  private async attempt(body: string, attempts: number): Promise<DeliveryOutcome> {
    try {
      const response = await fetch(this.url(), {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'facebookexternalua',
          'x-hub-signature-256': signatureOf(this.appSecret, body),
          'x-hub-signature': legacySignatureOf(this.appSecret, body),
        },
        body,
        signal: AbortSignal.timeout(this.tuning.attemptTimeoutMs),
      });
      const text = await response.text().catch(() => '');
      if (response.status === 200) return { ok: true, status: 200, error: null, attempts };
      const detail = text.length > 0 ? `: ${text.slice(0, 300)}` : '';
      return { ok: false, status: response.status, error: `the relay answered ${response.status}${detail}`, attempts };
    } catch (error) {
      return {
        ok: false,
        status: null,
        error: `the relay could not be reached (${(error as Error).message})`,
        attempts,
      };
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const entry = {
        timer: setTimeout(() => {
          this.timers.delete(entry);
          resolve();
        }, ms),
        wake: resolve,
      };
      entry.timer.unref();
      this.timers.add(entry);
    });
  }
}
