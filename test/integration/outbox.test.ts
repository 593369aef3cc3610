import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConversationListResponseSchema } from '../../shared/protocol/conversations.js';
import { MessageListResponseSchema } from '../../shared/protocol/messages.js';
import { api, command, connectClient, startHarness, type Harness } from '../helpers/relay-harness.js';
import { inboundText, postWebhook } from '../helpers/webhooks.js';

/*
 * What the renderer's outbox relies on: a reply sent again with its clientId (after a lost ack, a
 * reconnect, a reload, a relay restart) is one message and one WhatsApp send. (The catch-up after
 * a relay restart is in catch-up.test.ts.)
 */

const ilse = { waId: '32477001122', name: 'Ilse Wouters' };

describe('the outbox’s guarantees on the relay', () => {
  let h: Harness;
  let id: string;
  beforeEach(async () => {
    h = await startHarness();
    await postWebhook(h.url, inboundText(ilse, 'Hallo'));
    id =
      ConversationListResponseSchema.parse((await api(h, h.adminToken, 'GET', '/api/v1/conversations')).body)
        .conversations[0]?.id ?? '';
  });
  afterEach(async () => {
    await h.stop();
  });

  const history = async () =>
    MessageListResponseSchema.parse((await api(h, h.adminToken, 'GET', `/api/v1/conversations/${id}/messages`)).body)
      .messages;

  it('stores and sends a clientId once, however often and however it is sent, also across a restart', async () => {
    const client = await connectClient(h.url, h.adminToken);
    const send = { conversationId: id, text: 'Eén keer', clientId: 'outbox-1' };
    const answers = await Promise.all([
      command(client.socket, 'message:send', send),
      command(client.socket, 'message:send', send),
      api(h, h.adminToken, 'POST', `/api/v1/conversations/${id}/messages`, { text: 'Eén keer', clientId: 'outbox-1' }),
    ]);
    const [first, second] = answers;
    expect(second.message.id).toBe(first.message.id);
    expect((answers[2] as { body: { message: { id: string } } }).body.message.id).toBe(first.message.id);
    client.close();
    await h.relay.idle();

    await h.restart();
    const again = await connectClient(h.url, h.adminToken);
    expect((await command(again.socket, 'message:send', send)).message.id).toBe(first.message.id);
    again.close();
    await h.relay.idle();
    expect((await history()).filter((m) => m.clientId === 'outbox-1')).toHaveLength(1);
    expect(h.graph.sends().filter((s) => JSON.stringify(s.body).includes('Eén keer'))).toHaveLength(1);
  });
});
