import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AgentListResponseSchema, AgentResponseSchema } from '../../shared/protocol/accounts.js';
import { ConversationListResponseSchema } from '../../shared/protocol/conversations.js';
import { inboundText, postWebhook } from '../helpers/webhooks.js';
import { api, command, connectClient, startHarness, type Harness, type TestClient } from '../helpers/relay-harness.js';

const cees = { waId: '32486111222', name: 'Cees Janssens' };

describe('agents and presence', () => {
  let h: Harness;
  const clients: TestClient[] = [];
  const connect = async (token: string) => {
    const client = await connectClient(h.url, token);
    clients.push(client);
    return client;
  };
  const agents = async (token = h.adminToken) =>
    AgentListResponseSchema.parse((await api(h, token, 'GET', '/api/v1/agents')).body).agents;

  beforeEach(async () => {
    h = await startHarness({ config: { presenceGraceMs: 150 } });
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await h.stop();
  });

  it('lists agents with role, active, capacity and presence: online while an app is connected, away by choice, offline after the grace period', async () => {
    const ann = await h.addAgent('Ann');
    const boss = await connect(h.adminToken);
    expect((await agents()).find((a) => a.id === ann.agent.id)).toMatchObject({
      name: 'Ann',
      email: 'ann@shop.test',
      role: 'agent',
      active: true,
      capacity: 10,
      presence: 'offline',
    });

    const online = boss.next('agent:upsert', (a) => a.id === ann.agent.id && a.presence === 'online');
    const annApp = await connect(ann.token);
    await online;
    // A second app and one closing again: still online.
    const second = await connect(ann.token);
    second.close();

    const away = boss.next('agent:upsert', (a) => a.id === ann.agent.id && a.presence === 'away');
    const put = await api(h, ann.token, 'PUT', '/api/v1/me/presence', { status: 'away' });
    expect(put.status).toBe(200);
    expect(AgentResponseSchema.parse(put.body).agent.presence).toBe('away');
    await away;
    // Over the socket too.
    expect((await command(annApp.socket, 'presence:set', { status: 'online' })).agent.presence).toBe('online');
    expect((await agents(ann.token)).find((a) => a.id === ann.agent.id)?.presence).toBe('online');

    const offline = boss.next('agent:upsert', (a) => a.id === ann.agent.id && a.presence === 'offline');
    annApp.close();
    // Within the grace period the agent still shows as there.
    expect((await agents()).find((a) => a.id === ann.agent.id)?.presence).toBe('online');
    await offline;

    expect((await api(h, ann.token, 'PUT', '/api/v1/me/presence', { status: 'offline' })).status).toBe(400);
  });

  it('lets only supervisors change agents; name, role and capacity reach every screen', async () => {
    const ann = await h.addAgent('Ann');
    const annApp = await connect(ann.token);
    const patch = (token: string, body: unknown, id = ann.agent.id) =>
      api(h, token, 'PATCH', `/api/v1/agents/${id}`, body);

    expect((await patch(ann.token, { capacity: 50 })).status).toBe(403);
    expect((await patch(h.adminToken, { capacity: -1 })).status).toBe(400);
    expect((await patch(h.adminToken, { colour: 'red' })).status).toBe(400);
    expect((await patch(h.adminToken, { capacity: 3 }, 'nobody')).status).toBe(404);

    const seen = annApp.next('agent:upsert', (a) => a.capacity === 3);
    const changed = await patch(h.adminToken, { name: 'Ann Peeters', capacity: 3 });
    expect(changed.status).toBe(200);
    expect(AgentResponseSchema.parse(changed.body).agent).toMatchObject({
      name: 'Ann Peeters',
      capacity: 3,
      presence: 'online',
    });
    expect(await seen).toMatchObject({ name: 'Ann Peeters' });

    // The shop keeps one active supervisor.
    const me = (await agents()).find((a) => a.role === 'supervisor');
    expect((await patch(h.adminToken, { role: 'agent' }, me?.id)).status).toBe(409);
    expect((await patch(h.adminToken, { active: false }, me?.id)).status).toBe(409);
  });

  it('a promoted agent sees every chat at once: their sockets join the supervisors room', async () => {
    const ann = await h.addAgent('Ann');
    const ben = await h.addAgent('Ben');
    await postWebhook(h.url, inboundText(cees, 'for Ben'));
    const list = ConversationListResponseSchema.parse(
      (await api(h, h.adminToken, 'GET', '/api/v1/conversations')).body,
    );
    const id = list.conversations[0]?.id ?? '';
    await api(h, h.adminToken, 'POST', `/api/v1/conversations/${id}/assign`, { agentId: ben.agent.id });
    const annApp = await connect(ann.token);
    const promoted = annApp.next('agent:upsert', (a) => a.id === ann.agent.id && a.role === 'supervisor');
    const patched = await api(h, h.adminToken, 'PATCH', `/api/v1/agents/${ann.agent.id}`, { role: 'supervisor' });
    expect(patched.status).toBe(200);
    await promoted;
    const seen = annApp.next('message:new', (p) => p.message.text === 'still for Ben');
    await postWebhook(h.url, inboundText(cees, 'still for Ben'));
    expect((await seen).conversationId).toBe(id);
    expect((await command(annApp.socket, 'inbox:sync')).conversations.map((c) => c.id)).toContain(id);
  });

  it('deactivating an agent ends their sessions and sockets at once; they cannot sign in again', async () => {
    const ann = await h.addAgent('Ann');
    const annApp = await connect(ann.token);
    const ended = annApp.next('session:end');
    const disconnected = new Promise<void>((resolve) => annApp.socket.once('disconnect', () => resolve()));
    const res = await api(h, h.adminToken, 'PATCH', `/api/v1/agents/${ann.agent.id}`, { active: false });
    expect(AgentResponseSchema.parse(res.body).agent).toMatchObject({ active: false, presence: 'offline' });
    expect((await ended).reason).toMatch(/deactivated/);
    await disconnected;

    expect((await api(h, ann.token, 'GET', '/api/v1/agents')).status).toBe(401);
    const login = await api(h, null, 'POST', '/api/v1/auth/login', {
      email: 'ann@shop.test',
      password: 'agent password 1',
    });
    expect(login.status).toBe(401);
    await expect(connectClient(h.url, ann.token)).rejects.toThrow();

    // Active again: the same password works.
    await api(h, h.adminToken, 'PATCH', `/api/v1/agents/${ann.agent.id}`, { active: true });
    expect(
      (await api(h, null, 'POST', '/api/v1/auth/login', { email: 'ann@shop.test', password: 'agent password 1' }))
        .status,
    ).toBe(200);
  });

  it('a password reset ends the sessions too, and only the new password signs in', async () => {
    const ann = await h.addAgent('Ann');
    const annApp = await connect(ann.token);
    const ended = annApp.next('session:end');
    expect(
      (await api(h, h.adminToken, 'PATCH', `/api/v1/agents/${ann.agent.id}`, { password: 'a brand new one' })).status,
    ).toBe(200);
    expect((await ended).reason).toMatch(/password/);
    expect((await api(h, ann.token, 'GET', '/api/v1/agents')).status).toBe(401);
    const signIn = (password: string) =>
      api(h, null, 'POST', '/api/v1/auth/login', { email: 'ann@shop.test', password });
    expect((await signIn('agent password 1')).status).toBe(401);
    expect((await signIn('a brand new one')).status).toBe(200);
  });
});
