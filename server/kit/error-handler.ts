import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { httpStatusOf, type ErrorBody, type ErrorCode } from '../../shared/protocol/result.js';
import { AppError } from './app-error.js';
import { BASELINE_HEADERS } from './security-headers.js';

/** Fastify's own errors that are the client's doing, with the code and words the client gets. */
const FRAMEWORK_ERRORS: Record<string, [ErrorCode, string]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: ['PAYLOAD_TOO_LARGE', 'The request body is too large'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: ['UNSUPPORTED_MEDIA_TYPE', 'Send JSON (Content-Type: application/json)'],
  FST_ERR_CTP_EMPTY_JSON_BODY: ['BAD_REQUEST', 'The JSON body is empty'],
  FST_ERR_CTP_INVALID_JSON_BODY: ['BAD_REQUEST', 'The request body is not valid JSON'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: ['BAD_REQUEST', 'The Content-Length does not match the body'],
  FST_ERR_BAD_URL: ['BAD_REQUEST', 'The address is not a valid URL'],
  FST_ERR_ASYNC_CONSTRAINT: ['BAD_REQUEST', 'The request could not be routed'],
  // A path that climbs out of the served folder: no such file, as far as the client is concerned.
  FST_STATIC_FORBIDDEN_PATH: ['NOT_FOUND', 'No such file'],
};

/** What a 4xx the framework (or a plugin) raised means, when no entry above names it. */
const BY_STATUS: Record<number, [ErrorCode, string]> = {
  400: ['BAD_REQUEST', 'The request could not be read'],
  401: ['UNAUTHORIZED', 'Sign in first'],
  403: ['NOT_FOUND', 'Not found'],
  404: ['NOT_FOUND', 'Not found'],
  405: ['NOT_FOUND', 'Not found'],
  408: ['REQUEST_TIMEOUT', 'The request did not arrive in time'],
  413: ['PAYLOAD_TOO_LARGE', 'The request body is too large'],
  414: ['BAD_REQUEST', 'The address is too long'],
  415: ['UNSUPPORTED_MEDIA_TYPE', 'This content type is not accepted here'],
  429: ['RATE_LIMITED', 'Too many requests: slow down'],
  431: ['BAD_REQUEST', 'The request headers are too large'],
};

export function errorBody(code: ErrorCode, message: string, issues?: string[]): ErrorBody {
  return { error: { code, message, ...(issues ? { issues } : {}) } };
}

/** The status and body for any error: a client's mistake is a specific 4xx, never a 500. */
export function errorReply(error: unknown): { status: number; body: ErrorBody; unexpected: boolean } {
  if (error instanceof AppError) {
    return {
      status: httpStatusOf[error.code],
      body: errorBody(error.code, error.message, error.issues),
      unexpected: false,
    };
  }
  const { code, statusCode } = error as Partial<FastifyError>;
  const known =
    (code !== undefined ? FRAMEWORK_ERRORS[code] : undefined) ??
    (statusCode !== undefined ? BY_STATUS[statusCode] : undefined);
  if (known) return { status: httpStatusOf[known[0]], body: errorBody(...known), unexpected: false };
  if (error instanceof SyntaxError || (statusCode !== undefined && statusCode >= 400 && statusCode < 500)) {
    return { status: 400, body: errorBody('BAD_REQUEST', 'The request could not be read'), unexpected: false };
  }
  return {
    status: 500,
    body: errorBody('INTERNAL', 'Something went wrong on the relay; it has been logged'),
    unexpected: true,
  };
}

function send(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const { status, body, unexpected } = errorReply(error);
  if (unexpected) request.log.error({ err: error }, 'request failed');
  if (error instanceof AppError && error.retryAfterSeconds !== undefined) {
    reply.header('retry-after', String(error.retryAfterSeconds));
  }
  return reply.code(status).send(body);
}

/**
 * Every error leaves as `{error:{code,message}}` with a matching status; no stack trace ever does.
 * Install it on the app, or on a plugin scope that answers for itself (the sandbox's API).
 */
export function installErrorHandling(scope: FastifyInstance): void {
  scope.setErrorHandler((error: FastifyError, request, reply) => send(error, request, reply));
  scope.setNotFoundHandler((request, reply) => {
    reply.code(404).send(errorBody('NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0] ?? ''}`));
  });
}

/** For Fastify's `frameworkErrors` option: errors raised before any route runs (a malformed URL). */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  // No hook runs for these: the headers every response carries are set here.
  void send(error, request, reply.headers(BASELINE_HEADERS));
}
