import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { toWaId } from '../../shared/phone.js';
import { AppError } from '../kit/app-error.js';
import { parseInput } from '../kit/parse-input.js';
import type { MessageService } from '../messages/message-service.js';
import type { StatusTracker } from '../messages/status-tracker.js';
import { toInboundContent } from './inbound-message.js';
import { isValidSignature } from './signature.js';
import { ChangeValueSchema, WebhookPayloadSchema, type ChangeValue } from './webhook-payload.js';

export interface WebhookOptions {
  appSecret: string;
  verifyToken: string;
  phoneNumberId: string;
  messages: MessageService;
  statuses: StatusTracker;
  logger: Logger;
}

/** Meta sends payloads up to 3 MB. */
const WEBHOOK_BODY_LIMIT = 3 * 1024 * 1024;

const STATUS_OF = { sent: 'sent', delivered: 'delivered', read: 'read', failed: 'failed' } as const;

/**
 * The inbound half of the Cloud API adapter. The signature is checked on the raw bytes before
 * anything is parsed; the whole payload is validated before anything is stored; 200 is answered
 * only once every message in it is on disk, so Meta retries whatever did not make it.
 */
export function registerWhatsAppWebhook(app: FastifyInstance, options: WebhookOptions): void {
  const { messages, statuses, logger } = options;

  void app.register(async (scope) => {
    scope.removeContentTypeParser('application/json');
    scope.addContentTypeParser(
      'application/json',
      { parseAs: 'buffer', bodyLimit: WEBHOOK_BODY_LIMIT },
      (_req, body, done) => {
        done(null, body);
      },
    );

    scope.get('/webhooks/whatsapp', async (request, reply) => {
      const query = request.query as Record<string, string | undefined>;
      if (query['hub.mode'] === 'subscribe' && query['hub.verify_token'] === options.verifyToken) {
        return reply.type('text/plain').send(query['hub.challenge'] ?? '');
      }
      throw new AppError('FORBIDDEN', 'Verification failed: wrong hub.mode or hub.verify_token');
    });

    scope.post('/webhooks/whatsapp', { bodyLimit: WEBHOOK_BODY_LIMIT }, async (request, reply) => {
      const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      if (!isValidSignature(options.appSecret, raw, request.headers['x-hub-signature-256'] as string | undefined)) {
        throw new AppError('UNAUTHORIZED', 'Missing or invalid X-Hub-Signature-256');
      }
      let json: unknown;
      try {
        json = JSON.parse(raw.toString('utf8'));
      } catch {
        throw new AppError('BAD_REQUEST', 'The webhook body is not valid JSON');
      }
      const payload = parseInput(WebhookPayloadSchema, json, 'webhook payload');
      const work: (() => Promise<void>)[] = [];
      for (const entry of payload.entry) {
        for (const change of entry.changes) {
          if (change.field !== 'messages') continue;
          const value = parseInput(ChangeValueSchema, change.value, 'webhook messages value');
          if (value.metadata.phone_number_id !== options.phoneNumberId) {
            logger.warn({ phoneNumberId: value.metadata.phone_number_id }, 'webhook for another phone number ignored');
            continue;
          }
          work.push(...plan(value));
        }
      }
      for (const task of work) await task();
      return reply.send('EVENT_RECEIVED');
    });
  });

  /** Checks every message and status of a value and returns the writes to make, in order. */
  function plan(value: ChangeValue): (() => Promise<void>)[] {
    const tasks: (() => Promise<void>)[] = [];
    for (const message of value.messages ?? []) {
      const waId = toWaId(message.from);
      if (!waId) throw new AppError('BAD_REQUEST', `"${message.from}" is not a WhatsApp id`);
      const profile = value.contacts?.find((c) => c.wa_id === message.from)?.profile;
      const contact = { waId, name: profile?.name ?? `+${waId}` };
      const input = { ...toInboundContent(message), waMessageId: message.id, sentAt: Number(message.timestamp) * 1000 };
      tasks.push(() => messages.receiveInbound(contact, input));
    }
    for (const status of value.statuses ?? []) {
      const mapped = status.status in STATUS_OF ? STATUS_OF[status.status as keyof typeof STATUS_OF] : undefined;
      if (!mapped) continue;
      const error = status.errors?.[0];
      const input = {
        waMessageId: status.id,
        recipientWaId: status.recipient_id,
        status: mapped,
        ...(error ? { error: { code: error.code, message: describeError(error) } } : {}),
      };
      tasks.push(() => statuses.applyStatus(input));
    }
    return tasks;
  }
}

function describeError(error: {
  code: number;
  title?: string;
  message?: string;
  error_data?: { details?: string };
}): string {
  const text = error.message ?? error.title ?? 'Not delivered';
  return error.error_data?.details ? `${text}: ${error.error_data.details}` : text;
}
