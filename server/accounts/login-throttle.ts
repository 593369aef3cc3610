import { RateLimiterMemory, type RateLimiterRes } from 'rate-limiter-flexible';
import { rateLimited } from '../kit/app-error.js';

/*
 * Sign-in throttling per email (known or not): after FAILURES_ALLOWED wrong passwords in a row,
 * every attempt for that email is refused with 429 for a while, right password or not, before any
 * password is hashed. The while starts at 30 s and doubles with each lockout (up to an hour); a
 * successful sign-in forgets it all. Other accounts are never affected. rate-limiter-flexible keeps
 * the counters and their expiry.
 */

export const FAILURES_ALLOWED = 5;
const FIRST_LOCKOUT_S = 30;
const LONGEST_LOCKOUT_S = 60 * 60;
const DAY_S = 24 * 60 * 60;

const keyOf = (email: string): string => email.trim().toLowerCase();
const isBlocked = (res: RateLimiterRes | null): res is RateLimiterRes =>
  res !== null && res.consumedPoints > FAILURES_ALLOWED && res.msBeforeNext > 0;

export class LoginThrottle {
  /** Wrong passwords in a row, per email; a lockout is a block on this key. */
  private readonly failures = new RateLimiterMemory({ points: FAILURES_ALLOWED, duration: DAY_S });
  /** How many lockouts an email has had today: each lasts twice as long as the one before. */
  private readonly lockouts = new RateLimiterMemory({ points: 1_000_000, duration: DAY_S });

  /** Refuses (429 with Retry-After) while the email is locked out. */
  async check(email: string): Promise<void> {
    const res = await this.failures.get(keyOf(email));
    if (isBlocked(res)) throw this.refusal(res.msBeforeNext);
  }

  /** A wrong password: the fifth in a row locks the email out (and so does each one after a lockout). */
  async failed(email: string): Promise<void> {
    const key = keyOf(email);
    const previousLockouts = (await this.lockouts.get(key))?.consumedPoints ?? 0;
    const failures = await this.failures.consume(key).catch((res: unknown) => res as RateLimiterRes);
    if (failures.consumedPoints < FAILURES_ALLOWED && previousLockouts === 0) return;
    await this.lockouts.consume(key);
    const seconds = Math.min(FIRST_LOCKOUT_S * 2 ** previousLockouts, LONGEST_LOCKOUT_S);
    await this.failures.block(key, seconds);
  }

  async succeeded(email: string): Promise<void> {
    const key = keyOf(email);
    await Promise.all([this.failures.delete(key), this.lockouts.delete(key)]);
  }

  private refusal(ms: number) {
    return rateLimited('Too many wrong passwords for this email: wait before trying again', ms);
  }
}
