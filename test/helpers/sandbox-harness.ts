import { EventEmitter } from 'node:events';
import { expect } from 'vitest';
import Fastify, { type FastifyInstance } from 'fastify';
import pino from 'pino';
import { Server } from 'socket.io';
import { io as connect, type Socket } from 'socket.io-client';
import type { PhoneClientToServerEvents, PhoneServerToClientEvents } from '../../shared/protocol/sandbox.js';
import { registerSandboxWith, type SandboxOptions } from '../../server/sandbox/index.js';
import type { WebhookPayload, WireInboundMessage, WireStatus } from '../../server/sandbox/webhook-payloads.js';
import { TEST_APP_SECRET, TEST_BUSINESS } from './webhooks.js';

/*
 * The sandbox alone, for its own tests: a fastify app with the sandbox registered and a tiny
 * endpoint standing in for the relay's /webhooks/whatsapp, which records every webhook (raw body,
 * signature) and answers whatever status the test sets. Tests wait for webhooks as events, never
 * for a fixed time. (The relay with everything, sandbox or Cloud API, is relay-harness.ts.)
 */

/** The bearer token the sandbox's fake Graph API accepts in these tests. */
export const TEST_TOKEN = 'test-access-token';

export interface ReceivedWebhook {
  raw: string;
  signature: string | undefined;
  payload: WebhookPayload;
  status: number;
}

export type PhoneSocket = Socket<PhoneServerToClientEvents, PhoneClientToServerEvents>;

export interface SandboxHarness {
  app: FastifyInstance;
  baseUrl: string;
  received: ReceivedWebhook[];
  /** What the stand-in relay answers next (a function may vary it per webhook). */
  answerWith: (status: number | ((webhook: WebhookPayload) => number)) => void;
  /** Resolves with the first webhook (already received or still to come) that matches. */
  webhook: (match: (payload: WebhookPayload) => boolean) => Promise<ReceivedWebhook>;
  clock: { now: number };
  graph: (
    body: unknown,
    init?: { token?: string | null; phoneNumberId?: string },
  ) => Promise<{ status: number; body: unknown }>;
  phone: () => Promise<PhoneSocket>;
  close: () => Promise<void>;
}

export const valueOf = (payload: WebhookPayload) => payload.entry[0]?.changes[0]?.value;
export const isMessage =
  (id?: string) =>
  (p: WebhookPayload): boolean =>
    (valueOf(p)?.messages ?? []).some((m: WireInboundMessage) => id === undefined || m.id === id);
export const isStatus =
  (id: string, status: WireStatus['status']) =>
  (p: WebhookPayload): boolean =>
    (valueOf(p)?.statuses ?? []).some((s) => s.id === id && s.status === status);

export async function startSandboxHarness(retryDelaysMs: number[] = [20, 40]): Promise<SandboxHarness> {
  const app = Fastify({ logger: false });
  const io = new Server(app.server);
  const received: ReceivedWebhook[] = [];
  const events = new EventEmitter();
  let answer: number | ((webhook: WebhookPayload) => number) = 200;
  const clock = { now: Date.parse('2026-03-02T10:00:00Z') };
  let baseUrl = '';
  const sockets: PhoneSocket[] = [];

  // The stand-in reads webhooks as raw text, as the relay must to check their signature.
  void app.register((scope, _options, done) => {
    scope.removeContentTypeParser('application/json');
    scope.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => done(null, body));
    scope.post('/webhooks/whatsapp', async (request, reply) => {
      const raw = request.body as string;
      const payload = JSON.parse(raw) as WebhookPayload;
      const status = typeof answer === 'function' ? answer(payload) : answer;
      const webhook = { raw, signature: request.headers['x-hub-signature-256'] as string | undefined, payload, status };
      received.push(webhook);
      events.emit('webhook', webhook);
      return reply.code(status).send(status === 200 ? 'EVENT_RECEIVED' : 'nope');
    });
    done();
  });

  const options: SandboxOptions = {
    appSecret: TEST_APP_SECRET,
    accessToken: TEST_TOKEN,
    phoneNumberId: TEST_BUSINESS.phoneNumberId,
    displayPhoneNumber: TEST_BUSINESS.displayPhoneNumber,
    webhookUrl: () => `${baseUrl}/webhooks/whatsapp`,
    logger: pino({ level: 'silent' }),
    now: () => clock.now,
  };
  registerSandboxWith(app, io, options, { retryDelaysMs, attemptTimeoutMs: 2_000 });
  baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });

  return {
    app,
    baseUrl,
    received,
    clock,
    answerWith: (status) => (answer = status),
    webhook: (match) =>
      new Promise((resolve) => {
        const found = received.find((w) => match(w.payload));
        if (found) {
          resolve(found);
          return;
        }
        const listener = (webhook: ReceivedWebhook): void => {
          if (!match(webhook.payload)) return;
          events.off('webhook', listener);
          resolve(webhook);
        };
        events.on('webhook', listener);
      }),
    graph: async (body, init = {}) => {
      const token = init.token === undefined ? TEST_TOKEN : init.token;
      const response = await fetch(
        `${baseUrl}/sandbox/graph/v25.0/${init.phoneNumberId ?? TEST_BUSINESS.phoneNumberId}/messages`,
        {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(token === null ? {} : { authorization: `Bearer ${token}` }),
          },
          body: typeof body === 'string' ? body : JSON.stringify(body),
        },
      );
      return { status: response.status, body: await response.json() };
    },
    phone: async () => {
      const socket: PhoneSocket = connect(`${baseUrl}/sandbox`, { transports: ['websocket'], forceNew: true });
      sockets.push(socket);
      await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
      return socket;
    },
    close: async () => {
      for (const socket of sockets) socket.disconnect();
      await io.close();
      await app.close();
    },
  };
}

/* Vitest's asymmetric matchers are typed `any`; these give them the type they stand for. */
export const anyString = (): string => expect.any(String) as string;
export const anyNumber = (): number => expect.any(Number) as number;
export const matching = (pattern: RegExp): string => expect.stringMatching(pattern) as string;
export const containing = (text: string): string => expect.stringContaining(text) as string;

/**
 * What a webhook of the sandbox's test business must look like around `value`, written out as
 * Meta documents it (not by the builder under test), with any numeric WABA id.
 */
export function expectedWebhook(value: Record<string, unknown>): unknown {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: matching(/^\d+$/),
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: {
                display_phone_number: TEST_BUSINESS.displayPhoneNumber,
                phone_number_id: TEST_BUSINESS.phoneNumberId,
              },
              ...value,
            },
          },
        ],
      },
    ],
  };
}

/** A customer writes through the test API (opens the 24-hour window); resolves with the wamid. */
export async function customerWrites(
  harness: SandboxHarness,
  waId: string,
  text: string,
  name = 'Anouk Janssens',
): Promise<string> {
  const response = await fetch(`${harness.baseUrl}/sandbox/api/customers/${waId}/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, text }),
  });
  const body = (await response.json()) as { waMessageId: string };
  return body.waMessageId;
}
