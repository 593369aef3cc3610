import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConversationListResponseSchema, ConversationResponseSchema } from '../../shared/protocol/conversations.js';
import { MessageListResponseSchema } from '../../shared/protocol/messages.js';
import { api, command, connectClient, startHarness, type Harness, type TestClient } from '../helpers/relay-harness.js';
import { inboundText, postWebhook } from '../helpers/webhooks.js';

const cees = { waId: '32486111222', name: 'Cees Janssens' };
const HOUR = 60 * 60 * 1000;

describe('conversation workflow: statuses, system lines, snoozes and per-agent unread counts', () => {
  let h: Harness;
  const clock = { now: Date.now() };
  const clients: TestClient[] = [];
  const connect = async (token: string) => {
    const client = await connectClient(h.url, token);
    clients.push(client);
    return client;
  };
  const patch = (id: string, body: unknown, token = h.adminToken) =>
    api(h, token, 'PATCH', `/api/v1/conversations/${id}`, body);
  const lines = async (id: string) =>
    MessageListResponseSchema.parse((await api(h, h.adminToken, 'GET', `/api/v1/conversations/${id}/messages`)).body)
      .messages;
  const list = async (token: string, query = '') =>
    ConversationListResponseSchema.parse((await api(h, token, 'GET', `/api/v1/conversations${query}`)).body)
      .conversations;
  const customerWrites = async (text: string) => {
    await postWebhook(h.url, inboundText(cees, text, { at: clock.now }));
  };
  async function firstChat(): Promise<string> {
    await customerWrites('Hallo');
    return (await list(h.adminToken))[0]?.id ?? '';
  }

  beforeEach(async () => {
    clock.now = Date.now();
    h = await startHarness({ now: () => clock.now, config: { clockTickMs: 20 } });
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await h.stop();
  });

  it('changes status over REST and Socket.IO, records who did it as a system line, and refuses bad changes', async () => {
    const id = await firstChat();
    const boss = await connect(h.adminToken);
    const seen = boss.next('message:new', (p) => p.message.type === 'system');
    const resolved = await patch(id, { status: 'resolved' });
    expect(resolved.status).toBe(200);
    expect(ConversationResponseSchema.parse(resolved.body).conversation).toMatchObject({ status: 'resolved' });
    const event = await seen;
    expect(event.conversation.status).toBe('resolved');
    expect(event.message).toMatchObject({
      type: 'system',
      text: 'Supervisor resolved the conversation',
      content: { kind: 'system', event: 'status_changed', from: 'open', to: 'resolved' },
    });
    expect(event.message.authorId).not.toBeNull();

    const pending = await command(boss.socket, 'conversation:setStatus', { conversationId: id, status: 'pending' });
    expect(pending.conversation.status).toBe('pending');
    // The same status again changes nothing and adds no line.
    await patch(id, { status: 'pending' });
    expect((await lines(id)).filter((m) => m.type === 'system').map((m) => m.content)).toMatchObject([
      { to: 'resolved' },
      { to: 'pending' },
    ]);

    expect((await patch(id, { status: 'snoozed' })).status).toBe(400);
    expect((await patch(id, { status: 'open', snoozedUntil: new Date(clock.now + HOUR).toISOString() })).status).toBe(
      400,
    );
    expect((await patch(id, { status: 'snoozed', snoozedUntil: new Date(clock.now - 1).toISOString() })).status).toBe(
      400,
    );
    expect((await patch(id, { status: 'closed' })).status).toBe(400);
    expect((await patch('no-such-chat', { status: 'open' })).status).toBe(404);

    // An agent cannot touch a colleague's chat: it does not exist for them.
    const ann = await h.addAgent('Ann');
    const ben = await h.addAgent('Ben');
    await api(h, h.adminToken, 'POST', `/api/v1/conversations/${id}/assign`, { agentId: ben.agent.id });
    expect((await patch(id, { status: 'resolved' }, ann.token)).status).toBe(404);
    expect((await patch(id, { status: 'resolved' }, ben.token)).status).toBe(200);
  });

  it('reopens a snoozed chat when its time comes, and again after a relay restart', async () => {
    const id = await firstChat();
    const until = new Date(clock.now + HOUR).toISOString();
    const snoozed = await patch(id, { status: 'snoozed', snoozedUntil: until });
    expect(ConversationResponseSchema.parse(snoozed.body).conversation).toMatchObject({
      status: 'snoozed',
      snoozedUntil: until,
    });

    const boss = await connect(h.adminToken);
    const reopened = boss.next('message:new', (p) => p.conversation.status === 'open');
    clock.now += HOUR + 1;
    const event = await reopened;
    expect(event.message).toMatchObject({ type: 'system', authorId: null, text: 'Reopened: the snooze ended' });
    expect(event.conversation).toMatchObject({ snoozedUntil: null });

    // Snoozed again, then the relay restarts before the time: the snooze is armed again at start.
    await patch(id, { status: 'snoozed', snoozedUntil: new Date(clock.now + HOUR).toISOString() });
    boss.close();
    await h.restart();
    const after = await connect(h.adminToken);
    const again = after.next('message:new', (p) => p.conversation.status === 'open');
    clock.now += HOUR + 1;
    expect((await again).message.content).toMatchObject({ cause: 'snooze_ended' });
  });

  it('reopens a snoozed, resolved or pending chat when the customer writes', async () => {
    const id = await firstChat();
    await patch(id, { status: 'snoozed', snoozedUntil: new Date(clock.now + 24 * HOUR).toISOString() });
    const boss = await connect(h.adminToken);
    const reopened = boss.next('message:new', (p) => p.message.type === 'system' && p.conversation.status === 'open');
    await customerWrites('Are you there?');
    expect((await reopened).message).toMatchObject({
      text: 'Reopened: the customer wrote',
      content: { from: 'snoozed' },
    });

    await patch(id, { status: 'resolved' });
    const again = boss.next('message:new', (p) => p.message.type === 'system' && p.conversation.status === 'open');
    await customerWrites('One more question');
    expect((await again).message.content).toMatchObject({ from: 'resolved', to: 'open', cause: 'customer_wrote' });
    // The customer's words come first, then the line saying what they did.
    const history = await lines(id);
    expect(history.slice(-2).map((m) => m.type)).toEqual(['text', 'system']);
    // Pending waits on the customer: their answer opens it again too.
    await patch(id, { status: 'pending' });
    const answered = boss.next('message:new', (p) => p.message.type === 'system' && p.conversation.status === 'open');
    await customerWrites('Here is the photo');
    expect((await answered).message.content).toMatchObject({ from: 'pending', to: 'open' });
  });

  it('counts unread messages per agent: reading marks it read for the reader only, and sends one read receipt', async () => {
    const ann = await h.addAgent('Ann');
    const ben = await h.addAgent('Ben');
    const id = await firstChat();
    await customerWrites('Second');
    const annApp = await connect(ann.token);
    const benApp = await connect(ben.token);

    const annSeesZero = annApp.next('conversation:upsert', (c) => c.id === id && c.unreadCount === 0);
    const read = await api(h, ann.token, 'POST', `/api/v1/conversations/${id}/read`);
    expect(ConversationResponseSchema.parse(read.body).conversation.unreadCount).toBe(0);
    await annSeesZero;
    expect((await list(ann.token))[0]?.unreadCount).toBe(0);
    expect((await list(ben.token))[0]?.unreadCount).toBe(2);
    expect((await list(h.adminToken))[0]?.unreadCount).toBe(2);

    // A new customer message: each screen gets its own count.
    const annCount = annApp.next('message:new', (p) => p.message.text === 'Third');
    const benCount = benApp.next('message:new', (p) => p.message.text === 'Third');
    await customerWrites('Third');
    expect((await annCount).conversation.unreadCount).toBe(1);
    expect((await benCount).conversation.unreadCount).toBe(3);

    // One receipt for the newest customer message, however many agents read it.
    await command(benApp.socket, 'conversation:markRead', { conversationId: id });
    await api(h, h.adminToken, 'POST', `/api/v1/conversations/${id}/read`);
    await command(annApp.socket, 'conversation:markRead', { conversationId: id });
    await h.relay.idle();
    const receipts = h.graph.requests.filter((r) => r.body['status'] === 'read').map((r) => r.body['message_id']);
    expect(new Set(receipts).size).toBe(receipts.length);
    expect(receipts).toHaveLength(2);
    expect((await list(ann.token))[0]?.unreadCount).toBe(0);
    // Reading a chat one may not see: 404.
    await api(h, h.adminToken, 'POST', `/api/v1/conversations/${id}/assign`, { agentId: ann.agent.id });
    expect((await api(h, ben.token, 'POST', `/api/v1/conversations/${id}/read`)).status).toBe(404);
  });
});
