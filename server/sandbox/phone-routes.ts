import type { FastifyInstance } from 'fastify';
import { toWaId } from '../../shared/phone.js';
import {
  CustomerMessageInputSchema,
  FaultRequestSchema,
  SendAsCustomerRequestSchema,
  type SendAsCustomerResponse,
  type ThreadResponse,
} from '../../shared/protocol/sandbox.js';
import { AppError } from '../kit/app-error.js';
import { installErrorHandling } from '../kit/error-handler.js';
import { parseInput } from '../kit/parse-input.js';
import type { Faults } from './faults.js';
import type { MediaStore } from './media.js';
import type { Sandbox } from './sandbox.js';

/*
 * The customer's side as an API, mounted at `/sandbox/api`, for tests and the benchmark: send as
 * a customer (answered once the relay accepted the webhook), read a customer's thread, queue
 * Graph API failures. No agent authentication: the sandbox only runs without WhatsApp credentials.
 */

export interface PhoneRouteOptions {
  sandbox: Sandbox;
  media: MediaStore;
  faults: Faults;
}

function waIdParam(params: unknown): string {
  const raw = (params as { waId?: string }).waId ?? '';
  const waId = toWaId(raw);
  if (waId === null) throw new AppError('BAD_REQUEST', `"${raw}" is not a WhatsApp number (country code and digits)`);
  return waId;
}

export function registerPhoneRoutes(scope: FastifyInstance, options: PhoneRouteOptions): void {
  const { sandbox, media, faults } = options;

  // The relay's own error shape and handling, for this scope's routes and its unknown paths alike.
  installErrorHandling(scope);

  scope.get('/customers', async () => ({ customers: sandbox.customers() }));

  scope.get('/customers/:waId/messages', async (request): Promise<ThreadResponse> => {
    const waId = waIdParam(request.params);
    return sandbox.thread(waId) ?? { customer: { waId, name: `+${waId}` }, messages: [] };
  });

  scope.post('/customers/:waId/messages', async (request, reply) => {
    const waId = waIdParam(request.params);
    const profile = parseInput(SendAsCustomerRequestSchema, request.body, 'body');
    const input = parseInput(CustomerMessageInputSchema, request.body, 'message');
    const known = sandbox.thread(waId)?.customer;
    const username = profile.username ?? known?.username;
    const hidesNumber = profile.hidesNumber ?? known?.hidesNumber;
    const customer = {
      waId,
      name: profile.name ?? known?.name ?? `+${waId}`,
      ...(username === undefined ? {} : { username }),
      ...(hidesNumber === undefined ? {} : { hidesNumber }),
    };
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
    faults.add(parseInput(FaultRequestSchema, request.body, 'fault'));
    return reply.code(204).send();
  });
  scope.delete('/faults', async (_request, reply) => {
    faults.clear();
    return reply.code(204).send();
  });

  // The phone page shows the customer's sample photos from here (the relay gets them via Graph).
  scope.get('/media/:mediaId', async (request, reply) => {
    const item = media.get((request.params as { mediaId: string }).mediaId);
    if (!item) throw new AppError('NOT_FOUND', 'No such media');
    return reply.type(item.mimeType).header('cache-control', 'max-age=3600').send(item.bytes);
  });
}
