import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bsuidOf } from './bsuid.js';
import type { PhoneMessage, SendAsCustomerResponse, ThreadResponse } from '../../shared/protocol/sandbox.js';
import {
  TEST_TOKEN,
  anyNumber,
  anyString,
  customerWrites,
  expectedWebhook,
  isStatus,
  matching,
  startSandboxHarness,
  valueOf,
  type SandboxHarness,
} from '../../test/helpers/sandbox-harness.js';
import { TEST_APP_SECRET } from '../../test/helpers/webhooks.js';
import { signPayload } from '../whatsapp/signature.js';

const CUSTOMER = '32470123456';
const text = (body: string, to = `+${CUSTOMER}`) => ({
  messaging_product: 'whatsapp',
  recipient_type: 'individual',
  to,
  type: 'text',
  text: { body },
});
const template = {
  messaging_product: 'whatsapp',
  to: `+${CUSTOMER}`,
  type: 'template',
  template: { name: 'hello', language: { code: 'en' } },
};

interface GraphErrorResponse {
  error: { message: string; type: string; code: number; fbtrace_id: string; error_data?: { details: string } };
}
const errorOf = (body: unknown) => (body as GraphErrorResponse).error;

let harness: SandboxHarness;
beforeEach(async () => {
  harness = await startSandboxHarness();
});
afterEach(async () => {
  await harness.close();
});

describe('fake Graph API: authentication and addressing', () => {
  it('refuses a missing or wrong bearer token with error 190 and HTTP 401', async () => {
    for (const token of [null, 'wrong-token']) {
      const { status, body } = await harness.graph(text('hi'), { token });
      expect(status).toBe(401);
      expect(body).toEqual({
        error: {
          message: matching(/^\(#190\) Invalid OAuth access token/),
          type: 'OAuthException',
          code: 190,
          fbtrace_id: anyString(),
        },
      });
    }
  });

  it('refuses an unknown phone number id with error 100', async () => {
    const { status, body } = await harness.graph(text('hi'), { phoneNumberId: '999' });
    expect(status).toBe(400);
    expect(errorOf(body).code).toBe(100);
    expect(errorOf(body).message).toContain("Object with ID '999' does not exist");
  });
});

describe('fake Graph API: validation', () => {
  beforeEach(async () => {
    await customerWrites(harness, CUSTOMER, 'Hallo!');
  });

  it.each([
    [
      'no messaging_product',
      { to: CUSTOMER, type: 'text', text: { body: 'x' } },
      'The parameter messaging_product is required.',
    ],
    [
      'no recipient',
      { messaging_product: 'whatsapp', type: 'text', text: { body: 'x' } },
      'The parameter to or recipient is required.',
    ],
    [
      'no text object',
      { messaging_product: 'whatsapp', to: CUSTOMER, type: 'text' },
      'The parameter text is required.',
    ],
    [
      'no text body',
      { messaging_product: 'whatsapp', to: CUSTOMER, type: 'text', text: {} },
      "The parameter text['body'] is required.",
    ],
    ['an empty text body', text(''), "Param text['body'] must be a non-empty string."],
    [
      'a text body over 4096 characters',
      text('a'.repeat(4097)),
      "Param text['body'] must be at most 4096 characters long.",
    ],
    [
      'a recipient that is no phone number',
      text('x', 'hello'),
      'Param to must be a valid WhatsApp phone number - got "hello".',
    ],
    ['an unknown type', { messaging_product: 'whatsapp', to: CUSTOMER, type: 'hologram' }, 'Param type must be one of'],
    [
      'four reply buttons',
      {
        messaging_product: 'whatsapp',
        to: CUSTOMER,
        type: 'interactive',
        interactive: {
          type: 'button',
          body: { text: 'Pick' },
          action: { buttons: [1, 2, 3, 4].map((n) => ({ type: 'reply', reply: { id: `b${n}`, title: `B${n}` } })) },
        },
      },
      "Param interactive['action']['buttons'] must have at most 3 items.",
    ],
  ])('answers error 100 for %s', async (_case, body, message) => {
    const response = await harness.graph(body);
    expect(response.status).toBe(400);
    expect(errorOf(response.body).code).toBe(100);
    expect(errorOf(response.body).message).toContain(message);
    expect(errorOf(response.body).type).toBe('OAuthException');
  });

  it('answers error 100 for a body that is not JSON', async () => {
    const response = await harness.graph('{"messaging_product": ');
    expect(response.status).toBe(400);
    expect(errorOf(response.body).code).toBe(100);
  });

  it('answers 131051 for a type the sandbox does not simulate', async () => {
    const response = await harness.graph({
      messaging_product: 'whatsapp',
      to: CUSTOMER,
      type: 'contacts',
      contacts: [],
    });
    expect(response.status).toBe(400);
    expect(errorOf(response.body).code).toBe(131051);
  });

  it('accepts a text of exactly 4096 characters, answering like Meta', async () => {
    const { status, body } = await harness.graph(text('a'.repeat(4096)));
    expect(status).toBe(200);
    expect(body).toEqual({
      messaging_product: 'whatsapp',
      contacts: [{ input: `+${CUSTOMER}`, wa_id: CUSTOMER, user_id: bsuidOf(CUSTOMER) }],
      messages: [{ id: matching(/^wamid\.[A-Za-z0-9+/=]+$/) }],
    });
  });
});

describe('fake Graph API: the 24-hour customer service window', () => {
  it('refuses free-form messages to a customer who never wrote, but lets templates through', async () => {
    const refused = await harness.graph(text('Hello?'));
    expect(refused.status).toBe(400);
    expect(errorOf(refused.body)).toMatchObject({ code: 131047, message: '(#131047) Re-engagement message' });
    expect(errorOf(refused.body).error_data?.details).toContain('24 hours');
    expect((await harness.graph(template)).status).toBe(200);
  });

  it('opens with the customer message and closes 24 hours later', async () => {
    await customerWrites(harness, CUSTOMER, 'Is the blue one in stock?');
    harness.clock.now += 24 * 3600_000 - 1000;
    expect((await harness.graph(text('Yes it is'))).status).toBe(200);
    harness.clock.now += 1000;
    const late = await harness.graph(text('Still there?'));
    expect(errorOf(late.body).code).toBe(131047);
    expect((await harness.graph(template)).status).toBe(200);
  });
});

describe('fake Graph API: status webhooks', () => {
  it('reports sent at once, then delivered and read once the customer looks at the chat', async () => {
    await customerWrites(harness, CUSTOMER, 'Hallo');
    const { body } = await harness.graph({ ...text('Goedemiddag!'), biz_opaque_callback_data: 'reply-1' });
    const wamid = (body as { messages: { id: string }[] }).messages[0]?.id ?? '';

    const sent = await harness.webhook(isStatus(wamid, 'sent'));
    expect(sent.signature).toBe(signPayload(TEST_APP_SECRET, sent.raw));
    expect(sent.payload).toEqual(
      expectedWebhook({
        statuses: [
          {
            id: wamid,
            status: 'sent',
            timestamp: String(harness.clock.now / 1000),
            recipient_id: CUSTOMER,
            recipient_user_id: bsuidOf(CUSTOMER),
            biz_opaque_callback_data: 'reply-1',
          },
        ],
      }),
    );

    // The phone page opens (delivered) and shows the chat (read).
    const phone = await harness.phone();
    const opened = await phone.emitWithAck('phone:open', { waId: CUSTOMER, name: 'Anouk Janssens' });
    expect(opened.ok && opened.data.messages.map((m) => m.text)).toEqual(['Hallo', 'Goedemiddag!']);
    const delivered = await harness.webhook(isStatus(wamid, 'delivered'));
    expect(valueOf(delivered.payload)?.statuses?.[0]?.pricing).toMatchObject({
      pricing_model: 'PMP',
      category: 'service',
    });
    await phone.emitWithAck('phone:visibility', { visible: true });
    const read = await harness.webhook(isStatus(wamid, 'read'));
    expect(harness.received.indexOf(sent)).toBeLessThan(harness.received.indexOf(delivered));
    expect(harness.received.indexOf(delivered)).toBeLessThan(harness.received.indexOf(read));

    const thread = (await (
      await fetch(`${harness.baseUrl}/sandbox/api/customers/${CUSTOMER}/messages`)
    ).json()) as ThreadResponse;
    expect(thread.messages.find((m) => m.id === wamid)).toMatchObject({
      from: 'shop',
      status: 'read',
      text: 'Goedemiddag!',
    });
  });

  it('delivers and reads at once when the chat is already on screen, and pushes the message to the phone', async () => {
    const phone = await harness.phone();
    await phone.emitWithAck('phone:open', { waId: CUSTOMER, name: 'Anouk Janssens' });
    await phone.emitWithAck('phone:visibility', { visible: true });
    await customerWrites(harness, CUSTOMER, 'Hallo');
    const pushed = new Promise((resolve) =>
      phone.on('message:upsert', (m) => m.from === 'shop' && m.status === 'read' && resolve(m)),
    );
    const { body } = await harness.graph(text('Dag Anouk'));
    const wamid = (body as { messages: { id: string }[] }).messages[0]?.id ?? '';
    await harness.webhook(isStatus(wamid, 'read'));
    await expect(pushed).resolves.toMatchObject({ id: wamid, text: 'Dag Anouk' });
  });

  it('marks the customer messages read (blue ticks) and refuses unknown message ids with 131009', async () => {
    const first = await customerWrites(harness, CUSTOMER, 'One');
    const second = await customerWrites(harness, CUSTOMER, 'Two');
    const third = await customerWrites(harness, CUSTOMER, 'Three');
    const read = await harness.graph({ messaging_product: 'whatsapp', status: 'read', message_id: second });
    expect(read).toEqual({ status: 200, body: { success: true } });
    const thread = (await (
      await fetch(`${harness.baseUrl}/sandbox/api/customers/${CUSTOMER}/messages`)
    ).json()) as ThreadResponse;
    const statusOf = (id: string) => thread.messages.find((m: PhoneMessage) => m.id === id)?.status;
    expect([statusOf(first), statusOf(second), statusOf(third)]).toEqual(['read', 'read', 'sent']);

    const unknown = await harness.graph({ messaging_product: 'whatsapp', status: 'read', message_id: 'wamid.nope' });
    expect(unknown.status).toBe(400);
    expect(errorOf(unknown.body).code).toBe(131009);
  });

  it('answers queued faults: synchronously, or as a failed status webhook', async () => {
    await customerWrites(harness, CUSTOMER, 'Hallo');
    const queue = (fault: object) =>
      fetch(`${harness.baseUrl}/sandbox/api/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(fault),
      });
    expect((await queue({ code: 130429 })).status).toBe(204);
    const limited = await harness.graph(text('One'));
    expect(limited.status).toBe(429);
    expect(errorOf(limited.body)).toMatchObject({ code: 130429, message: '(#130429) Rate limit hit' });

    await queue({ code: 131026, mode: 'async' });
    const accepted = await harness.graph(text('Two'));
    expect(accepted.status).toBe(200);
    const wamid = (accepted.body as { messages: { id: string }[] }).messages[0]?.id ?? '';
    const failed = await harness.webhook(isStatus(wamid, 'failed'));
    expect(valueOf(failed.payload)?.statuses?.[0]?.errors?.[0]).toMatchObject({
      code: 131026,
      title: 'Message undeliverable',
    });
    expect((await harness.graph(text('Three'))).status).toBe(200);
  });
});

describe('fake Graph API: media', () => {
  it('resolves an inbound media id to a download URL that needs the same token', async () => {
    const response = await fetch(`${harness.baseUrl}/sandbox/api/customers/${CUSTOMER}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Anouk', type: 'image', image: { caption: 'Is this one available?' } }),
    });
    const { message } = (await response.json()) as SendAsCustomerResponse;
    const mediaId = message.detail?.kind === 'media' ? (message.detail.mediaId ?? '') : '';
    const auth = { authorization: `Bearer ${TEST_TOKEN}` };
    const meta = (await (
      await fetch(`${harness.baseUrl}/sandbox/graph/v25.0/${mediaId}`, { headers: auth })
    ).json()) as { url: string };
    expect(meta).toMatchObject({
      messaging_product: 'whatsapp',
      id: mediaId,
      mime_type: 'image/png',
      file_size: anyNumber(),
    });
    expect((await fetch(meta.url)).status).toBe(401);
    const download = await fetch(meta.url, { headers: auth });
    expect(download.headers.get('content-type')).toBe('image/png');
    expect(
      Buffer.from(await download.arrayBuffer())
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
    const unknown = await fetch(`${harness.baseUrl}/sandbox/graph/v25.0/123`, { headers: auth });
    expect(errorOf(await unknown.json()).code).toBe(100);
  });
});
