import { RateLimiterMemory } from 'rate-limiter-flexible';
import { rateLimited } from '../kit/app-error.js';

/*
 * Nobody types faster than this: more than SENDS_ALLOWED accepted messages in WINDOW_S seconds from
 * one agent (supervisors too) is a script or a stuck key, and is refused with 429 until the window
 * moves on. Only messages actually accepted count; a repeat of one already sent (same clientId) is free.
 */

export const SENDS_ALLOWED = 20;
export const WINDOW_S = 10;

export class SendLimit {
  private readonly sends = new RateLimiterMemory({ points: SENDS_ALLOWED, duration: WINDOW_S });

  /**
   * Takes one place in the agent's window before the message is stored (so a burst fired at once
   * is counted as it comes), or refuses when the window is full.
   */
  async reserve(agentId: string): Promise<void> {
    try {
      await this.sends.consume(agentId);
    } catch (res) {
      const ms = (res as { msBeforeNext?: number }).msBeforeNext ?? WINDOW_S * 1000;
      throw rateLimited(`More than ${SENDS_ALLOWED} messages in ${WINDOW_S} s: slow down`, ms);
    }
  }

  /** Gives the place back: the message was not accepted after all (refused, or a repeat). */
  async release(agentId: string): Promise<void> {
    await this.sends.reward(agentId, 1);
  }
}
