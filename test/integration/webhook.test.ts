import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConversationListResponseSchema } from '../../shared/protocol/conversations.js';
import { MessageListResponseSchema } from '../../shared/protocol/messages.js';
import { api, startHarness, type Harness } from '../helpers/relay-harness.js';
import { inboundMessage, inboundText, newWamid, postWebhook } from '../helpers/webhooks.js';

const anna = { waId: '32470123456', name: 'Anna Peeters' };

async function conversations(h: Harness) {
  return ConversationListResponseSchema.parse((await api(h, h.adminToken, 'GET', '/api/v1/conversations')).body)
    .conversations;
}

async function messagesOf(h: Harness, conversationId: string) {
  const response = await api(h, h.adminToken, 'GET', `/api/v1/conversations/${conversationId}/messages`);
  return MessageListResponseSchema.parse(response.body).messages;
}

describe('WhatsApp webhook', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.stop();
  });

  it("answers Meta's verification handshake only with the right token", async () => {
    const ok = await api(
      h,
      null,
      'GET',
      '/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=1158201444',
    );
    expect(ok).toEqual({ status: 200, body: 1158201444 });
    const wrong = await api(
      h,
      null,
      'GET',
      '/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1',
    );
    expect(wrong.status).toBe(403);
  });

  it('rejects a wrong or missing signature with 401 and stores nothing', async () => {
    const missing = await postWebhook(h.url, inboundText(anna, 'hello'), { secret: null });
    const wrong = await postWebhook(h.url, inboundText(anna, 'hello'), { secret: 'not-the-secret' });
    expect(missing.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ error: { code: 'UNAUTHORIZED' } });
    expect(await conversations(h)).toEqual([]);
    expect(await readdir(join(h.dataDir, 'conversations'))).toEqual([]);
  });

  it('stores a message delivered three times with the same wamid once', async () => {
    const payload = inboundText(anna, 'Does it come in blue?', { wamid: newWamid() });
    for (let i = 0; i < 3; i++) expect((await postWebhook(h.url, payload)).status).toBe(200);
    const [conversation] = await conversations(h);
    expect(conversation).toMatchObject({
      contact: anna,
      unreadCount: 1,
      lastMessage: { text: 'Does it come in blue?' },
    });
    const messages = await messagesOf(h, conversation?.id ?? '');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      direction: 'in',
      type: 'text',
      status: 'received',
      text: 'Does it come in blue?',
    });
  });

  it('keeps concurrent retries of one wamid to one message', async () => {
    const payload = inboundText(anna, 'racing', { wamid: newWamid() });
    const answers = await Promise.all([1, 2, 3, 4].map(() => postWebhook(h.url, payload)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    const [conversation] = await conversations(h);
    expect(await messagesOf(h, conversation?.id ?? '')).toHaveLength(1);
  });

  it('stores other message types sensibly, and an unknown type as unsupported', async () => {
    const sends = [
      inboundMessage(anna, {
        type: 'image',
        image: { id: '1003383421387256', mime_type: 'image/jpeg', sha256: 'x', caption: 'This one' },
      }),
      inboundMessage(anna, {
        type: 'location',
        location: { latitude: 51.05, longitude: 3.72, name: 'Korenmarkt', address: 'Gent' },
      }),
      inboundMessage(anna, { type: 'reaction', reaction: { message_id: 'wamid.earlier', emoji: '👍' } }),
      inboundMessage(anna, {
        type: 'order',
        order: {
          catalog_id: '194836987003835',
          text: 'Love these!',
          product_items: [{ product_retailer_id: 'SKU-1', quantity: 2, item_price: 7.99, currency: 'EUR' }],
        },
      }),
      inboundMessage(anna, { type: 'hologram', hologram: { beam: true } }),
      inboundMessage(anna, {
        type: 'unsupported',
        errors: [{ code: 131051, title: 'Message type unknown', message: 'Message type unknown' }],
      }),
    ];
    for (const payload of sends) expect((await postWebhook(h.url, payload)).status).toBe(200);
    const [conversation] = await conversations(h);
    const messages = await messagesOf(h, conversation?.id ?? '');
    expect(messages.map((m) => [m.type, m.text])).toEqual([
      ['image', 'This one'],
      ['location', 'Korenmarkt, Gent'],
      ['reaction', '👍'],
      ['order', 'Love these!'],
      ['unsupported', ''],
      ['unsupported', ''],
    ]);
    expect(messages[0]?.content).toEqual({ kind: 'media', mediaId: '1003383421387256', mimeType: 'image/jpeg' });
    expect(messages[3]?.content).toEqual({
      kind: 'order',
      catalogId: '194836987003835',
      items: [{ productRetailerId: 'SKU-1', quantity: 2, unitPrice: { amount: 799, currency: 'EUR' } }],
    });
    expect(messages[4]?.content).toEqual({ kind: 'unsupported', reason: 'WhatsApp type "hologram"' });
    expect(messages[5]?.content).toEqual({ kind: 'unsupported', reason: '(131051) Message type unknown' });
  });

  it('answers malformed JSON, foreign payloads and oversized bodies with clear errors and stores nothing', async () => {
    const malformed = await postWebhook(h.url, null, { rawBody: '{"object": "whatsapp_business_account", "entry": [' });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({
      error: { code: 'BAD_REQUEST', message: 'The webhook body is not valid JSON' },
    });

    const foreign = await postWebhook(h.url, { object: 'page', entry: [] });
    expect(foreign.status).toBe(400);

    const badSender = inboundText({ waId: 'not-a-number', name: 'X' }, 'hi');
    expect((await postWebhook(h.url, badSender)).status).toBe(400);

    const huge = inboundText(anna, 'x'.repeat(4 * 1024 * 1024));
    const tooLarge = await postWebhook(h.url, huge);
    expect(tooLarge.status).toBe(413);
    expect(await tooLarge.json()).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });

    expect(await conversations(h)).toEqual([]);
    // …and the relay still takes good webhooks.
    expect((await postWebhook(h.url, inboundText(anna, 'still here'))).status).toBe(200);
    expect(await conversations(h)).toHaveLength(1);
  });

  it('exposes none of the sandbox when real Cloud API credentials are configured', async () => {
    expect((await api(h, null, 'GET', '/sandbox')).status).toBe(404);
    expect((await api(h, null, 'GET', '/sandbox/api/customers')).status).toBe(404);
    expect((await api(h, null, 'POST', '/sandbox/graph/v25.0/106540352242922/messages', {})).status).toBe(404);
  });

  it('validates a whole payload before storing any of it', async () => {
    const good = inboundText(anna, 'first');
    const value = (good.entry as { changes: { value: { messages: unknown[] } }[] }[])[0]?.changes[0]?.value;
    value?.messages.push({
      from: 'bogus',
      id: newWamid(),
      timestamp: '1750096325',
      type: 'text',
      text: { body: 'second' },
    });
    expect((await postWebhook(h.url, good)).status).toBe(400);
    expect(await conversations(h)).toEqual([]);
  });
});
