import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CannedReplyListResponseSchema, CannedReplyResponseSchema } from '../../shared/protocol/canned-replies.js';
import { api, command, connectClient, startHarness, type Harness } from '../helpers/relay-harness.js';

describe('canned replies', () => {
  let h: Harness;
  let ann: { token: string };
  beforeEach(async () => {
    h = await startHarness();
    ann = await h.addAgent('Ann');
  });
  afterEach(async () => {
    await h.stop();
  });

  it('lets supervisors write them and everyone read them, live, and keeps them across a restart', async () => {
    const annClient = await connectClient(h.url, ann.token);
    const annHears = annClient.next('cannedReplies:changed');
    const created = await api(h, h.adminToken, 'POST', '/api/v1/canned-replies', {
      shortcut: 'hours',
      text: 'Hi {{firstName}}, we are open 9–18.',
    });
    expect(created.status).toBe(201);
    const { cannedReply } = CannedReplyResponseSchema.parse(created.body);
    expect((await annHears).cannedReplies).toEqual([cannedReply]);
    expect((await command(annClient.socket, 'cannedReplies:list')).cannedReplies).toEqual([cannedReply]);

    const patched = await api(h, h.adminToken, 'PATCH', `/api/v1/canned-replies/${cannedReply.id}`, {
      text: 'Open 9–18, {{firstName}}.',
    });
    expect(patched).toMatchObject({
      status: 200,
      body: { cannedReply: { shortcut: 'hours', text: 'Open 9–18, {{firstName}}.' } },
    });
    annClient.close();

    await h.restart();
    const list = CannedReplyListResponseSchema.parse((await api(h, ann.token, 'GET', '/api/v1/canned-replies')).body);
    expect(list.cannedReplies.map((r) => r.text)).toEqual(['Open 9–18, {{firstName}}.']);
    expect((await api(h, h.adminToken, 'DELETE', `/api/v1/canned-replies/${cannedReply.id}`)).status).toBe(204);
    expect((await api(h, ann.token, 'GET', '/api/v1/canned-replies')).body).toEqual({ cannedReplies: [] });
  });

  it('refuses writes by agents (403), taken shortcuts (409), unknown ids (404) and bad input (400)', async () => {
    const body = { shortcut: 'thanks', text: 'Thank you!' };
    expect((await api(h, ann.token, 'POST', '/api/v1/canned-replies', body)).status).toBe(403);
    const { cannedReply } = CannedReplyResponseSchema.parse(
      (await api(h, h.adminToken, 'POST', '/api/v1/canned-replies', body)).body,
    );
    expect((await api(h, ann.token, 'PATCH', `/api/v1/canned-replies/${cannedReply.id}`, { text: 'x' })).status).toBe(
      403,
    );
    expect((await api(h, ann.token, 'DELETE', `/api/v1/canned-replies/${cannedReply.id}`)).status).toBe(403);
    expect((await api(h, h.adminToken, 'POST', '/api/v1/canned-replies', { ...body, shortcut: 'THANKS' })).status).toBe(
      409,
    );
    expect((await api(h, h.adminToken, 'PATCH', '/api/v1/canned-replies/nope', { text: 'x' })).status).toBe(404);
    expect((await api(h, h.adminToken, 'DELETE', '/api/v1/canned-replies/nope')).status).toBe(404);
    for (const bad of [
      { shortcut: 'two words', text: 'x' },
      { shortcut: 'x', text: '  ' },
      { shortcut: '', text: 'x' },
      {},
    ]) {
      expect((await api(h, h.adminToken, 'POST', '/api/v1/canned-replies', bad)).status).toBe(400);
    }
    expect((await api(h, h.adminToken, 'PATCH', `/api/v1/canned-replies/${cannedReply.id}`, {})).status).toBe(400);
    expect((await api(h, null, 'GET', '/api/v1/canned-replies')).status).toBe(401);
    // Nothing refused was stored.
    expect(
      CannedReplyListResponseSchema.parse((await api(h, ann.token, 'GET', '/api/v1/canned-replies')).body)
        .cannedReplies,
    ).toEqual([cannedReply]);
  });
});
