import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { z } from 'zod';
import { toWaId } from '../../shared/phone.js';
import { httpStatusOf, type ErrorBody } from '../../shared/protocol/result.js';
import {
  CustomerMessageInputSchema,
  FaultRequestSchema,
  SendAsCustomerRequestSchema,
  type SendAsCustomerResponse,
  type ThreadResponse,
} from '../../shared/protocol/sandbox.js';
import type { Faults } from './faults.js';
import type { MediaStore } from './media.js';
import type { Sandbox } from './sandbox.js';
import { SandboxError } from './sandbox-error.js';

/*
 * The customer's side as an API, mounted at `/sandbox/api`, for tests and the benchmark: send as
 * a customer (answered once the relay accepted the webhook), read a customer's thread, queue
 * Graph API failures. No agent authentication: the sandbox only runs without WhatsApp credentials.
 */

export interface PhoneRouteOptions {
  sandbox: Sandbox;
  media: MediaStore;
  faults: Faults;
  logger: Logger;
}

function parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => `${issue.path.join('.') || what}: ${issue.message}`);
  throw new SandboxError('BAD_REQUEST', `Invalid ${what}: ${issues[0] ?? 'rejected'}`, issues);
}

function waIdParam(params: unknown): string {
  const raw = (params as { waId?: string }).waId ?? '';
  const waId = toWaId(raw);
  if (waId === null)
    throw new SandboxError('BAD_REQUEST', `"${raw}" is not a WhatsApp number (country code and digits)`);
  return waId;
}

function errorBody(error: SandboxError): ErrorBody {
  return { error: { code: error.code, message: error.message, ...(error.issues ? { issues: error.issues } : {}) } };
}

export function registerPhoneRoutes(scope: FastifyInstance, options: PhoneRouteOptions): void {
  const { sandbox, media, faults, logger } = options;

  scope.setErrorHandler((error, _request, reply) => {
    if (error instanceof SandboxError) return reply.code(httpStatusOf[error.code]).send(errorBody(error));
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status >= 500) logger.error({ err: error }, 'sandbox API failed');
    const code =
      status === 413
        ? 'PAYLOAD_TOO_LARGE'
        : status === 415
          ? 'UNSUPPORTED_MEDIA_TYPE'
          : status < 500
            ? 'BAD_REQUEST'
            : 'INTERNAL';
    const message = status < 500 ? (error as Error).message : 'The sandbox failed';
    return reply.code(httpStatusOf[code]).send({ error: { code, message } } satisfies ErrorBody);
  });

  scope.get('/customers', async () => ({ customers: sandbox.customers() }));

  scope.get('/customers/:waId/messages', async (request): Promise<ThreadResponse> => {
    const waId = waIdParam(request.params);
    return sandbox.thread(waId) ?? { customer: { waId, name: `+${waId}` }, messages: [] };
  });

  scope.post('/customers/:waId/messages', async (request, reply) => {
    const waId = waIdParam(request.params);
    const { name } = parse(SendAsCustomerRequestSchema, request.body, 'body');
    const input = parse(CustomerMessageInputSchema, request.body, 'message');
    const customer = { waId, name: name ?? sandbox.thread(waId)?.customer.name ?? `+${waId}` };
    const { message, outcome } = await sandbox.sendAsCustomer(customer, input);
    const body: SendAsCustomerResponse = { waMessageId: message.id, message };
    if (outcome.ok) return reply.send(body);
    return reply.code(502).send({
      ...body,
      error: {
        code: 'INTERNAL',
        message: `The relay did not accept the webhook: ${outcome.error ?? 'no answer'}; the sandbox keeps retrying`,
      },
    });
  });

  scope.post('/faults', async (request, reply) => {
    faults.add(parse(FaultRequestSchema, request.body, 'fault'));
    return reply.code(204).send();
  });
  scope.delete('/faults', async (_request, reply) => {
    faults.clear();
    return reply.code(204).send();
  });

  // The phone page shows the customer's sample photos from here (the relay gets them via Graph).
  scope.get('/media/:mediaId', async (request, reply) => {
    const item = media.get((request.params as { mediaId: string }).mediaId);
    if (!item) throw new SandboxError('NOT_FOUND', 'No such media');
    return reply.type(item.mimeType).header('cache-control', 'max-age=3600').send(item.bytes);
  });
}
