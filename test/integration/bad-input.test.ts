import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConversationListResponseSchema } from '../../shared/protocol/conversations.js';
import { dataFolderDigest } from '../helpers/data-folder.js';
import { api, connectClient, startHarness, ADMIN, type Harness, type TestClient } from '../helpers/relay-harness.js';
import { inboundText, postWebhook } from '../helpers/webhooks.js';

const eva = { waId: '32499887766', name: 'Eva Claes' };

describe('bad input gets a clear error and loses nothing', () => {
  let h: Harness;
  let client: TestClient;
  let conversationId: string;
  let snapshot: Record<string, string>;

  beforeEach(async () => {
    h = await startHarness();
    client = await connectClient(h.url, h.adminToken);
    await postWebhook(h.url, inboundText(eva, 'Mag ik iets vragen?'));
    const list = ConversationListResponseSchema.parse(
      (await api(h, h.adminToken, 'GET', '/api/v1/conversations')).body,
    );
    conversationId = list.conversations[0]?.id ?? '';
    await h.relay.flush();
    snapshot = await dataFolderDigest(h.dataDir);
  });
  afterEach(async () => {
    client.close();
    // Whatever was thrown at it, the relay still answers and the data folder is byte-identical.
    expect((await api(h, null, 'GET', '/healthz')).status).toBe(200);
    await h.relay.flush();
    expect(await dataFolderDigest(h.dataDir)).toEqual(snapshot);
    await h.stop();
  });

  it('answers a wrong password with 401 and no token', async () => {
    const wrong = await api(h, null, 'POST', '/api/v1/auth/login', { email: ADMIN.email, password: 'guess' });
    expect(wrong).toEqual({
      status: 401,
      body: { error: { code: 'UNAUTHORIZED', message: 'Wrong email or password' } },
    });
    const unknown = await api(h, null, 'POST', '/api/v1/auth/login', { email: 'who@shop.test', password: 'guess' });
    expect(unknown.status).toBe(401);
  });

  it('answers malformed JSON, missing fields and wrong types with 400 naming the problem', async () => {
    const path = `/api/v1/conversations/${conversationId}/messages`;
    const malformed = await api(h, h.adminToken, 'POST', path, '{"text": ');
    expect(malformed).toMatchObject({ status: 400, body: { error: { code: 'BAD_REQUEST' } } });
    const missing = await api(h, h.adminToken, 'POST', path, {});
    expect(missing).toMatchObject({
      status: 400,
      body: { error: { code: 'BAD_REQUEST', issues: [expect.stringContaining('text')] } },
    });
    const blank = await api(h, h.adminToken, 'POST', path, { text: '   ' });
    expect(blank.status).toBe(400);
    const tooLong = await api(h, h.adminToken, 'POST', path, { text: 'x'.repeat(4097) });
    expect(tooLong.status).toBe(400);
    const badLogin = await api(h, null, 'POST', '/api/v1/auth/login', { email: 'not an email', password: 1 });
    expect(badLogin.status).toBe(400);
    const badAgent = await api(h, h.adminToken, 'POST', '/api/v1/agents', {
      name: 'X',
      email: 'x@shop.test',
      password: 'short',
      role: 'king',
    });
    expect(badAgent).toMatchObject({ status: 400, body: { error: { code: 'BAD_REQUEST' } } });
    expect((badAgent.body as { error: { issues: string[] } }).error.issues).toHaveLength(2);
  });

  it('answers an oversized body with 413 and a non-JSON body with 415', async () => {
    const big = await api(h, h.adminToken, 'POST', `/api/v1/conversations/${conversationId}/messages`, {
      text: 'x'.repeat(300_000),
    });
    expect(big).toMatchObject({ status: 413, body: { error: { code: 'PAYLOAD_TOO_LARGE' } } });
    const response = await fetch(`${h.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'hello',
    });
    expect(response.status).toBe(415);
  });

  it('answers invalid socket payloads with a BAD_REQUEST ack', async () => {
    const send = (payload: unknown) => client.socket.timeout(5000).emitWithAck('message:send', payload as never);
    expect(await send({ conversationId })).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
    expect(await send('just a string')).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
    expect(await send({ conversationId, text: 'x'.repeat(5000), clientId: 'c' })).toMatchObject({
      ok: false,
      code: 'BAD_REQUEST',
    });
    expect(await send({ conversationId: 'nope', text: 'hi', clientId: 'c' })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
    const assign: unknown = await client.socket
      .timeout(5000)
      .emitWithAck('conversation:assign', { conversationId, agentId: 42 } as never);
    expect(assign).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
    // Unknown events and events without an ack are ignored, not fatal.
    (client.socket.emit as (event: string, ...args: unknown[]) => void)('no:such-event', { a: 1 });
    client.socket.emit('message:send', { conversationId, text: 'no ack', clientId: 'z' }, undefined as never);
    expect(client.socket.connected).toBe(true);
  });

  it('answers unknown routes with a JSON 404', async () => {
    expect(await api(h, h.adminToken, 'GET', '/api/v1/nothing')).toMatchObject({
      status: 404,
      body: { error: { code: 'NOT_FOUND' } },
    });
  });
});
