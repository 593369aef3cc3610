import type { ErrorCode } from '../../shared/protocol/result.js';

/** A refusal of the sandbox's own API (phone page, tests): answered as `{error:{code,message}}`. */
export class SandboxError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: string[],
  ) {
    super(message);
    this.name = 'SandboxError';
  }
}
