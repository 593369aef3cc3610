import {
  envelope as buildEnvelope,
  messageWebhook,
  statusWebhook,
  unixSeconds,
  type BusinessNumber,
  type WebhookPayload,
  type WireMessageBase,
  type WireStatusBase,
} from '../../server/sandbox/webhook-payloads.js';
import { signPayload } from '../../server/whatsapp/signature.js';

/*
 * Cloud API webhooks for tests and the benchmark, built by the sandbox's own builder (the one
 * place the envelope is written) and posted signed, so tests exercise the real verification path.
 */

export const TEST_PHONE_NUMBER_ID = '106540352242922';
export const TEST_APP_SECRET = 'test-app-secret';

/** The WhatsApp business number every test webhook is addressed to. */
export const TEST_BUSINESS: BusinessNumber = {
  wabaId: '102290129340398',
  displayPhoneNumber: '15550783881',
  phoneNumberId: TEST_PHONE_NUMBER_ID,
};

let wamidCounter = 0;
export const newWamid = (): string => `wamid.HBgL${Date.now().toString(36)}${++wamidCounter}`;

/** Any change value (possibly hostile: tests send what Meta never would) in the test business's envelope. */
export function envelope(value: Record<string, unknown>): Record<string, unknown> {
  return buildEnvelope(TEST_BUSINESS, value as Parameters<typeof buildEnvelope>[1]) as unknown as Record<
    string,
    unknown
  >;
}

export interface Customer {
  waId: string;
  name: string;
}

/** Any message object: a `type` and the object named after it (or none, or a type WhatsApp made up). */
export type TestMessage = Record<string, unknown> & { type: string };

export function inboundMessage(
  customer: Customer,
  message: TestMessage,
  options: { wamid?: string; at?: number } = {},
): WebhookPayload<WireMessageBase & TestMessage> {
  return messageWebhook(TEST_BUSINESS, customer, {
    from: customer.waId,
    id: options.wamid ?? newWamid(),
    timestamp: unixSeconds(options.at ?? Date.now()),
    ...message,
  });
}

export const inboundText = (customer: Customer, body: string, options: { wamid?: string; at?: number } = {}) =>
  inboundMessage(customer, { type: 'text', text: { body } }, options);

export function statusUpdate(
  waMessageId: string,
  recipient: string,
  status: string,
  errors?: { code: number; title: string; message: string }[],
): WebhookPayload<WireMessageBase, WireStatusBase> {
  return statusWebhook(TEST_BUSINESS, {
    id: waMessageId,
    status,
    timestamp: unixSeconds(Date.now()),
    recipient_id: recipient,
    ...(errors ? { errors } : {}),
  });
}

export async function postWebhook(
  baseUrl: string,
  payload: unknown,
  options: { secret?: string | null; rawBody?: string } = {},
): Promise<Response> {
  const body = options.rawBody ?? JSON.stringify(payload);
  const secret = options.secret === undefined ? TEST_APP_SECRET : options.secret;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (secret !== null) headers['x-hub-signature-256'] = signPayload(secret, body);
  return fetch(`${baseUrl}/webhooks/whatsapp`, { method: 'POST', headers, body });
}
