import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConversationListResponseSchema, ConversationResponseSchema } from '../../shared/protocol/conversations.js';
import { LabelListResponseSchema, LabelResponseSchema } from '../../shared/protocol/labels.js';
import { api, command, connectClient, startHarness, type Harness, type TestClient } from '../helpers/relay-harness.js';
import { inboundText, postWebhook } from '../helpers/webhooks.js';

const eva = { waId: '32470111111', name: 'Eva Claes' };
const tom = { waId: '32470222222', name: 'Tom Wouters' };

describe('labels and the list filters', () => {
  let h: Harness;
  let ann: { agent: { id: string }; token: string };
  let annApp: TestClient;
  const ids: Record<string, string> = {};
  const list = async (token: string, query = '') =>
    ConversationListResponseSchema.parse(
      (await api(h, token, 'GET', `/api/v1/conversations${query}`)).body,
    ).conversations.map((c) => c.contact.name);

  beforeEach(async () => {
    h = await startHarness();
    ann = await h.addAgent('Ann');
    annApp = await connectClient(h.url, ann.token);
    await postWebhook(h.url, inboundText(eva, 'Is my order on its way?'));
    await postWebhook(h.url, inboundText(tom, 'Do you have size 42?'));
    const all = ConversationListResponseSchema.parse((await api(h, h.adminToken, 'GET', '/api/v1/conversations')).body);
    for (const c of all.conversations) ids[c.contact.name] = c.id;
  });
  afterEach(async () => {
    annApp.close();
    await h.stop();
  });

  it('lets supervisors create, rename, recolour and delete labels, live for everyone; agents only read them', async () => {
    const create = (token: string, body: unknown) => api(h, token, 'POST', '/api/v1/labels', body);
    expect((await create(ann.token, { name: 'VIP', color: '#e03131' })).status).toBe(403);
    expect((await create(h.adminToken, { name: 'VIP', color: 'red' })).status).toBe(400);
    expect((await create(h.adminToken, { name: '', color: '#e03131' })).status).toBe(400);
    const upserted = annApp.next('label:upsert', (l) => l.name === 'VIP');
    const created = await create(h.adminToken, { name: 'VIP', color: '#E03131' });
    expect(created.status).toBe(201);
    const vip = LabelResponseSchema.parse(created.body).label;
    expect(vip).toMatchObject({ name: 'VIP', color: '#e03131' });
    expect(await upserted).toEqual(vip);
    expect((await create(h.adminToken, { name: 'vip', color: '#1971c2' })).status).toBe(409);

    const recoloured = annApp.next('label:upsert', (l) => l.color === '#1971c2');
    expect((await api(h, ann.token, 'PATCH', `/api/v1/labels/${vip.id}`, { color: '#1971c2' })).status).toBe(403);
    expect((await api(h, h.adminToken, 'PATCH', `/api/v1/labels/${vip.id}`, { color: '#1971c2' })).status).toBe(200);
    await recoloured;
    expect((await api(h, h.adminToken, 'PATCH', '/api/v1/labels/nope', { name: 'x' })).status).toBe(404);
    const labels = LabelListResponseSchema.parse((await api(h, ann.token, 'GET', '/api/v1/labels')).body).labels;
    expect(labels).toEqual([{ ...vip, color: '#1971c2' }]);
    expect((await command(annApp.socket, 'labels:list')).labels).toHaveLength(1);

    // Deleting takes it off every chat carrying it.
    await api(h, h.adminToken, 'PUT', `/api/v1/conversations/${ids[eva.name]}/labels`, { labelIds: [vip.id] });
    expect((await api(h, ann.token, 'DELETE', `/api/v1/labels/${vip.id}`)).status).toBe(403);
    const removed = annApp.next('label:remove');
    const unlabelled = annApp.next('conversation:upsert', (c) => c.id === ids[eva.name] && c.labels.length === 0);
    expect((await api(h, h.adminToken, 'DELETE', `/api/v1/labels/${vip.id}`)).status).toBe(204);
    expect(await removed).toEqual({ id: vip.id });
    await unlabelled;
    expect((await api(h, h.adminToken, 'DELETE', `/api/v1/labels/${vip.id}`)).status).toBe(404);
  });

  it('labels a chat anyone may see, refuses unknown labels and chats out of sight, and filters the list', async () => {
    const label = async (name: string, color: string) =>
      LabelResponseSchema.parse((await api(h, h.adminToken, 'POST', '/api/v1/labels', { name, color })).body).label;
    const vip = await label('VIP', '#e03131');
    const returns = await label('Return', '#2f9e44');
    const put = (token: string, id: string, labelIds: unknown) =>
      api(h, token, 'PUT', `/api/v1/conversations/${id}/labels`, { labelIds });

    const seen = annApp.next('conversation:upsert', (c) => c.labels.length === 2);
    const res = await put(ann.token, ids[eva.name] ?? '', [vip.id, returns.id]);
    expect(res.status).toBe(200);
    expect(ConversationResponseSchema.parse(res.body).conversation.labels).toEqual([vip.id, returns.id]);
    await seen;
    expect((await put(ann.token, ids[eva.name] ?? '', ['no-such-label'])).status).toBe(400);
    expect((await put(ann.token, ids[eva.name] ?? '', [vip.id, vip.id])).status).toBe(400);
    const over = await command(annApp.socket, 'conversation:setLabels', {
      conversationId: ids[tom.name] ?? '',
      labelIds: [returns.id],
    });
    expect(over.conversation.labels).toEqual([returns.id]);

    expect(await list(ann.token, `?label=${vip.id}`)).toEqual([eva.name]);
    expect((await list(ann.token, `?label=${returns.id}`)).sort()).toEqual([eva.name, tom.name]);
    expect(await list(ann.token, '?q=wout')).toEqual([tom.name]);

    // Views and status: Ann takes Tom's chat and resolves it.
    await api(h, ann.token, 'POST', `/api/v1/conversations/${ids[tom.name]}/assign`, { agentId: ann.agent.id });
    await api(h, ann.token, 'PATCH', `/api/v1/conversations/${ids[tom.name]}`, { status: 'resolved' });
    expect(await list(ann.token, '?view=mine')).toEqual([tom.name]);
    expect(await list(ann.token, '?view=unassigned')).toEqual([eva.name]);
    expect(await list(ann.token, '?status=resolved')).toEqual([tom.name]);
    expect(await list(ann.token, '?status=open&view=mine')).toEqual([]);
    expect((await api(h, ann.token, 'GET', '/api/v1/conversations?status=closed')).status).toBe(400);
    expect((await api(h, ann.token, 'GET', '/api/v1/conversations?view=everything')).status).toBe(400);

    // Out of sight: a chat assigned to someone else cannot be labelled (404).
    const ben = await h.addAgent('Ben');
    expect((await put(ben.token, ids[tom.name] ?? '', [vip.id])).status).toBe(404);
  });
});
