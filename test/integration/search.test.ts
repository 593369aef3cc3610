import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConversationListResponseSchema } from '../../shared/protocol/conversations.js';
import { SearchResponseSchema } from '../../shared/protocol/search.js';
import { api, command, connectClient, startHarness, type Harness } from '../helpers/relay-harness.js';
import { inboundText, postWebhook } from '../helpers/webhooks.js';

const eva = { waId: '32470111111', name: 'Eva Claes' };
const tom = { waId: '32470222222', name: 'Tom Wouters' };

describe('GET /api/v1/search', () => {
  let h: Harness;
  const search = async (token: string, q: string) => {
    const res = await api(h, token, 'GET', `/api/v1/search?q=${encodeURIComponent(q)}`);
    expect(res.status).toBe(200);
    return SearchResponseSchema.parse(res.body);
  };

  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.stop();
  });

  it('finds customers and message text as messages arrive, only what the caller may see', async () => {
    const ann = await h.addAgent('Ann');
    const ben = await h.addAgent('Ben');
    await postWebhook(h.url, inboundText(eva, 'Is the blue raincoat still available?'));
    await postWebhook(h.url, inboundText(tom, 'Raincoats in size 42 please'));
    const list = ConversationListResponseSchema.parse(
      (await api(h, h.adminToken, 'GET', '/api/v1/conversations')).body,
    );
    const tomsChat = list.conversations.find((c) => c.contact.name === tom.name)?.id ?? '';
    await api(h, h.adminToken, 'POST', `/api/v1/conversations/${tomsChat}/assign`, { agentId: ben.agent.id });

    // Words, prefixes and a typo.
    const boss = await search(h.adminToken, 'raincoat');
    expect(boss.messages.map((m) => m.message.text).sort()).toEqual([
      'Is the blue raincoat still available?',
      'Raincoats in size 42 please',
    ]);
    expect((await search(h.adminToken, 'availab')).messages).toHaveLength(1);
    expect((await search(h.adminToken, 'rainkoat')).messages.length).toBeGreaterThan(0);
    // Tom's chat is Ben's: Ann finds neither his messages nor him.
    const annSees = await search(ann.token, 'raincoat');
    expect(annSees.messages.map((m) => m.conversationId)).toEqual([
      list.conversations.find((c) => c.contact.name === eva.name)?.id,
    ]);
    expect((await search(ann.token, 'Wouters')).conversations).toEqual([]);
    expect((await search(ben.token, 'Wouters')).conversations.map((c) => c.contact.name)).toEqual([tom.name]);
    // By number, however it is typed, and over Socket.IO too.
    expect((await search(h.adminToken, '+32 470 11')).conversations.map((c) => c.contact.name)).toEqual([eva.name]);
    const app = await connectClient(h.url, ann.token);
    expect((await command(app.socket, 'search', { q: 'blue' })).messages).toHaveLength(1);
    app.close();

    expect((await api(h, ann.token, 'GET', '/api/v1/search?q=')).status).toBe(400);
    expect((await api(h, null, 'GET', '/api/v1/search?q=blue')).status).toBe(401);
  });

  it('reads stored history into the index after a restart, in the background', async () => {
    await postWebhook(h.url, inboundText(eva, 'Bestelling 1234 is niet aangekomen'));
    await h.restart();
    await h.relay.searchIndexed();
    const found = await search(h.adminToken, 'bestelling');
    expect(found.complete).toBe(true);
    expect(found.messages.map((m) => m.message.text)).toEqual(['Bestelling 1234 is niet aangekomen']);
  });
});
