import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConversationSummary } from '../../shared/domain/conversation.js';
import { ConversationListResponseSchema } from '../../shared/protocol/conversations.js';
import { SettingsResponseSchema } from '../../shared/protocol/labels.js';
import { api, command, connectClient, startHarness, type Harness, type TestClient } from '../helpers/relay-harness.js';
import { inboundText, postWebhook } from '../helpers/webhooks.js';

const customer = (n: number) => ({ waId: `3247000000${n}`, name: `Customer ${n}` });

describe('auto-assignment: round-robin with capacity and presence', () => {
  let h: Harness;
  let boss: TestClient;
  const clients: TestClient[] = [];
  const connect = async (token: string) => {
    const client = await connectClient(h.url, token);
    clients.push(client);
    return client;
  };
  const all = async () =>
    ConversationListResponseSchema.parse((await api(h, h.adminToken, 'GET', '/api/v1/conversations')).body)
      .conversations;
  const chatOf = async (n: number): Promise<ConversationSummary> => {
    const found = (await all()).find((c) => c.contact.name === `Customer ${n}`);
    if (!found) throw new Error(`no chat of customer ${n}`);
    return found;
  };
  /** The customer writes; resolves once the relay has done what it does with a new chat. */
  const writes = async (n: number) => {
    await postWebhook(h.url, inboundText(customer(n), `Hello from ${n}`));
    await h.relay.idle();
  };
  const assigneeOf = async (n: number) => (await chatOf(n)).assigneeId;
  const setCapacity = (agentId: string, capacity: number) =>
    api(h, h.adminToken, 'PATCH', `/api/v1/agents/${agentId}`, { capacity });

  beforeEach(async () => {
    h = await startHarness({ config: { presenceGraceMs: 100 } });
    boss = await connect(h.adminToken);
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await h.stop();
  });

  it('lets everyone read the settings and only supervisors change them, live', async () => {
    const ann = await h.addAgent('Ann');
    expect(SettingsResponseSchema.parse((await api(h, ann.token, 'GET', '/api/v1/settings')).body).settings).toEqual({
      autoAssign: false,
    });
    expect((await api(h, ann.token, 'PATCH', '/api/v1/settings', { autoAssign: true })).status).toBe(403);
    expect((await api(h, h.adminToken, 'PATCH', '/api/v1/settings', { autoAssign: 'yes' })).status).toBe(400);
    const annApp = await connect(ann.token);
    const told = annApp.next('settings:update');
    const res = await api(h, h.adminToken, 'PATCH', '/api/v1/settings', { autoAssign: true });
    expect(res.status).toBe(200);
    expect(await told).toEqual({ autoAssign: true });
    expect((await command(annApp.socket, 'settings:get')).settings.autoAssign).toBe(true);
  });

  it('gives new chats in turn to online agents under capacity; the rest wait oldest first and drain as agents free up', async () => {
    const ann = await h.addAgent('Ann');
    const ben = await h.addAgent('Ben');
    await setCapacity(ann.agent.id, 1);
    await setCapacity(ben.agent.id, 1);
    await connect(ann.token);
    await connect(ben.token);
    await api(h, h.adminToken, 'PATCH', '/api/v1/settings', { autoAssign: true });

    await writes(1);
    await writes(2);
    expect([await assigneeOf(1), await assigneeOf(2)]).toEqual([ann.agent.id, ben.agent.id]);
    // Both are full: the next two wait in Unassigned, oldest first.
    await writes(3);
    await writes(4);
    expect(await assigneeOf(3)).toBeNull();
    expect((await chatOf(3)).waitingSince).not.toBeNull();
    const unassigned = ConversationListResponseSchema.parse(
      (await api(h, h.adminToken, 'GET', '/api/v1/conversations?view=unassigned')).body,
    ).conversations;
    expect(unassigned.map((c) => c.contact.name).sort()).toEqual(['Customer 3', 'Customer 4']);

    // A pending chat still counts toward capacity; resolving frees the place, and the oldest waiting chat takes it.
    const one = await chatOf(1);
    await api(h, ann.token, 'PATCH', `/api/v1/conversations/${one.id}`, { status: 'pending' });
    await h.relay.idle();
    expect(await assigneeOf(3)).toBeNull();
    await api(h, ann.token, 'PATCH', `/api/v1/conversations/${one.id}`, { status: 'resolved' });
    await h.relay.idle();
    expect(await assigneeOf(3)).toBe(ann.agent.id);
    expect(await assigneeOf(4)).toBeNull();

    // A higher capacity drains the queue too; the line says it was automatic.
    await setCapacity(ben.agent.id, 2);
    await h.relay.idle();
    expect(await assigneeOf(4)).toBe(ben.agent.id);
    const four = await chatOf(4);
    const history = await command(boss.socket, 'conversation:history', { conversationId: four.id });
    expect(history.messages.at(-1)).toMatchObject({
      type: 'system',
      authorId: null,
      text: 'Assigned automatically to Ben',
      content: { event: 'assignee_changed', to: ben.agent.id, cause: 'auto_assigned' },
    });
  });

  it('skips agents who are away, offline or supervisors, and gives the queue to an agent the moment they come online', async () => {
    const ann = await h.addAgent('Ann');
    const ben = await h.addAgent('Ben');
    await h.addAgent('Cas', 'supervisor');
    const annApp = await connect(ann.token);
    await command(annApp.socket, 'presence:set', { status: 'away' });
    await api(h, h.adminToken, 'PATCH', '/api/v1/settings', { autoAssign: true });

    await writes(1);
    await writes(2);
    expect(await assigneeOf(1)).toBeNull();
    expect(await assigneeOf(2)).toBeNull();

    // Ben opens the app: both waiting chats are his (capacity 10), the oldest first.
    await connect(ben.token);
    await h.relay.idle();
    expect([await assigneeOf(1), await assigneeOf(2)]).toEqual([ben.agent.id, ben.agent.id]);

    // Ann is back: the next chat is hers, she has waited longest.
    await command(annApp.socket, 'presence:set', { status: 'online' });
    await writes(3);
    expect(await assigneeOf(3)).toBe(ann.agent.id);
    // Then it is Ben's turn again.
    await writes(4);
    expect(await assigneeOf(4)).toBe(ben.agent.id);
  });

  it('keeps an agent in the round through a reconnect, then, once the grace period ends, lets the queue wait for and drain to the next agent', async () => {
    const ann = await h.addAgent('Ann');
    const ben = await h.addAgent('Ben');
    await api(h, h.adminToken, 'PATCH', '/api/v1/settings', { autoAssign: true });
    let annApp = await connect(ann.token);
    await writes(1);
    expect(await assigneeOf(1)).toBe(ann.agent.id);

    // A network blip: her app is gone for less than the grace period and she never goes offline.
    const flaps = boss.events.length;
    annApp.close();
    annApp = await connect(ann.token);
    await writes(2);
    expect(await assigneeOf(2)).toBe(ann.agent.id);
    await new Promise((resolve) => setTimeout(resolve, 250));
    const annOffline = (e: { name: string; payload: unknown }) =>
      e.name === 'agent:upsert' && JSON.stringify(e.payload).includes('"presence":"offline"');
    expect(boss.events.slice(flaps).filter(annOffline)).toEqual([]);

    // Her app closes for good: after the grace period she is offline and new chats wait.
    const offline = boss.next('agent:upsert', (a) => a.id === ann.agent.id && a.presence === 'offline');
    annApp.close();
    await offline;
    await writes(3);
    await writes(4);
    expect([await assigneeOf(3), await assigneeOf(4)]).toEqual([null, null]);
    // What she had stays hers (she answers it when she is back).
    expect([await assigneeOf(1), await assigneeOf(2)]).toEqual([ann.agent.id, ann.agent.id]);

    // Ben (room for one) comes online: the oldest waiting chat is his at once, the other waits on.
    await setCapacity(ben.agent.id, 1);
    await connect(ben.token);
    await h.relay.idle();
    expect([await assigneeOf(3), await assigneeOf(4)]).toEqual([ben.agent.id, null]);
  });

  it('keeps the turns across a relay restart: whoever has waited longest is still next', async () => {
    const ann = await h.addAgent('Ann');
    const ben = await h.addAgent('Ben');
    await api(h, h.adminToken, 'PATCH', '/api/v1/settings', { autoAssign: true });
    const first = [await connect(ann.token), await connect(ben.token)];
    await writes(1);
    await writes(2);
    await writes(3);
    expect([await assigneeOf(1), await assigneeOf(2), await assigneeOf(3)]).toEqual([
      ann.agent.id,
      ben.agent.id,
      ann.agent.id,
    ]);
    for (const c of first) c.close();
    boss.close();
    await h.restart();
    boss = await connect(h.adminToken);
    await connect(ann.token);
    await connect(ben.token);
    // Equal turns would give it to Ann (ties go by name); Ben has waited longest.
    await writes(4);
    expect(await assigneeOf(4)).toBe(ben.agent.id);
  });

  it('counts chats assigned by hand toward capacity, and reopened chats go back into the round', async () => {
    const ann = await h.addAgent('Ann');
    await setCapacity(ann.agent.id, 1);
    await connect(ann.token);
    await writes(1);
    const one = await chatOf(1);
    await api(h, h.adminToken, 'POST', `/api/v1/conversations/${one.id}/assign`, { agentId: ann.agent.id });
    await api(h, h.adminToken, 'PATCH', '/api/v1/settings', { autoAssign: true });
    await writes(2);
    expect(await assigneeOf(2)).toBeNull();

    // Chat 2 is resolved by the supervisor while waiting, then reopened by the customer: it waits again.
    const two = await chatOf(2);
    await api(h, h.adminToken, 'PATCH', `/api/v1/conversations/${two.id}`, { status: 'resolved' });
    expect((await chatOf(2)).waitingSince).toBeNull();
    await writes(2);
    expect((await chatOf(2)).waitingSince).not.toBeNull();
    await api(h, h.adminToken, 'PATCH', `/api/v1/conversations/${one.id}`, { status: 'resolved' });
    await h.relay.idle();
    expect(await assigneeOf(2)).toBe(ann.agent.id);
  });
});

describe('reassignment moves a chat between screens', () => {
  let h: Harness;
  afterEach(async () => {
    await h.stop();
  });

  it('the agent who loses the chat gets conversation:remove, the one who gains it conversation:upsert', async () => {
    h = await startHarness();
    const ann = await h.addAgent('Ann');
    const ben = await h.addAgent('Ben');
    const [annApp, benApp] = await Promise.all([connectClient(h.url, ann.token), connectClient(h.url, ben.token)]);
    await postWebhook(h.url, inboundText(customer(1), 'Hi'));
    const list = ConversationListResponseSchema.parse(
      (await api(h, h.adminToken, 'GET', '/api/v1/conversations')).body,
    );
    const id = list.conversations[0]?.id ?? '';
    const benLoses = benApp.next('conversation:remove');
    await api(h, h.adminToken, 'POST', `/api/v1/conversations/${id}/assign`, { agentId: ann.agent.id });
    expect(await benLoses).toEqual({ id });

    const annLoses = annApp.next('conversation:remove');
    const benGains = benApp.next('conversation:upsert', (c) => c.id === id);
    const benLine = benApp.next('message:new', (p) => p.conversationId === id && p.message.type === 'system');
    await api(h, h.adminToken, 'POST', `/api/v1/conversations/${id}/assign`, { agentId: ben.agent.id });
    expect(await annLoses).toEqual({ id });
    expect((await benGains).assigneeId).toBe(ben.agent.id);
    expect((await benLine).message.text).toBe('Supervisor assigned the conversation to Ben');
    // Ann's list no longer has it; Ben's Mine does.
    const mine = ConversationListResponseSchema.parse(
      (await api(h, ben.token, 'GET', '/api/v1/conversations?view=mine')).body,
    ).conversations;
    expect(mine.map((c) => c.id)).toEqual([id]);
    const annList = ConversationListResponseSchema.parse(
      (await api(h, ann.token, 'GET', '/api/v1/conversations')).body,
    );
    expect(annList.conversations).toEqual([]);
    annApp.close();
    benApp.close();
  });
});
