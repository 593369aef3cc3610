import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../kit/app-error.js';
import { FAILURES_ALLOWED, LoginThrottle } from './login-throttle.js';

async function retryAfter(throttle: LoginThrottle, email: string): Promise<number | null> {
  try {
    await throttle.check(email);
    return null;
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'RATE_LIMITED') throw error;
    return error.retryAfterSeconds ?? null;
  }
}

describe('LoginThrottle', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: Date.parse('2026-11-24T10:00:00Z') });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('locks an email out after five wrong passwords in a row, for 30 s, then twice as long each time', async () => {
    const throttle = new LoginThrottle();
    for (let i = 0; i < FAILURES_ALLOWED - 1; i++) await throttle.failed('Anna@Shop.test');
    expect(await retryAfter(throttle, 'anna@shop.test')).toBeNull();
    await throttle.failed('anna@shop.test');
    expect(await retryAfter(throttle, 'anna@shop.test')).toBe(30);
    // Another account is not affected.
    expect(await retryAfter(throttle, 'bram@shop.test')).toBeNull();

    vi.advanceTimersByTime(31_000);
    expect(await retryAfter(throttle, 'anna@shop.test')).toBeNull();
    await throttle.failed('anna@shop.test');
    expect(await retryAfter(throttle, 'anna@shop.test')).toBe(60);
    vi.advanceTimersByTime(61_000);
    await throttle.failed('anna@shop.test');
    expect(await retryAfter(throttle, 'anna@shop.test')).toBe(120);
  });

  it('forgets it all after a successful sign-in', async () => {
    const throttle = new LoginThrottle();
    for (let i = 0; i < FAILURES_ALLOWED - 1; i++) await throttle.failed('c@shop.test');
    await throttle.succeeded('c@shop.test');
    for (let i = 0; i < FAILURES_ALLOWED - 1; i++) await throttle.failed('c@shop.test');
    expect(await retryAfter(throttle, 'c@shop.test')).toBeNull();
  });
});
