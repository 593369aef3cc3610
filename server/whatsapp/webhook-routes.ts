import type { FastifyInstance } from 'fastify';
import { AppError } from '../kit/app-error.js';
import { parseInput } from '../kit/parse-input.js';
import { applyDelivery, type ApplyDeliveryDeps } from './apply-delivery.js';
import { isValidSignature } from './signature.js';
import { intentsOf, type WebhookIntent } from './webhook-intents.js';
import { ChangeValueSchema, WebhookPayloadSchema } from './webhook-payload.js';

export interface WebhookOptions extends ApplyDeliveryDeps {
  appSecret: string;
  verifyToken: string;
  phoneNumberId: string;
}

/** Meta sends payloads up to 3 MB. */
const WEBHOOK_BODY_LIMIT = 3 * 1024 * 1024;

/**
 * The inbound half of the Cloud API adapter. The signature is checked on the raw bytes before
 * anything is parsed; the whole payload is validated before anything is stored; 200 is answered
 * only once every message in it is on disk, so Meta retries whatever did not make it.
 */
export function registerWhatsAppWebhook(app: FastifyInstance, options: WebhookOptions): void {
  const { logger } = options;

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
      const receivedAt = options.now();
      const intents: WebhookIntent[] = [];
      for (const entry of payload.entry) {
        for (const change of entry.changes) {
          if (change.field !== 'messages') continue;
          const value = parseInput(ChangeValueSchema, change.value, 'webhook messages value');
          if (value.metadata.phone_number_id !== options.phoneNumberId) {
            logger.warn({ phoneNumberId: value.metadata.phone_number_id }, 'webhook for another phone number ignored');
            continue;
          }
          intents.push(...intentsOf(value, receivedAt, logger));
        }
      }
      await applyDelivery(options, intents);
      return reply.send('EVENT_RECEIVED');
    });
  });
}
