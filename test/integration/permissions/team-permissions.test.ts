import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login } from '../../../shared/client/relay-client.js';
import {
  ADMIN,
  AGENT_PASSWORD,
  api,
  command,
  connectClient,
  customerWrites,
  type Harness,
  startHarness,
  type TestClient,
} from '../../helpers/relay-harness.js';
import {
  cells,
  describeTable,
  handshake,
  isSuccess,
  REFUSED,
  restCell,
  restOutcome,
  socketCell,
  unlessRefused,
  type Outcome,
  type RestCall,
} from '../../helpers/role-table.js';
import { addProduct } from '../../helpers/selling.js';
import { inboundText, postWebhook } from '../../helpers/webhooks.js';

/*
 * Role × action for what the whole team shares, over REST and Socket.IO: agents, labels, canned
 * replies, settings, the floor, the catalog, one's own presence and session. Columns: a supervisor,
 * an agent (Ann), a deactivated agent (Gone) and no session at all. Each cell acts on a thing of its
 * own (a fresh agent, label, reply or product, made by a supervisor), and reads it back as a
 * supervisor before and after: a refusal leaves it exactly as it was, an allowed write changes it.
 */

const ROLES = ['supervisor', 'agent', 'deactivated', 'noSession'] as const;
type Role = (typeof ROLES)[number];

let h: Harness;
let tokens: Record<Role, string | null>;
let sockets: Record<'supervisor' | 'agent', TestClient>;
let made = 0;
const unique = (what: string) => `${what}${++made}`;

/** REST: as given for a supervisor, 403 for an agent, 401 without a live session. */
const supervisorsOnly = (ok: Outcome) => cells(ROLES, '401 UNAUTHORIZED', { supervisor: ok, agent: '403 FORBIDDEN' });
/** REST: as given for anyone signed in, 401 without a live session. */
const everyone = (ok: Outcome) => cells(ROLES, '401 UNAUTHORIZED', { supervisor: ok, agent: ok });
/** Socket.IO: "ok" for anyone signed in; no socket without a live session. */
const everyoneOverSocket = cells(ROLES, REFUSED, { supervisor: 'ok', agent: 'ok' });

interface Row {
  action: string;
  /** The thing the cell acts on, made by a supervisor (an id), if the action needs one. */
  target?: () => Promise<string>;
  rest?: { call: (target: string, role: Role) => RestCall; expected: Record<Role, Outcome> };
  socket?: { call: (c: TestClient, target: string) => Promise<unknown>; expected: Record<Role, Outcome> };
  /** What the action would change, read by a supervisor: a success must change it, a refusal must not. */
  probe?: (target: string) => Promise<unknown>;
  check?: (body: unknown, target: string, role: Role) => void | Promise<void>;
  /** Puts the shop back as it was after a success (a setting, one's presence). */
  undo?: (role: Role) => Promise<void>;
}

const read = async (path: string) => (await api(h, h.adminToken, 'GET', path)).body;
const agentEntry = async (id: string) => {
  const { agents } = (await read('/api/v1/agents')) as { agents: { id: string }[] };
  return agents.find((a) => a.id === id);
};
/** A colleague to be managed: their entry in the list, and whether their session still works. */
const colleagueTokens = new Map<string, string>();
const newColleague = async () => {
  const { agent, token } = await h.addAgent(unique('Colleague '));
  colleagueTokens.set(agent.id, token);
  return agent.id;
};
const colleagueState = async (id: string) => ({
  entry: await agentEntry(id),
  sessionWorks: (await api(h, colleagueTokens.get(id) ?? '', 'GET', '/api/v1/agents')).status === 200,
});
const newLabel = async () =>
  (
    (await api(h, h.adminToken, 'POST', '/api/v1/labels', { name: unique('Label '), color: '#336699' })).body as {
      label: { id: string };
    }
  ).label.id;
const newReply = async () =>
  (
    (await api(h, h.adminToken, 'POST', '/api/v1/canned-replies', { shortcut: unique('r'), text: 'Dag {{firstName}}' }))
      .body as { cannedReply: { id: string } }
  ).cannedReply.id;
const newProduct = async () => (await addProduct(h, { sku: unique('SKU-'), name: unique('Product '), amount: 500 })).id;
const product = (id: string) => read(`/api/v1/products/${id}`);
let png: Buffer;

const rows: Row[] = [
  // Agents
  {
    action: 'list agents',
    rest: { call: () => ['GET', '/api/v1/agents'], expected: everyone('200') },
    check: (body) => {
      expect((body as { agents: unknown[] }).agents.length).toBeGreaterThan(2);
    },
  },
  {
    action: 'create an agent',
    rest: {
      call: (_t, role) => [
        'POST',
        '/api/v1/agents',
        { name: 'New', email: `${unique(role)}@shop.test`, password: 'long enough', role: 'agent' },
      ],
      expected: supervisorsOnly('201'),
    },
    probe: () => read('/api/v1/agents'),
  },
  {
    action: 'deactivate an agent',
    target: newColleague,
    rest: { call: (id) => ['PATCH', `/api/v1/agents/${id}`, { active: false }], expected: supervisorsOnly('200') },
    probe: colleagueState,
  },
  {
    action: 'reset an agent’s password',
    target: newColleague,
    rest: {
      call: (id) => ['PATCH', `/api/v1/agents/${id}`, { password: 'a new password' }],
      expected: supervisorsOnly('200'),
    },
    probe: colleagueState,
  },
  {
    action: 'change an agent’s role',
    target: newColleague,
    rest: { call: (id) => ['PATCH', `/api/v1/agents/${id}`, { role: 'supervisor' }], expected: supervisorsOnly('200') },
    probe: colleagueState,
  },
  {
    action: 'change an agent’s capacity',
    target: newColleague,
    rest: { call: (id) => ['PATCH', `/api/v1/agents/${id}`, { capacity: 9 }], expected: supervisorsOnly('200') },
    probe: colleagueState,
  },
  {
    action: 'rename an agent',
    target: newColleague,
    rest: { call: (id) => ['PATCH', `/api/v1/agents/${id}`, { name: 'Renamed' }], expected: supervisorsOnly('200') },
    probe: colleagueState,
  },
  {
    action: 'set one’s own presence',
    rest: { call: () => ['PUT', '/api/v1/me/presence', { status: 'away' }], expected: everyone('200') },
    socket: { call: (c) => command(c.socket, 'presence:set', { status: 'away' }), expected: everyoneOverSocket },
    check: (body) => {
      expect((body as { agent: { presence: string } }).agent.presence).toBe('away');
    },
    undo: async (role) => {
      await api(h, tokens[role], 'PUT', '/api/v1/me/presence', { status: 'online' });
    },
  },
  // Labels
  {
    action: 'list labels',
    target: newLabel,
    rest: { call: () => ['GET', '/api/v1/labels'], expected: everyone('200') },
    socket: { call: (c) => command(c.socket, 'labels:list'), expected: everyoneOverSocket },
    check: (body, id) => {
      expect(JSON.stringify(body)).toContain(id);
    },
  },
  {
    action: 'create a label',
    rest: {
      call: () => ['POST', '/api/v1/labels', { name: unique('New label '), color: '#aa0000' }],
      expected: supervisorsOnly('201'),
    },
    probe: () => read('/api/v1/labels'),
  },
  {
    action: 'rename a label',
    target: newLabel,
    rest: {
      call: (id) => ['PATCH', `/api/v1/labels/${id}`, { name: unique('Renamed ') }],
      expected: supervisorsOnly('200'),
    },
    probe: () => read('/api/v1/labels'),
  },
  {
    action: 'delete a label',
    target: newLabel,
    rest: { call: (id) => ['DELETE', `/api/v1/labels/${id}`], expected: supervisorsOnly('204') },
    probe: () => read('/api/v1/labels'),
  },
  // Canned replies
  {
    action: 'list canned replies',
    target: newReply,
    rest: { call: () => ['GET', '/api/v1/canned-replies'], expected: everyone('200') },
    socket: { call: (c) => command(c.socket, 'cannedReplies:list'), expected: everyoneOverSocket },
    check: (body, id) => {
      expect(JSON.stringify(body)).toContain(id);
    },
  },
  {
    action: 'add a canned reply',
    rest: {
      call: () => ['POST', '/api/v1/canned-replies', { shortcut: unique('new'), text: 'Tot ziens' }],
      expected: supervisorsOnly('201'),
    },
    probe: () => read('/api/v1/canned-replies'),
  },
  {
    action: 'change a canned reply',
    target: newReply,
    rest: {
      call: (id) => ['PATCH', `/api/v1/canned-replies/${id}`, { text: 'Anders' }],
      expected: supervisorsOnly('200'),
    },
    probe: () => read('/api/v1/canned-replies'),
  },
  {
    action: 'delete a canned reply',
    target: newReply,
    rest: { call: (id) => ['DELETE', `/api/v1/canned-replies/${id}`], expected: supervisorsOnly('204') },
    probe: () => read('/api/v1/canned-replies'),
  },
  // Settings and the floor
  {
    action: 'read the settings',
    rest: { call: () => ['GET', '/api/v1/settings'], expected: everyone('200') },
    socket: { call: (c) => command(c.socket, 'settings:get'), expected: everyoneOverSocket },
    check: (body) => {
      expect(body).toMatchObject({ settings: { autoAssign: false } });
    },
  },
  {
    action: 'turn auto-assignment on',
    rest: { call: () => ['PATCH', '/api/v1/settings', { autoAssign: true }], expected: supervisorsOnly('200') },
    probe: () => read('/api/v1/settings'),
    undo: async () => {
      expect((await api(h, h.adminToken, 'PATCH', '/api/v1/settings', { autoAssign: false })).status).toBe(200);
    },
  },
  {
    action: 'see the floor',
    rest: { call: () => ['GET', '/api/v1/floor'], expected: supervisorsOnly('200') },
    socket: {
      call: (c) => command(c.socket, 'floor:get'),
      expected: cells(ROLES, REFUSED, { supervisor: 'ok', agent: 'FORBIDDEN' }),
    },
  },
  // The catalog
  {
    action: 'list and search products',
    target: newProduct,
    rest: { call: () => ['GET', '/api/v1/products'], expected: everyone('200') },
    socket: { call: (c) => command(c.socket, 'catalog:search', { q: '' }), expected: everyoneOverSocket },
    check: (body, id) => {
      expect(JSON.stringify(body)).toContain(id);
    },
  },
  {
    action: 'read a product',
    target: newProduct,
    rest: { call: (id) => ['GET', `/api/v1/products/${id}`], expected: everyone('200') },
  },
  {
    action: 'get a product’s buy button',
    target: newProduct,
    rest: { call: (id) => ['GET', `/api/v1/products/${id}/buy-button`], expected: everyone('200') },
  },
  {
    action: 'create a product',
    rest: {
      call: () => [
        'POST',
        '/api/v1/products',
        { sku: unique('NEW-'), name: 'New', price: { amount: 100, currency: 'EUR' } },
      ],
      expected: supervisorsOnly('201'),
    },
    probe: () => read('/api/v1/products?includeArchived=true'),
  },
  {
    action: 'change a product',
    target: newProduct,
    rest: {
      call: (id) => ['PATCH', `/api/v1/products/${id}`, { price: { amount: 650, currency: 'EUR' } }],
      expected: supervisorsOnly('200'),
    },
    probe: product,
  },
  {
    action: 'archive a product',
    target: newProduct,
    rest: { call: (id) => ['DELETE', `/api/v1/products/${id}`], expected: supervisorsOnly('200') },
    probe: product,
  },
  {
    action: 'upload a product image',
    target: newProduct,
    rest: {
      call: (id) => ['POST', `/api/v1/products/${id}/images`, { raw: png, type: 'image/png' }],
      expected: supervisorsOnly('201'),
    },
    probe: product,
  },
  {
    action: 'import a catalog feed',
    rest: {
      call: () => [
        'POST',
        '/api/v1/products/import',
        {
          raw: `id,title,description,availability,condition,price,link,image_link,brand\n${unique('FEED-')},Feed product,Fine,in stock,new,9.99 EUR,https://shop.example/p,https://shop.example/i.jpg,Brand\n`,
          type: 'text/csv',
        },
      ],
      expected: supervisorsOnly('200'),
    },
    probe: () => read('/api/v1/products?includeArchived=true'),
  },
  // One's own mentions and session
  {
    action: 'list one’s mentions',
    socket: { call: (c) => command(c.socket, 'mention:list'), expected: everyoneOverSocket },
  },
  {
    action: 'dismiss one’s mentions',
    socket: { call: (c) => command(c.socket, 'mention:dismiss', { ids: ['none'] }), expected: everyoneOverSocket },
  },
  {
    action: 'sign out',
    // A session of its own for each cell, so signing out ends nothing the other cells use.
    rest: { call: () => ['POST', '/api/v1/auth/logout'], expected: everyone('204') },
  },
];

/** The token a cell acts with: for signing out, a fresh session of the role's account. */
async function tokenFor(row: Row, role: Role): Promise<string | null> {
  if (row.action !== 'sign out' || (role !== 'supervisor' && role !== 'agent')) return tokens[role];
  const { email, password } = role === 'supervisor' ? ADMIN : { email: 'ann@shop.test', password: AGENT_PASSWORD };
  return (await login(h.url, email, password)).token;
}

beforeAll(async () => {
  h = await startHarness();
  const [ann, gone] = await Promise.all([h.addAgent('Ann'), h.addAgent('Gone')]);
  expect((await api(h, h.adminToken, 'PATCH', `/api/v1/agents/${gone.agent.id}`, { active: false })).status).toBe(200);
  tokens = { supervisor: h.adminToken, agent: ann.token, deactivated: gone.token, noSession: null };
  sockets = { supervisor: await connectClient(h.url, h.adminToken), agent: await connectClient(h.url, ann.token) };
  png = await sharp({ create: { width: 120, height: 120, channels: 3, background: '#cc3300' } })
    .png()
    .toBuffer();
});

afterAll(async () => {
  for (const c of Object.values(sockets)) c.close();
  await h.stop();
});

async function runCell(
  row: Row,
  role: Role,
  expected: Outcome,
  act: (target: string) => Promise<{ outcome: Outcome; body: unknown }>,
) {
  const target = (await row.target?.()) ?? '';
  const before = await row.probe?.(target);
  const { outcome, body } = await act(target);
  const after = await row.probe?.(target);
  try {
    expect(outcome).toBe(expected);
    if (!isSuccess(outcome)) expect(after).toEqual(before);
    else {
      await row.check?.(body, target, role);
      if (row.probe) expect(after).not.toEqual(before);
    }
  } finally {
    if (isSuccess(outcome)) await row.undo?.(role);
  }
}

describeTable(
  'the team, role × action over REST',
  { rows, roles: ROLES },
  (row) => row.rest,
  async ({ row, side, role, expected }) => {
    const token = await tokenFor(row, role);
    await runCell(row, role, expected, async (target) => {
      const answer = await restCell(h, token, side.call(target, role));
      // A session that signed out is over at once.
      if (row.action === 'sign out' && isSuccess(answer.outcome)) {
        expect((await api(h, token, 'GET', '/api/v1/agents')).status).toBe(401);
      }
      return answer;
    });
  },
);

describeTable(
  'the team, role × action over Socket.IO',
  { rows, roles: ROLES },
  (row) => row.socket,
  ({ row, side, role, expected }) =>
    unlessRefused(h.url, tokens[role], expected, () => {
      const client = role === 'supervisor' ? sockets.supervisor : sockets.agent;
      return runCell(row, role, expected, (target) => socketCell(side.call(client, target)));
    }),
);

describe('a change of account applies at once', () => {
  it('a deactivated agent is cut off: every app told and closed, the token refused, no sign-in, gone from the chat', async () => {
    const kim = await h.addAgent('Kim');
    const chat = await customerWrites(h, { waId: '32499000001', name: 'Lotte' });
    const [first, second] = await Promise.all([connectClient(h.url, kim.token), connectClient(h.url, kim.token)]);
    const apps = [first, second];
    await command(first.socket, 'conversation:viewing', { conversationId: chat });
    const ended = apps.map((c) => c.next('session:end'));
    const closed = apps.map((c) => new Promise((resolve) => c.socket.once('disconnect', resolve)));
    const leftTheChat = sockets.supervisor.next(
      'conversation:activity',
      (a) => a.conversationId === chat && !a.viewerIds.includes(kim.agent.id),
    );

    expect((await api(h, h.adminToken, 'PATCH', `/api/v1/agents/${kim.agent.id}`, { active: false })).status).toBe(200);

    expect(await Promise.all(ended)).toEqual([
      { reason: 'Your account was deactivated' },
      { reason: 'Your account was deactivated' },
    ]);
    await Promise.all([...closed, leftTheChat]);
    expect(restOutcome(await api(h, kim.token, 'GET', '/api/v1/conversations'))).toBe('401 UNAUTHORIZED');
    expect(await handshake(h.url, kim.token)).toBe(REFUSED);
    const signIn = await api(h, null, 'POST', '/api/v1/auth/login', {
      email: 'kim@shop.test',
      password: AGENT_PASSWORD,
    });
    expect(restOutcome(signIn)).toBe('401 UNAUTHORIZED');
    expect(await agentEntry(kim.agent.id)).toMatchObject({ active: false, presence: 'offline' });
    // Nobody can give them a chat, nor mention them.
    const assign = await api(h, h.adminToken, 'POST', `/api/v1/conversations/${chat}/assign`, {
      agentId: kim.agent.id,
    });
    expect(restOutcome(assign)).toBe('400 BAD_REQUEST');
    const note = await api(h, h.adminToken, 'POST', `/api/v1/conversations/${chat}/notes`, { text: '@Kim kijk even' });
    expect(note.body).toMatchObject({ note: { mentions: [] } });
  });

  it('a supervisor made an agent loses sight of colleagues’ chats at once, in REST and on the socket', async () => {
    const [sue, bert] = await Promise.all([h.addAgent('Sue', 'supervisor'), h.addAgent('Bert')]);
    const chat = await customerWrites(h, { waId: '32499000002', name: 'Mona' });
    const other = await customerWrites(h, { waId: '32499000003', name: 'Noor' });
    expect(
      (await api(h, h.adminToken, 'POST', `/api/v1/conversations/${chat}/assign`, { agentId: bert.agent.id })).status,
    ).toBe(200);
    const app = await connectClient(h.url, sue.token);
    try {
      expect(restOutcome(await api(h, sue.token, 'GET', `/api/v1/conversations/${chat}/messages`))).toBe('200');

      const demoted = app.next('agent:upsert', (a) => a.id === sue.agent.id && a.role === 'agent');
      expect((await api(h, h.adminToken, 'PATCH', `/api/v1/agents/${sue.agent.id}`, { role: 'agent' })).status).toBe(
        200,
      );
      await demoted;

      expect(restOutcome(await api(h, sue.token, 'GET', `/api/v1/conversations/${chat}/messages`))).toBe(
        '404 NOT_FOUND',
      );
      expect((await socketCell(command(app.socket, 'conversation:history', { conversationId: chat }))).outcome).toBe(
        'NOT_FOUND',
      );
      expect(restOutcome(await api(h, sue.token, 'GET', '/api/v1/floor'))).toBe('403 FORBIDDEN');
      // Her socket left the supervisors' room: the customer's next words reach Bert, not her.
      const mark = app.events.length;
      const bertSees = sockets.supervisor.next('message:new', (p) => p.conversationId === chat);
      await postWebhook(h.url, inboundText({ waId: '32499000002', name: 'Mona' }, 'nog iets'));
      await bertSees;
      const sentinel = app.next('message:new', (p) => p.conversationId === other);
      await postWebhook(h.url, inboundText({ waId: '32499000003', name: 'Noor' }, 'ook iets'));
      await sentinel;
      expect(app.events.slice(mark).filter((e) => JSON.stringify(e.payload).includes(chat))).toEqual([]);
    } finally {
      app.close();
    }
  });
});
