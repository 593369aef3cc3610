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
}

export const notFound = (what: string): AppError => new AppError('NOT_FOUND', `${what} not found`);
export const forbidden = (why: string): AppError => new AppError('FORBIDDEN', why);
