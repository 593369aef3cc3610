import { z } from 'zod';

/** Every error a client can be told about, in REST bodies and socket acks alike. */
export const ErrorCodeSchema = z.enum([
  'BAD_REQUEST',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  /** A reply to a chat assigned to someone else, sent without `confirmAssignedToOther: true`. */
  'ASSIGNED_TO_OTHER',
  'REQUEST_TIMEOUT',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'WINDOW_CLOSED',
  'RATE_LIMITED',
  'INTERNAL',
  /** The relay cannot take this right now (its disk refuses writes): try again later. */
  'UNAVAILABLE',
]);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const httpStatusOf: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  ASSIGNED_TO_OTHER: 409,
  REQUEST_TIMEOUT: 408,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  WINDOW_CLOSED: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
};

/** The body of every REST error response. */
export const ErrorBodySchema = z.object({
  error: z.object({ code: ErrorCodeSchema, message: z.string(), issues: z.array(z.string()).optional() }),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

/** What every request-style socket event answers through its ack. */
export type AckResult<T> = { ok: true; data: T } | { ok: false; code: ErrorCode; message: string };
export type Ack<T> = (result: AckResult<T>) => void;
