import { RateLimiterMemory, RateLimiterQueue } from 'rate-limiter-flexible';

/*
 * Every call to the Graph API goes through here, so a burst never exceeds the number's throughput
 * (80 messages a second by default, up to 1,000 for an upgraded number) nor floods the API with
 * parallel requests; when Meta answers "too fast" (130429, 80007, 4), every call waits a little,
 * longer each time it happens again, until one succeeds.
 */

export interface GraphThrottleOptions {
  perSecond: number;
  concurrency: number;
}

/** Meta's "slow down" codes: throughput, WABA rate limit, app call limit. */
export const THROTTLE_CODES = new Set([130429, 80007, 4]);
const FIRST_PAUSE_MS = 1_000;
const LONGEST_PAUSE_MS = 30_000;

export class GraphThrottle {
  private readonly queue: RateLimiterQueue;
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  private pausedUntil = 0;
  private pauseMs = 0;

  constructor(private readonly options: GraphThrottleOptions) {
    const limiter = new RateLimiterMemory({ points: options.perSecond, duration: 1 });
    this.queue = new RateLimiterQueue(limiter, { maxQueueSize: 1_000_000 });
  }

  /** Runs one Graph call when the rate, the concurrency and any pause allow it. */
  async run<T>(call: () => Promise<T>, isThrottled: (error: unknown) => boolean): Promise<T> {
    await this.slot();
    try {
      const wait = this.pausedUntil - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      await this.queue.removeTokens(1);
      const result = await call();
      this.pauseMs = 0;
      return result;
    } catch (error) {
      if (isThrottled(error)) {
        this.pauseMs = Math.min(this.pauseMs === 0 ? FIRST_PAUSE_MS : this.pauseMs * 2, LONGEST_PAUSE_MS);
        this.pausedUntil = Math.max(this.pausedUntil, Date.now() + this.pauseMs);
      }
      throw error;
    } finally {
      this.release();
    }
  }

  /** Calls under way right now (tests). */
  get inFlight(): number {
    return this.active;
  }

  private async slot(): Promise<void> {
    if (this.active < this.options.concurrency) {
      this.active += 1;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    // The slot passes straight to the next caller, so `active` stays as it is.
    if (next) next();
    else this.active -= 1;
  }
}
