import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ContactHistorySchema } from '../../shared/protocol/contacts.js';
import { ConversationResponseSchema } from '../../shared/protocol/conversations.js';
import { LabelResponseSchema } from '../../shared/protocol/labels.js';
import { MessageListResponseSchema } from '../../shared/protocol/messages.js';
import {
  api,
  command,
  connectClient,
  customerWrites,
  type Harness,
  startHarness,
  type TestClient,
} from '../helpers/relay-harness.js';
import { addProduct } from '../helpers/selling.js';
import { inboundText, postWebhook } from '../helpers/webhooks.js';

const cees = { waId: '32486111222', name: 'Cees Janssens' };
const MINUTE = 60 * 1000;

describe('the contact panel: who the customer is and their earlier conversations', () => {
  let h: Harness;
  const clock = { now: Date.parse('2026-11-02T09:00:00.000Z') };
  const clients: TestClient[] = [];
  let ann: { agent: { id: string }; token: string };
  let ben: { agent: { id: string }; token: string };
  let id: string;

  const later = (minutes: number) => {
    clock.now += minutes * MINUTE;
  };
  const contactOf = async (token: string | null, conversationId = id) =>
    api(h, token, 'GET', `/api/v1/conversations/${conversationId}/contact`);

  beforeEach(async () => {
    clock.now = Date.parse('2026-11-02T09:00:00.000Z');
    h = await startHarness({ now: () => clock.now });
    ann = await h.addAgent('Ann Peeters');
    ben = await h.addAgent('Ben Claes');
    id = await customerWrites(h, cees, 'Waar blijft mijn <b>fiets</b>?\nBesteld op maandag.', clock.now);
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await h.stop();
  });

  it('cuts the thread into conversations at each resolve, with who had it, counts and what it was about', async () => {
    later(1);
    await api(h, h.adminToken, 'POST', `/api/v1/conversations/${id}/assign`, { agentId: ann.agent.id });
    later(2);
    expect(
      (await api(h, ann.token, 'POST', `/api/v1/conversations/${id}/messages`, { text: 'Ik kijk even' })).status,
    ).toBe(201);
    await api(h, ann.token, 'POST', `/api/v1/conversations/${id}/notes`, { text: 'Leverancier bellen' });
    later(30);
    const resolved = await api(h, ann.token, 'PATCH', `/api/v1/conversations/${id}`, { status: 'resolved' });
    expect(ConversationResponseSchema.parse(resolved.body).conversation.status).toBe('resolved');
    const resolvedAt = new Date(clock.now).toISOString();

    later(60 * 24 * 3);
    await postWebhook(h.url, inboundText(cees, 'Hebben jullie ook helmen?', { at: clock.now }));
    const reopenedAt = new Date(clock.now).toISOString();

    const response = await contactOf(ann.token);
    expect(response.status).toBe(200);
    const history = ContactHistorySchema.parse(response.body);
    // Each conversation starts at its first line: the customer's message, then the line after the resolve.
    const thread = MessageListResponseSchema.parse(
      (await api(h, h.adminToken, 'GET', `/api/v1/conversations/${id}/messages`)).body,
    ).messages;
    const resolveLine = thread.findIndex((m) => m.content?.kind === 'system' && m.content.to === 'resolved');
    const firstIds = [thread[0]?.id, thread[resolveLine + 1]?.id];
    expect(history).toMatchObject({
      conversationId: id,
      contact: { waId: cees.waId, name: cees.name },
      firstContactAt: '2026-11-02T09:00:00.000Z',
      complete: true,
      orders: [],
    });
    expect(history.episodes).toEqual([
      {
        startedAt: '2026-11-02T09:00:00.000Z',
        firstMessageId: firstIds[0],
        endedAt: resolvedAt,
        resolvedBy: ann.agent.id,
        assigneeIds: [ann.agent.id],
        // The note and the system lines are part of it but are not messages.
        customerMessages: 1,
        replies: 1,
        // Customer text stays text, on one line.
        firstText: 'Waar blijft mijn <b>fiets</b>? Besteld op maandag.',
      },
      {
        startedAt: reopenedAt,
        firstMessageId: firstIds[1],
        endedAt: null,
        resolvedBy: null,
        assigneeIds: [],
        customerMessages: 1,
        replies: 0,
        firstText: 'Hebben jullie ook helmen?',
      },
    ]);
  });

  it('answers the same over Socket.IO, with the labels and orders of the conversation', async () => {
    const label = LabelResponseSchema.parse(
      (await api(h, h.adminToken, 'POST', '/api/v1/labels', { name: 'VIP', color: '#7048E8' })).body,
    ).label;
    expect(
      (await api(h, h.adminToken, 'PUT', `/api/v1/conversations/${id}/labels`, { labelIds: [label.id] })).status,
    ).toBe(200);
    const beans = await addProduct(h, { sku: 'BEANS', name: 'Coffee beans', amount: 1250 });
    await api(h, h.adminToken, 'PUT', `/api/v1/conversations/${id}/cart/items/${beans.id}`, { quantity: 2 });
    const ordered = await api(h, h.adminToken, 'POST', `/api/v1/conversations/${id}/payment-link`, {});
    expect(ordered.status).toBe(201);

    const boss = await connectClient(h.url, h.adminToken);
    clients.push(boss);
    const history = await command(boss.socket, 'contact:history', { conversationId: id });
    expect(history.labels).toEqual([label.id]);
    expect(history.orders).toHaveLength(1);
    expect(history.orders[0]).toMatchObject({
      conversationId: id,
      status: 'awaiting_payment',
      total: { amount: 2500 },
    });
    expect(ContactHistorySchema.parse((await contactOf(h.adminToken)).body)).toEqual(history);
  });

  it('does not exist for an agent who may not see the chat, nor without a session, nor for bad ids', async () => {
    await api(h, h.adminToken, 'POST', `/api/v1/conversations/${id}/assign`, { agentId: ann.agent.id });
    const benOnRest = await contactOf(ben.token);
    expect(benOnRest).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND' } } });
    expect(JSON.stringify(benOnRest.body)).not.toContain(cees.name);

    const benClient = await connectClient(h.url, ben.token);
    clients.push(benClient);
    const onSocket = await command(benClient.socket, 'contact:history', { conversationId: id }).catch(
      (e: unknown) => e,
    );
    expect(onSocket).toMatchObject({ code: 'NOT_FOUND' });
    const bad = await command(benClient.socket, 'contact:history', { conversationId: 'x'.repeat(500) }).catch(
      (e: unknown) => e,
    );
    expect(bad).toMatchObject({ code: 'BAD_REQUEST' });

    expect((await contactOf(null)).status).toBe(401);
    expect((await contactOf(ann.token, 'no-such-conversation')).status).toBe(404);
    // Ann, who has it, does see it.
    expect((await contactOf(ann.token)).status).toBe(200);
  });
});
