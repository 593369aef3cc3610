import { signPayload } from '../../server/whatsapp/signature.js';

/*
 * Builds Cloud API webhook payloads exactly as Meta sends them (reference §1.2–1.4) and posts
 * them signed, so tests exercise the real verification path.
 */

export const TEST_PHONE_NUMBER_ID = '106540352242922';
export const TEST_APP_SECRET = 'test-app-secret';

let wamidCounter = 0;
export const newWamid = (): string => `wamid.HBgL${Date.now().toString(36)}${++wamidCounter}`;

export function envelope(value: Record<string, unknown>): Record<string, unknown> {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129340398',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550783881', phone_number_id: TEST_PHONE_NUMBER_ID },
              ...value,
            },
          },
        ],
      },
    ],
  };
}

export interface Customer {
  waId: string;
  name: string;
}

export function inboundMessage(
  customer: Customer,
  message: Record<string, unknown> & { type: string },
  options: { wamid?: string; at?: number } = {},
): Record<string, unknown> {
  return envelope({
    contacts: [{ profile: { name: customer.name }, wa_id: customer.waId }],
    messages: [
      {
        from: customer.waId,
        id: options.wamid ?? newWamid(),
        timestamp: String(Math.floor((options.at ?? Date.now()) / 1000)),
        ...message,
      },
    ],
  });
}

export const inboundText = (customer: Customer, body: string, options: { wamid?: string; at?: number } = {}) =>
  inboundMessage(customer, { type: 'text', text: { body } }, options);

export function statusUpdate(
  waMessageId: string,
  recipient: string,
  status: string,
  errors?: { code: number; title: string; message: string }[],
): Record<string, unknown> {
  return envelope({
    statuses: [
      {
        id: waMessageId,
        status,
        timestamp: String(Math.floor(Date.now() / 1000)),
        recipient_id: recipient,
        ...(errors ? { errors } : {}),
      },
    ],
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
