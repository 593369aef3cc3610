import { afterEach, describe, expect, it } from 'vitest';
import { ConversationListResponseSchema } from '../../shared/protocol/conversations.js';
import { graphError } from '../helpers/fake-graph.js';
import { ADMIN, api, startHarness, type Harness } from '../helpers/relay-harness.js';
import { inboundText, postWebhook } from '../helpers/webhooks.js';

/*
 * The limits of PRODUCT.md, against the real relay: sign-in throttling per email, a send rate limit
 * per agent, and a Graph API that is never called faster than the number's throughput.
 */

async function firstConversation(h: Harness): Promise<string> {
  const list = ConversationListResponseSchema.parse((await api(h, h.adminToken, 'GET', '/api/v1/conversations')).body);
  return list.conversations[0]?.id ?? '';
}

describe('limits and refusals', () => {
  let h: Harness;
  afterEach(async () => {
    await h.stop();
  });

  it('locks an email out after five wrong passwords, even for the right one, and leaves others alone', async () => {
    h = await startHarness();
    const other = await h.addAgent('Jonas');
    for (let i = 0; i < 5; i++) {
      expect((await api(h, null, 'POST', '/api/v1/auth/login', { email: ADMIN.email, password: 'wrong' })).status).toBe(
        401,
      );
    }
    const response = await fetch(`${h.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('30');
    expect(await response.json()).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    // Unknown emails are throttled the same way, and other accounts sign in as usual.
    for (let i = 0; i < 6; i++)
      await api(h, null, 'POST', '/api/v1/auth/login', { email: 'nobody@shop.test', password: 'x' });
    expect(
      (await api(h, null, 'POST', '/api/v1/auth/login', { email: 'nobody@shop.test', password: 'x' })).status,
    ).toBe(429);
    expect(other.token).toBeTruthy();
    const jonas = await api(h, null, 'POST', '/api/v1/auth/login', {
      email: 'jonas@shop.test',
      password: 'agent password 1',
    });
    expect(jonas.status).toBe(200);
  });

  it('accepts 20 messages in 10 s from one agent and refuses the rest of a burst with 429', async () => {
    h = await startHarness();
    await postWebhook(h.url, inboundText({ waId: '32470123123', name: 'Eva' }, 'hoi'));
    const id = await firstConversation(h);
    const burst = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        api(h, h.adminToken, 'POST', `/api/v1/conversations/${id}/messages`, { text: `bericht ${i}` }),
      ),
    );
    expect(burst.filter((r) => r.status === 201)).toHaveLength(20);
    const refused = burst.filter((r) => r.status === 429);
    expect(refused).toHaveLength(10);
    expect(refused[0]?.body).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    // A repeat of an accepted message (same clientId) costs nothing; another agent is not limited.
    const jonas = await h.addAgent('Jonas', 'supervisor');
    const send = await api(h, jonas.token, 'POST', `/api/v1/conversations/${id}/messages`, { text: 'van Jonas' });
    expect(send.status).toBe(201);
  });

  it('never calls the Graph API faster than the number allows, and waits when Meta says 130429', async () => {
    h = await startHarness({ config: { graphPerSecond: 5 } });
    await postWebhook(h.url, inboundText({ waId: '32470123124', name: 'Tom' }, 'hoi'));
    const id = await firstConversation(h);
    for (let i = 0; i < 10; i++) {
      expect(
        (await api(h, h.adminToken, 'POST', `/api/v1/conversations/${id}/messages`, { text: `m${i}` })).status,
      ).toBe(201);
    }
    await h.relay.idle();
    const sends = h.graph.sends();
    expect(sends).toHaveLength(10);
    // The sixth call waited for the next second.
    expect((sends[5]?.at ?? 0) - (sends[0]?.at ?? 0)).toBeGreaterThanOrEqual(900);

    h.graph.reply(graphError(130429, '(#130429) Rate limit hit'));
    await api(h, h.adminToken, 'POST', `/api/v1/conversations/${id}/messages`, { text: 'te snel' });
    await h.relay.idle();
    const [throttled, retried] = h.graph.sends().slice(-2);
    // The retry delay here is 10 ms; Meta's "slow down" holds every call back for a second.
    expect((retried?.at ?? 0) - (throttled?.at ?? 0)).toBeGreaterThanOrEqual(900);
  });
});
