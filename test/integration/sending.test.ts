import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SERVICE_WINDOW_MS } from '../../shared/domain/conversation.js';
import type { Message } from '../../shared/domain/message.js';
import { ConversationListResponseSchema } from '../../shared/protocol/conversations.js';
import { MessageResponseSchema } from '../../shared/protocol/messages.js';
import { graphError } from '../helpers/fake-graph.js';
import { api, command, connectClient, startHarness, type Harness, type TestClient } from '../helpers/relay-harness.js';
import { inboundText, postWebhook, statusUpdate } from '../helpers/webhooks.js';

const bram = { waId: '31612345678', name: 'Bram de Vries' };

describe('sending replies through the Cloud API', () => {
  let h: Harness;
  let client: TestClient;
  let conversationId: string;
  let clock = Date.now();

  beforeEach(async () => {
    clock = Date.now();
    h = await startHarness({ now: () => clock });
    client = await connectClient(h.url, h.adminToken);
    await postWebhook(h.url, inboundText(bram, 'Hallo, is de winkel open?', { at: clock }));
    const list = ConversationListResponseSchema.parse(
      (await api(h, h.adminToken, 'GET', '/api/v1/conversations')).body,
    );
    conversationId = list.conversations[0]?.id ?? '';
  });
  afterEach(async () => {
    client.close();
    await h.stop();
  });

  const update = (status: Message['status']) =>
    client.next('message:update', (p) => p.conversationId === conversationId && p.message.status === status);

  it('sends a text with the bearer token and shows ticks coming back on every screen', async () => {
    const sent = update('sent');
    const response = await api(h, h.adminToken, 'POST', `/api/v1/conversations/${conversationId}/messages`, {
      text: 'Ja, tot 18u!',
    });
    expect(response.status).toBe(201);
    const { message } = MessageResponseSchema.parse(response.body);
    expect(message).toMatchObject({ direction: 'out', status: 'pending', text: 'Ja, tot 18u!', waMessageId: null });

    const afterSend = await sent;
    const request = h.graph.sends()[0];
    expect(request?.path).toBe(`/v25.0/106540352242922/messages`);
    expect(request?.authorization).toBe('Bearer test-token');
    expect(request?.body).toMatchObject({
      messaging_product: 'whatsapp',
      to: '+31612345678',
      type: 'text',
      text: { body: 'Ja, tot 18u!' },
    });
    const wamid = afterSend.message.waMessageId ?? '';
    expect(wamid).toMatch(/^wamid\./);

    const delivered = update('delivered');
    await postWebhook(h.url, statusUpdate(wamid, bram.waId, 'delivered'));
    await delivered;
    const read = update('read');
    await postWebhook(h.url, statusUpdate(wamid, bram.waId, 'read'));
    expect((await read).message.status).toBe('read');
    // A late `delivered` after `read` does not move the ticks back.
    await postWebhook(h.url, statusUpdate(wamid, bram.waId, 'delivered'));
    const { messages } = await command(client.socket, 'conversation:history', { conversationId, limit: 10 });
    expect(messages.at(-1)?.status).toBe('read');
  });

  it('shows a Graph API error as a failed message with its reason', async () => {
    const details = 'Message failed to send because more than 24 hours have passed since the customer last replied.';
    h.graph.reply(graphError(131047, '(#131047) Re-engagement message', 400, details));
    const failed = update('failed');
    await command(client.socket, 'message:send', { conversationId, text: 'Hallo?', clientId: 'c-1' });
    const { message } = await failed;
    expect(message.error).toEqual({ code: 131047, message: `(#131047) Re-engagement message: ${details}` });
    expect(h.graph.sends()).toHaveLength(1);
  });

  it('retries temporary errors with backoff, then succeeds', async () => {
    h.graph.reply(graphError(130429, '(#130429) Rate limit hit'), { status: 503, body: 'busy' });
    const sent = update('sent');
    await command(client.socket, 'message:send', { conversationId, text: 'Eventually', clientId: 'c-2' });
    await sent;
    expect(h.graph.sends()).toHaveLength(3);
  });

  it('marks the message failed after the last retry of a temporary error', async () => {
    h.graph.reply(...[1, 2, 3].map(() => graphError(130429, '(#130429) Rate limit hit')));
    const failed = update('failed');
    await command(client.socket, 'message:send', { conversationId, text: 'Busy day', clientId: 'c-3' });
    expect((await failed).message.error?.code).toBe(130429);
  });

  it('shows a bad token as a failed message', async () => {
    h.graph.reply(graphError(190, '(#190) Invalid OAuth access token', 401));
    const failed = update('failed');
    await command(client.socket, 'message:send', { conversationId, text: 'x', clientId: 'c-4' });
    expect((await failed).message.error?.code).toBe(190);
  });

  it('applies a failed status webhook with its error', async () => {
    const sent = update('sent');
    await command(client.socket, 'message:send', { conversationId, text: 'Bericht', clientId: 'c-5' });
    const wamid = (await sent).message.waMessageId ?? '';
    const failed = update('failed');
    await postWebhook(
      h.url,
      statusUpdate(wamid, bram.waId, 'failed', [
        { code: 131026, title: 'Message undeliverable', message: 'Message undeliverable' },
      ]),
    );
    expect((await failed).message.error).toEqual({ code: 131026, message: 'Message undeliverable' });
  });

  it('sends a command repeated with the same clientId once', async () => {
    const first = await command(client.socket, 'message:send', { conversationId, text: 'Once', clientId: 'same' });
    const again = await command(client.socket, 'message:send', { conversationId, text: 'Once', clientId: 'same' });
    expect(again.message.id).toBe(first.message.id);
    await h.relay.idle();
    expect(h.graph.sends()).toHaveLength(1);
  });

  it('refuses free-form text once the 24-hour window has closed, before calling WhatsApp', async () => {
    clock += SERVICE_WINDOW_MS + 1000;
    const response = await api(h, h.adminToken, 'POST', `/api/v1/conversations/${conversationId}/messages`, {
      text: 'Too late',
    });
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ error: { code: 'WINDOW_CLOSED' } });
    expect(h.graph.sends()).toHaveLength(0);
  });

  it('marks the customer’s messages read on WhatsApp when an agent opens the chat', async () => {
    await command(client.socket, 'conversation:markRead', { conversationId });
    await h.relay.idle();
    const read = h.graph.requests.find((r) => r.body['status'] === 'read');
    expect(read?.body).toMatchObject({ messaging_product: 'whatsapp', status: 'read' });
    const list = ConversationListResponseSchema.parse(
      (await api(h, h.adminToken, 'GET', '/api/v1/conversations')).body,
    );
    expect(list.conversations[0]?.unreadCount).toBe(0);
  });
});
