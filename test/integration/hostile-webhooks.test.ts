import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConversationListResponseSchema } from '../../shared/protocol/conversations.js';
import { MessageListResponseSchema } from '../../shared/protocol/messages.js';
import { dataFolderDigest } from '../helpers/data-folder.js';
import { api, startHarness, type Harness } from '../helpers/relay-harness.js';
import { envelope, newWamid, postWebhook } from '../helpers/webhooks.js';

/*
 * Webhooks that are validly signed but carry values no real delivery has: what can be repaired
 * without losing the customer's words is repaired; what cannot refuses the whole delivery, and a
 * refused delivery leaves the data folder byte-identical.
 */

const customer = { profile: { name: 'Rik' }, wa_id: '32470777888' };
const textMessage = (timestamp: string, body = 'hallo', from = '32470777888') => ({
  from,
  id: newWamid(),
  timestamp,
  type: 'text',
  text: { body },
});

describe('hostile webhooks', () => {
  let h: Harness;
  let clock: number;
  beforeEach(async () => {
    clock = Date.parse('2026-11-24T10:00:00.000Z');
    h = await startHarness({ now: () => clock });
  });
  afterEach(async () => {
    await h.stop();
  });

  async function onlyConversation() {
    const list = ConversationListResponseSchema.parse(
      (await api(h, h.adminToken, 'GET', '/api/v1/conversations')).body,
    );
    return list.conversations;
  }

  it('stores a message dated in the year 10000 at the time of receipt, and the relay starts again', async () => {
    const year10000 = String(Date.UTC(10000, 0, 1) / 1000);
    expect(
      (await postWebhook(h.url, envelope({ contacts: [customer], messages: [textMessage(year10000)] }))).status,
    ).toBe(200);
    const [conversation] = await onlyConversation();
    const receipt = new Date(clock).toISOString();
    // The 24-hour window runs from when it arrived, not from the year 10000.
    expect(conversation).toMatchObject({ lastInboundAt: receipt, lastMessageAt: receipt });
    await h.restart();
    const messages = MessageListResponseSchema.parse(
      (await api(h, h.adminToken, 'GET', `/api/v1/conversations/${conversation?.id ?? ''}/messages`)).body,
    ).messages;
    expect(messages.map((m) => [m.text, m.createdAt])).toEqual([['hallo', receipt]]);
  });

  it('repairs a timestamp outside JavaScript’s date range instead of failing, and one before WhatsApp existed', async () => {
    for (const timestamp of ['9999999999999999', '0', '1']) {
      const response = await postWebhook(h.url, envelope({ contacts: [customer], messages: [textMessage(timestamp)] }));
      expect(response.status).toBe(200);
    }
    const [conversation] = await onlyConversation();
    expect(conversation?.unreadCount).toBe(3);
  });

  it('refuses a delivery whole when one of its messages cannot be read: the good one is not stored either', async () => {
    await h.relay.flush();
    const before = await dataFolderDigest(h.dataDir);
    const now = String(Math.floor(clock / 1000));
    const deliveries = [
      // The second message has a sender that is no WhatsApp id.
      envelope({ contacts: [customer], messages: [textMessage(now, 'good'), textMessage(now, 'bad', '+32 abc')] }),
      // A location off the globe, a text longer than WhatsApp allows, an order of a billion items.
      envelope({
        contacts: [customer],
        messages: [
          textMessage(now),
          { ...textMessage(now), type: 'location', location: { latitude: 91, longitude: 0 } },
        ],
      }),
      envelope({ contacts: [customer], messages: [textMessage(now, 'x'.repeat(70_000))] }),
      envelope({
        contacts: [customer],
        messages: [
          {
            ...textMessage(now),
            type: 'order',
            order: {
              catalog_id: '1',
              product_items: [{ product_retailer_id: 'a', quantity: 1e9, item_price: 1, currency: 'EUR' }],
            },
          },
        ],
      }),
      // A status that names no recipient at all.
      envelope({ statuses: [{ id: newWamid(), status: 'read', timestamp: now }] }),
    ];
    for (const payload of deliveries) {
      const response = await postWebhook(h.url, payload);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: { code: 'BAD_REQUEST' } });
    }
    await h.relay.flush();
    expect(await dataFolderDigest(h.dataDir)).toEqual(before);
    expect(await onlyConversation()).toEqual([]);
  });

  it('applies a delivery of several customers’ messages as one step', async () => {
    const now = String(Math.floor(clock / 1000));
    const payload = envelope({
      contacts: [customer, { profile: { name: 'Sara' }, wa_id: '32470111000' }],
      messages: [textMessage(now, 'van Rik'), textMessage(now, 'van Sara', '32470111000')],
    });
    expect((await postWebhook(h.url, payload)).status).toBe(200);
    expect((await onlyConversation()).map((c) => [c.contact.name, c.lastMessage?.text])).toEqual([
      ['Sara', 'van Sara'],
      ['Rik', 'van Rik'],
    ]);
  });
});
