import type { FastifyError, FastifyInstance } from 'fastify';
import { httpStatusOf, type ErrorBody, type ErrorCode } from '../../shared/protocol/result.js';
import { AppError } from './app-error.js';

/** Fastify's own errors that are the client's doing, with the code and words the client gets. */
const FRAMEWORK_ERRORS: Record<string, [ErrorCode, string]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: ['PAYLOAD_TOO_LARGE', 'The request body is too large'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: ['UNSUPPORTED_MEDIA_TYPE', 'Send JSON (Content-Type: application/json)'],
  FST_ERR_CTP_EMPTY_JSON_BODY: ['BAD_REQUEST', 'The JSON body is empty'],
  FST_ERR_CTP_INVALID_JSON_BODY: ['BAD_REQUEST', 'The request body is not valid JSON'],
};

function body(code: ErrorCode, message: string, issues?: string[]): ErrorBody {
  return { error: { code, message, ...(issues ? { issues } : {}) } };
}

/** Every error leaves as `{error:{code,message}}` with a matching status; no stack trace ever does. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return reply.code(httpStatusOf[error.code]).send(body(error.code, error.message, error.issues));
    }
    const known = FRAMEWORK_ERRORS[error.code];
    if (known) return reply.code(httpStatusOf[known[0]]).send(body(known[0], known[1]));
    if (error instanceof SyntaxError || error.statusCode === 400) {
      return reply.code(400).send(body('BAD_REQUEST', 'The request body is not valid JSON'));
    }
    request.log.error({ err: error }, 'request failed');
    return reply.code(500).send(body('INTERNAL', 'Something went wrong on the relay; it has been logged'));
  });

  app.setNotFoundHandler((request, reply) => {
    reply.code(404).send(body('NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0] ?? ''}`));
  });
}
