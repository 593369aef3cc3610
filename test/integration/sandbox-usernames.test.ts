import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConversationListResponseSchema } from '../../shared/protocol/conversations.js';
import { ThreadResponseSchema } from '../../shared/protocol/sandbox.js';
import { api, connectClient, startHarness, type Harness } from '../helpers/relay-harness.js';

/*
 * The sandbox plays a customer who hides their number behind a username, the way WhatsApp does
 * since 2026: the relay is told only the username and the business-scoped user id, replies go to
 * that id (`recipient`), and the ticks come back by it. The relay in sandbox mode, end to end.
 */

describe('sandbox customers with a username and no visible number', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness({ config: { whatsapp: { mode: 'sandbox' } } });
  });
  afterEach(async () => {
    await h.stop();
  });

  it('reaches the inbox without a number, and the reply reaches the phone by user id', async () => {
    const write = await fetch(`${h.url}/sandbox/api/customers/32470246810/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'Lotte',
        username: '@lotte.shops',
        hidesNumber: true,
        text: 'Is deze nog te koop?',
      }),
    });
    expect(write.status).toBe(200);
    const list = ConversationListResponseSchema.parse(
      (await api(h, h.adminToken, 'GET', '/api/v1/conversations')).body,
    );
    const [conversation] = list.conversations;
    expect(conversation?.contact).toMatchObject({ waId: null, username: 'lotte.shops', name: 'Lotte' });
    expect(conversation?.contact.userId).toMatch(/^BE\.\d{20}$/);

    const client = await connectClient(h.url, h.adminToken);
    const sent = client.next('message:update', (p) => p.message.status === 'sent');
    const reply = await api(h, h.adminToken, 'POST', `/api/v1/conversations/${conversation?.id ?? ''}/messages`, {
      text: 'Ja, nog één!',
    });
    expect(reply.status).toBe(201);
    await sent;
    const thread = ThreadResponseSchema.parse(
      await (await fetch(`${h.url}/sandbox/api/customers/32470246810/messages`)).json(),
    );
    expect(thread.messages.map((m) => [m.from, m.text])).toEqual([
      ['customer', 'Is deze nog te koop?'],
      ['shop', 'Ja, nog één!'],
    ]);
    client.close();
  });
});
