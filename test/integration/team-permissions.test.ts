import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConversationListResponseSchema } from '../../shared/protocol/conversations.js';
import { api, command, connectClient, startHarness, type Harness, type TestClient } from '../helpers/relay-harness.js';
import { inboundText, postWebhook } from '../helpers/webhooks.js';

/*
 * Role × action for the working-together endpoints, over REST and Socket.IO: a supervisor, an agent
 * on a chat they may see, the same agent on a colleague's chat (outside their sight: 404), and a
 * deactivated agent (cut off: 401 and no socket). Every cell is asserted.
 */

type Who = 'supervisor' | 'agent' | 'outsideSight' | 'deactivated';
let h: Harness;
const tokens: Partial<Record<Who, string>> = {};
let visibleId = '';
let hiddenId = '';

beforeAll(async () => {
  h = await startHarness();
  const ann = await h.addAgent('Ann');
  const ben = await h.addAgent('Ben');
  const gone = await h.addAgent('Gone');
  await postWebhook(h.url, inboundText({ waId: '32486111222', name: 'Cees' }, 'hi'));
  await postWebhook(h.url, inboundText({ waId: '32486333444', name: 'Dirk' }, 'hi'));
  const list = ConversationListResponseSchema.parse((await api(h, h.adminToken, 'GET', '/api/v1/conversations')).body);
  visibleId = list.conversations.find((c) => c.contact.name === 'Cees')?.id ?? '';
  hiddenId = list.conversations.find((c) => c.contact.name === 'Dirk')?.id ?? '';
  await api(h, h.adminToken, 'POST', `/api/v1/conversations/${hiddenId}/assign`, { agentId: ben.agent.id });
  expect((await api(h, h.adminToken, 'PATCH', `/api/v1/agents/${gone.agent.id}`, { active: false })).status).toBe(200);
  Object.assign(tokens, {
    supervisor: h.adminToken,
    agent: ann.token,
    outsideSight: ann.token,
    deactivated: gone.token,
  });
});
afterAll(async () => {
  await h.stop();
});

const chat = (who: Who) => (who === 'outsideSight' ? hiddenId : visibleId);

const rest: { action: string; call: (who: Who) => Promise<number>; expected: Record<Who, number> }[] = [
  {
    action: 'add a note',
    call: async (who) =>
      (await api(h, tokens[who] ?? '', 'POST', `/api/v1/conversations/${chat(who)}/notes`, { text: 'n' })).status,
    expected: { supervisor: 201, agent: 201, outsideSight: 404, deactivated: 401 },
  },
  {
    action: 'read canned replies',
    call: async (who) => (await api(h, tokens[who] ?? '', 'GET', '/api/v1/canned-replies')).status,
    expected: { supervisor: 200, agent: 200, outsideSight: 200, deactivated: 401 },
  },
  {
    action: 'write a canned reply',
    call: async (who) =>
      (await api(h, tokens[who] ?? '', 'POST', '/api/v1/canned-replies', { shortcut: `s${who}`, text: 't' })).status,
    expected: { supervisor: 201, agent: 403, outsideSight: 403, deactivated: 401 },
  },
  {
    action: 'see the floor',
    call: async (who) => (await api(h, tokens[who] ?? '', 'GET', '/api/v1/floor')).status,
    expected: { supervisor: 200, agent: 403, outsideSight: 403, deactivated: 401 },
  },
];

describe('role × action over REST', () => {
  for (const row of rest) {
    for (const who of Object.keys(row.expected) as Who[]) {
      it(`${who}: ${row.action} → ${row.expected[who]}`, async () => {
        expect(await row.call(who)).toBe(row.expected[who]);
      });
    }
  }
});

describe('role × action over Socket.IO', () => {
  const socketWho = ['supervisor', 'agent', 'outsideSight'] as const;
  const cells: {
    action: string;
    call: (c: TestClient, who: Who) => Promise<unknown>;
    expected: Record<(typeof socketWho)[number], string>;
  }[] = [
    {
      action: 'note:add',
      call: (c, who) => command(c.socket, 'note:add', { conversationId: chat(who), text: 'n' }),
      expected: { supervisor: 'ok', agent: 'ok', outsideSight: 'NOT_FOUND' },
    },
    {
      action: 'conversation:viewing',
      call: (c, who) => command(c.socket, 'conversation:viewing', { conversationId: chat(who) }),
      expected: { supervisor: 'ok', agent: 'ok', outsideSight: 'NOT_FOUND' },
    },
    {
      action: 'conversation:typing',
      call: (c, who) => command(c.socket, 'conversation:typing', { conversationId: chat(who) }),
      expected: { supervisor: 'ok', agent: 'ok', outsideSight: 'NOT_FOUND' },
    },
    {
      action: 'floor:get',
      call: (c) => command(c.socket, 'floor:get'),
      expected: { supervisor: 'ok', agent: 'FORBIDDEN', outsideSight: 'FORBIDDEN' },
    },
    {
      action: 'cannedReplies:list',
      call: (c) => command(c.socket, 'cannedReplies:list'),
      expected: { supervisor: 'ok', agent: 'ok', outsideSight: 'ok' },
    },
  ];
  for (const row of cells) {
    for (const who of socketWho) {
      it(`${who}: ${row.action} → ${row.expected[who]}`, async () => {
        const client = await connectClient(h.url, tokens[who] ?? '');
        const outcome = await row.call(client, who).then(
          () => 'ok',
          (e: unknown) => (e as { code: string }).code,
        );
        client.close();
        expect(outcome).toBe(row.expected[who]);
      });
    }
  }

  it('deactivated: no socket at all', async () => {
    await expect(connectClient(h.url, tokens.deactivated ?? '')).rejects.toThrow('UNAUTHORIZED');
  });
});
