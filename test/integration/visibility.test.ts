import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConversationListResponseSchema } from '../../shared/protocol/conversations.js';
import {
  api,
  command,
  connectClient,
  conversationOf,
  startHarness,
  type Harness,
  type TestClient,
} from '../helpers/relay-harness.js';
import { inboundText, postWebhook } from '../helpers/webhooks.js';

const cees = { waId: '32486111222', name: 'Cees Janssens' };
const dirk = { waId: '32486333444', name: 'Dirk Maes' };

describe('who sees what: REST and Socket.IO rooms', () => {
  let h: Harness;
  let ann: { agent: { id: string }; token: string };
  let ben: { agent: { id: string }; token: string };
  let annClient: TestClient;
  let benClient: TestClient;
  let bossClient: TestClient;

  const conversationId = (waId: string) => conversationOf(h, waId);

  beforeEach(async () => {
    h = await startHarness();
    ann = await h.addAgent('Ann');
    ben = await h.addAgent('Ben');
    [annClient, benClient, bossClient] = await Promise.all([
      connectClient(h.url, ann.token),
      connectClient(h.url, ben.token),
      connectClient(h.url, h.adminToken),
    ]);
  });
  afterEach(async () => {
    for (const c of [annClient, benClient, bossClient]) c.close();
    await h.stop();
  });

  it('sends a new unassigned chat to every agent and supervisor', async () => {
    const seen = [annClient, benClient, bossClient].map((c) => c.next('message:new'));
    await postWebhook(h.url, inboundText(cees, 'Goeiedag'));
    for (const event of await Promise.all(seen)) expect(event.message.text).toBe('Goeiedag');
  });

  it('never sends an agent an event of a chat assigned to someone else', async () => {
    await postWebhook(h.url, inboundText(cees, 'first'));
    const id = await conversationId(cees.waId);
    const removed = benClient.next('conversation:remove');
    await command(annClient.socket, 'conversation:assign', { conversationId: id, agentId: ann.agent.id });
    expect(await removed).toEqual({ id });

    const benEventsBefore = benClient.events.length;
    const annSees = annClient.next('message:new', (p) => p.message.text === 'for Ann only');
    const bossSees = bossClient.next('message:new', (p) => p.message.text === 'for Ann only');
    await postWebhook(h.url, inboundText(cees, 'for Ann only'));
    await Promise.all([annSees, bossSees]);
    await command(annClient.socket, 'message:send', { conversationId: id, text: 'Ann answers', clientId: 'a1' });
    await h.relay.idle();
    // An unrelated unassigned chat arrives after: once Ben has it, he would have had the others too.
    const benSeesOther = benClient.next('message:new', (p) => p.message.text === 'other chat');
    await postWebhook(h.url, inboundText(dirk, 'other chat'));
    await benSeesOther;
    const leaked = benClient.events.slice(benEventsBefore).filter((e) => JSON.stringify(e.payload).includes(id));
    expect(leaked).toEqual([]);

    // REST agrees: the chat does not exist for Ben (404), Ann and the supervisor see it.
    expect((await api(h, ben.token, 'GET', `/api/v1/conversations/${id}/messages`)).status).toBe(404);
    expect((await api(h, ben.token, 'POST', `/api/v1/conversations/${id}/messages`, { text: 'x' })).status).toBe(404);
    expect((await api(h, ann.token, 'GET', `/api/v1/conversations/${id}/messages`)).status).toBe(200);
    const benList = ConversationListResponseSchema.parse(
      (await api(h, ben.token, 'GET', '/api/v1/conversations')).body,
    );
    expect(benList.conversations.map((c) => c.contact.name)).toEqual(['Dirk Maes']);
    const history = await command(benClient.socket, 'conversation:history', { conversationId: id }).catch(
      (e: unknown) => e,
    );
    expect(history).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('lets agents claim unassigned chats and hand back their own, and supervisors assign anyone', async () => {
    await postWebhook(h.url, inboundText(cees, 'hi'));
    const id = await conversationId(cees.waId);
    const toBen = await api(h, ann.token, 'POST', `/api/v1/conversations/${id}/assign`, { agentId: ben.agent.id });
    expect(toBen.status).toBe(403);
    expect(
      (await api(h, ann.token, 'POST', `/api/v1/conversations/${id}/assign`, { agentId: ann.agent.id })).status,
    ).toBe(200);
    // Now Ben cannot see it at all, so for him it does not exist.
    expect(
      (await api(h, ben.token, 'POST', `/api/v1/conversations/${id}/assign`, { agentId: ben.agent.id })).status,
    ).toBe(404);
    expect((await api(h, ann.token, 'POST', `/api/v1/conversations/${id}/assign`, { agentId: null })).status).toBe(200);

    const benGetsIt = benClient.next('conversation:upsert', (c) => c.id === id && c.assigneeId === ben.agent.id);
    const annLosesIt = annClient.next('conversation:remove', (p) => p.id === id);
    const assigned = await api(h, h.adminToken, 'POST', `/api/v1/conversations/${id}/assign`, {
      agentId: ben.agent.id,
    });
    expect(assigned.status).toBe(200);
    await Promise.all([benGetsIt, annLosesIt]);
    expect(
      (await api(h, h.adminToken, 'POST', `/api/v1/conversations/${id}/assign`, { agentId: 'nobody' })).status,
    ).toBe(400);
  });

  it('lets only supervisors create accounts', async () => {
    const body = { name: 'Eve', email: 'eve@shop.test', password: 'long enough', role: 'supervisor' };
    expect((await api(h, ann.token, 'POST', '/api/v1/agents', body)).status).toBe(403);
    expect((await api(h, h.adminToken, 'POST', '/api/v1/agents', body)).status).toBe(201);
    expect((await api(h, h.adminToken, 'POST', '/api/v1/agents', body)).status).toBe(409);
  });

  it('ends a session on sign-out: its token stops working and its sockets are told and closed', async () => {
    const ended = annClient.next('session:end');
    expect((await api(h, ann.token, 'POST', '/api/v1/auth/logout')).status).toBe(204);
    expect(await ended).toEqual({ reason: 'You signed out' });
    expect((await api(h, ann.token, 'GET', '/api/v1/conversations')).status).toBe(401);
    expect(benClient.socket.connected).toBe(true);
  });

  it('refuses sockets and requests without a valid token', async () => {
    await expect(connectClient(h.url, 'forged')).rejects.toThrow('UNAUTHORIZED');
    expect((await api(h, null, 'GET', '/api/v1/conversations')).status).toBe(401);
    expect((await api(h, 'forged', 'GET', '/api/v1/conversations')).status).toBe(401);
  });
});
