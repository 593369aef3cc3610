import type { ErrorCode } from '../../shared/protocol/result.js';

/** An error meant for the client: its code and message are safe to show. Anything else is INTERNAL. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: string[],
  ) {
    super(message);
    this.name = 'AppError';
  }

  /** When set, the client may try again after this many seconds (the `Retry-After` header). */
  retryAfterSeconds?: number;
}

/** A refusal to try again later: answered 429 with `Retry-After` (seconds). */
export function rateLimited(message: string, retryAfterMs: number): AppError {
  const error = new AppError('RATE_LIMITED', message);
  error.retryAfterSeconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return error;
}

export const notFound = (what: string): AppError => new AppError('NOT_FOUND', `${what} not found`);
export const forbidden = (why: string): AppError => new AppError('FORBIDDEN', why);
