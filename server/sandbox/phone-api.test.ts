import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bsuidOf } from './bsuid.js';
import type { PhoneMessage } from '../../shared/protocol/sandbox.js';
import {
  anyString,
  containing,
  customerWrites,
  expectedWebhook,
  isMessage,
  matching,
  startSandboxHarness,
  valueOf,
  type SandboxHarness,
} from '../../test/helpers/sandbox-harness.js';
import { TEST_APP_SECRET, TEST_BUSINESS } from '../../test/helpers/webhooks.js';
import { signPayload } from '../whatsapp/signature.js';

const CUSTOMER = '31612345678';

let harness: SandboxHarness;
beforeEach(async () => {
  harness = await startSandboxHarness();
});
afterEach(async () => {
  await harness.close();
});

async function send(body: unknown, waId = CUSTOMER): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${harness.baseUrl}/sandbox/api/customers/${waId}/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function thread(waId = CUSTOMER): Promise<PhoneMessage[]> {
  const response = await fetch(`${harness.baseUrl}/sandbox/api/customers/${waId}/messages`);
  return ((await response.json()) as { messages: PhoneMessage[] }).messages;
}

/** The shop sends something through the fake Graph API; resolves with its wamid. */
async function shopSends(payload: object): Promise<string> {
  const { status, body } = await harness.graph({ messaging_product: 'whatsapp', to: `+${CUSTOMER}`, ...payload });
  expect(status).toBe(200);
  return (body as { messages: { id: string }[] }).messages[0]?.id ?? '';
}

describe('customer messages become signed webhooks', () => {
  it('posts a text as a Cloud API messages webhook and answers with its wamid once the relay took it', async () => {
    const { status, body } = await send({ name: 'Sanne de Vries', text: 'Hoi! Hebben jullie dit in maat 38? 👟' });
    expect(status).toBe(200);
    const webhook = await harness.webhook(isMessage(String(body.waMessageId)));
    expect(webhook.signature).toBe(signPayload(TEST_APP_SECRET, webhook.raw));
    expect(webhook.raw).toContain('\\ud83d\\udc5f'); // escaped like Meta's
    expect(webhook.payload).toEqual(
      expectedWebhook({
        contacts: [{ profile: { name: 'Sanne de Vries' }, wa_id: CUSTOMER, user_id: bsuidOf(CUSTOMER) }],
        messages: [
          {
            from: CUSTOMER,
            from_user_id: bsuidOf(CUSTOMER),
            id: body.waMessageId,
            timestamp: String(harness.clock.now / 1000),
            type: 'text',
            text: { body: 'Hoi! Hebben jullie dit in maat 38? 👟' },
          },
        ],
      }),
    );
    expect(await thread()).toMatchObject([{ id: body.waMessageId, from: 'customer', status: 'sent' }]);
  });

  it('builds image, location, reaction, interactive reply and order messages as the reference shows them', async () => {
    await customerWrites(harness, CUSTOMER, 'Hallo');
    const image = await send({ type: 'image', image: { caption: 'Deze?' } });
    const location = await send({
      type: 'location',
      location: { latitude: 52.3731, longitude: 4.8926, name: 'Dam', address: 'Dam 1, Amsterdam' },
    });
    const buttons = await shopSends({
      type: 'interactive',
      interactive: {
        type: 'button',
        body: { text: 'Afhalen of bezorgen?' },
        action: { buttons: [{ type: 'reply', reply: { id: 'pickup', title: 'Afhalen' } }] },
      },
    });
    const reaction = await send({ type: 'reaction', reaction: { messageId: buttons, emoji: '👍' } });
    const reply = await send({ type: 'interactive', reply: { messageId: buttons, optionId: 'pickup' } });
    const order = await send({
      type: 'order',
      order: {
        catalogId: '194836987003835',
        items: [{ productRetailerId: 'SKU-1', quantity: 2, itemPrice: 7.99, currency: 'EUR' }],
      },
    });
    for (const response of [image, location, reaction, reply, order]) expect(response.status).toBe(200);

    const wire = async (id: unknown) => valueOf((await harness.webhook(isMessage(String(id)))).payload)?.messages?.[0];
    expect(await wire(image.body.waMessageId)).toMatchObject({
      type: 'image',
      image: {
        caption: 'Deze?',
        mime_type: 'image/png',
        sha256: anyString(),
        id: matching(/^\d+$/),
      },
    });
    expect(await wire(location.body.waMessageId)).toMatchObject({
      type: 'location',
      location: { latitude: 52.3731, longitude: 4.8926, name: 'Dam', address: 'Dam 1, Amsterdam' },
    });
    expect(await wire(reaction.body.waMessageId)).toMatchObject({
      type: 'reaction',
      reaction: { message_id: buttons, emoji: '👍' },
    });
    expect(await wire(reply.body.waMessageId)).toMatchObject({
      type: 'interactive',
      context: { from: TEST_BUSINESS.displayPhoneNumber, id: buttons },
      interactive: { type: 'button_reply', button_reply: { id: 'pickup', title: 'Afhalen' } },
    });
    expect(await wire(order.body.waMessageId)).toMatchObject({
      type: 'order',
      order: {
        catalog_id: '194836987003835',
        product_items: [{ product_retailer_id: 'SKU-1', quantity: 2, item_price: 7.99, currency: 'EUR' }],
      },
    });
  });

  it('refuses bad input with a clear error and sends nothing', async () => {
    expect((await send({ text: 'hi' }, '12')).status).toBe(400);
    const blank = await send({ name: 'Daan', text: '   ' });
    expect(blank.status).toBe(400);
    expect(blank.body).toMatchObject({ error: { code: 'BAD_REQUEST' } });
    expect((await send({ type: 'reaction', reaction: { messageId: 'wamid.none', emoji: '👍' } })).status).toBe(404);
    expect((await send({ type: 'image', image: { mediaId: '42' } })).status).toBe(404);
    expect(harness.received).toHaveLength(0);
  });

  it("answers what the framework refuses, and unknown paths, in the relay's error shape", async () => {
    const post = (body: string, type: string) =>
      fetch(`${harness.baseUrl}/sandbox/api/customers/${CUSTOMER}/messages`, {
        method: 'POST',
        headers: { 'content-type': type },
        body,
      });
    const malformed = await post('{"text": ', 'application/json');
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toEqual({
      error: { code: 'BAD_REQUEST', message: 'The request body is not valid JSON' },
    });
    const notJson = await post('text=hi', 'application/x-www-form-urlencoded');
    expect(notJson.status).toBe(415);
    expect(await notJson.json()).toMatchObject({ error: { code: 'UNSUPPORTED_MEDIA_TYPE' } });
    // (A GET of an unknown path falls to the page's `/sandbox/*` and so to the app's own not-found.)
    const unknown = await fetch(`${harness.baseUrl}/sandbox/api/nothing-here`, { method: 'POST' });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({
      error: { code: 'NOT_FOUND', message: 'No route POST /sandbox/api/nothing-here' },
    });
    const fault = await fetch(`${harness.baseUrl}/sandbox/api/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: -1 }),
    });
    expect(fault.status).toBe(400);
    expect(await fault.json()).toMatchObject({ error: { code: 'BAD_REQUEST', issues: [matching(/^code: /)] } });
    expect(harness.received).toHaveLength(0);
  });
});

describe('when the relay does not answer 200', () => {
  it('answers 502, retries with backoff and marks the message sent once the relay takes it', async () => {
    let calls = 0;
    harness.answerWith(() => (++calls <= 2 ? 500 : 200));
    const { status, body } = await send({ name: 'Daan Bakker', text: 'Are you open on Sunday?' });
    expect(status).toBe(502);
    expect(body).toMatchObject({
      waMessageId: matching(/^wamid\./),
      error: { message: containing('500') },
    });
    const accepted = await harness.webhook((p) => isMessage(String(body.waMessageId))(p) && calls === 3);
    expect(accepted.status).toBe(200);
    expect(harness.received.map((w) => w.status)).toEqual([500, 500, 200]);
    // All three attempts carried the same message id (the relay dedupes on it).
    expect(new Set(harness.received.map((w) => valueOf(w.payload)?.messages?.[0]?.id)).size).toBe(1);
    const phone = await harness.phone();
    const opened = await phone.emitWithAck('phone:open', { waId: CUSTOMER, name: 'Daan Bakker' });
    expect(opened.ok && opened.data.messages[0]).toMatchObject({ status: 'sent' });
    expect(opened.ok && opened.data.messages[0]?.error).toBeUndefined();
  });

  it('gives up after the last retry and shows the message as failed with the reason', async () => {
    harness.answerWith(401);
    const phone = await harness.phone();
    await phone.emitWithAck('phone:open', { waId: CUSTOMER, name: 'Daan Bakker' });
    const failed = new Promise<PhoneMessage>((resolve) =>
      phone.on('message:upsert', (m) => m.status === 'failed' && resolve(m)),
    );
    const ack = await phone.emitWithAck('phone:send', { type: 'text', text: 'Hello?' });
    expect(ack.ok && ack.data.message).toMatchObject({ status: 'pending', error: containing('401') });
    await expect(failed).resolves.toMatchObject({ error: containing('the relay answered 401') });
    expect(harness.received).toHaveLength(3);
  });
});

describe('the phone page protocol', () => {
  it('sends as the open customer, refuses to send before a chat is open, and lists the customers', async () => {
    const phone = await harness.phone();
    const early = await phone.emitWithAck('phone:send', { type: 'text', text: 'Hi' });
    expect(early).toMatchObject({ ok: false, code: 'BAD_REQUEST', message: 'Open a chat first (phone:open)' });
    // Each payload is parsed by its command's schema before any handler runs.
    const badOpen = await phone.emitWithAck('phone:open', { waId: 'not a number', name: '' });
    expect(badOpen).toMatchObject({ ok: false, code: 'BAD_REQUEST', message: containing('phone:open payload') });
    const info = await phone.emitWithAck('sandbox:info');
    expect(info.ok && info.data.samples.length).toBeGreaterThan(3);
    expect(info.ok && info.data.displayPhoneNumber).toBe(TEST_BUSINESS.displayPhoneNumber);

    await phone.emitWithAck('phone:open', { waId: '32478901234', name: 'Camille Dubois' });
    const sent = await phone.emitWithAck('phone:send', { type: 'text', text: 'Bonjour !' });
    expect(sent.ok && sent.data.message).toMatchObject({ from: 'customer', status: 'sent', text: 'Bonjour !' });
    const webhook = await harness.webhook(isMessage());
    expect(valueOf(webhook.payload)?.contacts).toEqual([
      { profile: { name: 'Camille Dubois' }, wa_id: '32478901234', user_id: bsuidOf('32478901234') },
    ]);
    const customers = await (await fetch(`${harness.baseUrl}/sandbox/api/customers`)).json();
    expect(customers).toEqual({ customers: [{ waId: '32478901234', name: 'Camille Dubois' }] });
  });

  it('shows the shop typing after a typing indicator, until the reply', async () => {
    const phone = await harness.phone();
    await phone.emitWithAck('phone:open', { waId: CUSTOMER, name: 'Sanne' });
    const wamid = await customerWrites(harness, CUSTOMER, 'Hallo');
    const typing: boolean[] = [];
    const stopped = new Promise<void>((resolve) =>
      phone.on('shop:typing', ({ typing: on }) => {
        typing.push(on);
        if (!on) resolve();
      }),
    );
    const answer = await harness.graph({
      messaging_product: 'whatsapp',
      status: 'read',
      message_id: wamid,
      typing_indicator: { type: 'text' },
    });
    expect(answer.body).toEqual({ success: true });
    await shopSends({ type: 'text', text: { body: 'Dag Sanne!' } });
    await stopped;
    expect(typing).toEqual([true, false]);
  });

  it('serves the page at /sandbox and redirects /sandbox/ there', async () => {
    const page = await fetch(`${harness.baseUrl}/sandbox`);
    expect([200, 503]).toContain(page.status);
    expect(await page.text()).toMatch(page.status === 200 ? /<html/i : /Run npm run build:renderer first/);
    const slash = await fetch(`${harness.baseUrl}/sandbox/?waId=1`, { redirect: 'manual' });
    expect(slash.status).toBe(302);
    expect(slash.headers.get('location')).toBe('/sandbox?waId=1');
  });
});
