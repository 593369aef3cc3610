import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect } from 'vitest';
import { ConversationListResponseSchema } from '../../../shared/protocol/conversations.js';
import type { ServerToClientEvents } from '../../../shared/protocol/events.js';
import {
  api,
  command,
  connectClient,
  startHarness,
  type Harness,
  type TestClient,
} from '../../helpers/relay-harness.js';
import {
  cells,
  describeTable,
  isSuccess,
  REFUSED,
  restCell,
  socketCell,
  unlessRefused,
  type Outcome,
  type RestCall,
} from '../../helpers/role-table.js';
import { addProduct } from '../../helpers/selling.js';
import { inboundText, newWamid, postWebhook } from '../../helpers/webhooks.js';

/*
 * Role × action on one chat, over REST and Socket.IO: every action an agent takes on a conversation
 * is a row, every role a column, every cell a test. Each cell gets a chat of its own, written to by
 * its own customer, so no cell depends on another:
 *   supervisor  — Sam, on a chat assigned to Ben (a supervisor sees every chat)
 *   assignee    — Ann, on a chat assigned to her
 *   outsider    — Ann, on a chat assigned to Ben: outside her sight, so it does not exist (404)
 *   unassigned  — Una, an agent, on an unassigned chat
 *   deactivated — Gone, an agent a supervisor deactivated, on an unassigned chat
 *   noSession   — no token at all, on an unassigned chat
 * A refusal must leave the chat exactly as it was (messages, status, assignee, labels, cart, orders,
 * who is viewing, and every call to WhatsApp); a write that is allowed must change it, so the probe
 * is seen to notice. A refused read must not leak the chat's words.
 */

const ROLES = ['supervisor', 'assignee', 'outsider', 'unassigned', 'deactivated', 'noSession'] as const;
type Role = (typeof ROLES)[number];

interface Scene {
  id: string;
  waId: string;
  /** The customer's inbound message (its read receipt is the one a mark-read sends). */
  wamid: string;
  /** A word only this chat holds, in the customer's name and message (for search and leaks). */
  word: string;
}

let h: Harness;
let ids: { ann: string; ben: string; una: string };
let tokens: Record<Role, string | null>;
let sockets: Record<'supervisor' | 'assignee' | 'unassigned', TestClient>;
/** A second supervisor, whose actions the audience rows watch others hear. */
let vera: TestClient;
let veraToken = '';
/** Gone's socket, connected before the deactivation and cut by it. */
let goneSocket: TestClient;
let labelId = '';
let productId = '';
let customers = 0;

const socketOf = (role: Role): TestClient =>
  role === 'supervisor' ? sockets.supervisor : role === 'unassigned' ? sockets.unassigned : sockets.assignee;

/** A new customer writes; the chat is then assigned as the role's column says. */
async function scene(role: Role): Promise<Scene> {
  const n = ++customers;
  // Random, so that no two chats' words are near enough for the search's fuzzy matching.
  const word = `w${randomBytes(8).toString('hex')}`;
  const waId = `3247${String(n).padStart(7, '0')}`;
  const wamid = newWamid();
  const posted = await postWebhook(h.url, inboundText({ waId, name: `Klant ${word}` }, `vraag ${word}`, { wamid }));
  expect(posted.status).toBe(200);
  const list = ConversationListResponseSchema.parse(
    (await api(h, h.adminToken, 'GET', `/api/v1/conversations?q=${waId}`)).body,
  );
  const id = list.conversations[0]?.id ?? '';
  const assignee = role === 'assignee' ? ids.ann : role === 'supervisor' || role === 'outsider' ? ids.ben : null;
  if (assignee !== null) {
    // Those who saw it while it was unassigned are told it is gone before the cell starts.
    const losers = assignee === ids.ann ? [sockets.unassigned] : [sockets.unassigned, sockets.assignee];
    const told = losers.map((c) => c.next('conversation:remove', (p) => p.id === id));
    await assign(id, assignee);
    await Promise.all(told);
  }
  return { id, waId, wamid, word };
}

async function assign(id: string, agentId: string | null): Promise<void> {
  const answer = await api(h, h.adminToken, 'POST', `/api/v1/conversations/${id}/assign`, { agentId });
  expect(answer.status).toBe(200);
}

async function putInCart(s: Scene): Promise<void> {
  const answer = await api(h, h.adminToken, 'PUT', `/api/v1/conversations/${s.id}/cart/items/${productId}`, {
    quantity: 1,
  });
  expect(answer.status).toBe(200);
}

/** Everything an action on the chat could change, as a supervisor sees it, once background sends are done. */
async function chatState(s: Scene): Promise<unknown> {
  await h.relay.idle();
  const get = async (path: string) => (await api(h, h.adminToken, 'GET', path)).body;
  const [summary, history, cart, orders, sync] = await Promise.all([
    get(`/api/v1/conversations?q=${s.waId}`),
    get(`/api/v1/conversations/${s.id}/messages`),
    get(`/api/v1/conversations/${s.id}/cart`),
    get(`/api/v1/orders?conversationId=${s.id}`),
    command(vera.socket, 'inbox:sync'),
  ]);
  const whatsapp = h.graph.requests.filter((r) => r.body['to'] === s.waId || r.body['message_id'] === s.wamid);
  const activity = sync.activity.filter((a) => a.conversationId === s.id);
  return { summary, history, cart, orders, whatsapp: whatsapp.map((r) => r.body), activity };
}

const has = (body: unknown, text: string): boolean => JSON.stringify(body).includes(text);
/** The chat is in the answer exactly when the role may see it. */
const listsIt = (body: unknown, s: Scene, role: Role) => {
  expect(has(body, s.id)).toBe(role !== 'outsider');
};
/** Nothing an agent is given in a list is outside their sight. */
const onlyVisible = (body: unknown, role: Role) => {
  if (role === 'supervisor') return;
  const mine = role === 'unassigned' ? ids.una : ids.ann;
  for (const c of ConversationListResponseSchema.parse(body).conversations)
    expect([null, mine]).toContain(c.assigneeId);
};

type RestSpec = (s: Scene, role: Role) => RestCall;
type SocketSpec = (c: TestClient, s: Scene, role: Role) => Promise<unknown>;

interface Row {
  action: string;
  /** State the action needs, made by a supervisor before the cell (a cart line, an order). */
  prepare?: (s: Scene) => Promise<void>;
  rest?: { call: RestSpec; expected: Record<Role, Outcome> };
  socket?: { call: SocketSpec; expected: Record<Role, Outcome> };
  /** A success changes the chat (and must be seen to); a read changes nothing either way. */
  writes: boolean;
  /** What a success must answer. */
  check?: (body: unknown, s: Scene, role: Role) => void;
}

const path = (s: Scene, rest = '') => `/api/v1/conversations/${s.id}${rest}`;
const me = (role: Role) => (role === 'supervisor' ? 'self' : role === 'unassigned' ? ids.una : ids.ann);
/** The colleague a role would hand the chat to: Ann for the supervisor (it is Ben's), Ben otherwise. */
const colleague = (role: Role) => (role === 'supervisor' ? ids.ann : ids.ben);
let supervisorId = '';
let supervisorName = '';
const claimant = (role: Role) => (role === 'supervisor' ? supervisorId : me(role));
const future = () => new Date(Date.now() + 3_600_000).toISOString();

/** REST outcomes: on a visible chat as given, 404 outside sight, 401 without a live session. */
const rest = (visible: Outcome, named: Partial<Record<Role, Outcome>> = {}) =>
  cells(ROLES, visible, {
    outsider: '404 NOT_FOUND',
    deactivated: '401 UNAUTHORIZED',
    noSession: '401 UNAUTHORIZED',
    ...named,
  });
/** Socket outcomes: the same, and no socket at all without a live session. */
const socket = (visible: Outcome, named: Partial<Record<Role, Outcome>> = {}) =>
  cells(ROLES, visible, { outsider: 'NOT_FOUND', deactivated: REFUSED, noSession: REFUSED, ...named });

let clientIds = 0;
const clientId = () => `perm-${++clientIds}`;

const rows: Row[] = [
  {
    action: 'list conversations (is the chat in it)',
    rest: { call: () => ['GET', '/api/v1/conversations'], expected: rest('200', { outsider: '200' }) },
    socket: { call: (c) => command(c.socket, 'inbox:sync'), expected: socket('ok', { outsider: 'ok' }) },
    writes: false,
    check: (body, s, role) => {
      listsIt(body, s, role);
      onlyVisible(body, role);
    },
  },
  {
    action: 'list conversations, view all / the next page',
    rest: { call: () => ['GET', '/api/v1/conversations?view=all'], expected: rest('200', { outsider: '200' }) },
    socket: {
      call: (c) =>
        command(c.socket, 'inbox:page', { after: { activitySeq: Number.MAX_SAFE_INTEGER, id: 'z' }, limit: 2000 }),
      expected: socket('ok', { outsider: 'ok' }),
    },
    writes: false,
    check: (body, s, role) => {
      listsIt(body, s, role);
      onlyVisible(body, role);
    },
  },
  {
    action: 'search (customer name and message text)',
    rest: { call: (s) => ['GET', `/api/v1/search?q=${s.word}`], expected: rest('200', { outsider: '200' }) },
    socket: { call: (c, s) => command(c.socket, 'search', { q: s.word }), expected: socket('ok', { outsider: 'ok' }) },
    writes: false,
    check: (body, s, role) => {
      listsIt(body, s, role);
      onlyVisible(body, role);
      const found = body as { conversations: unknown[]; messages: unknown[] };
      expect([found.conversations.length, found.messages.length]).toEqual(role === 'outsider' ? [0, 0] : [1, 1]);
    },
  },
  {
    action: 'read the messages (history)',
    rest: { call: (s) => ['GET', path(s, '/messages')], expected: rest('200') },
    socket: {
      call: (c, s) => command(c.socket, 'conversation:history', { conversationId: s.id }),
      expected: socket('ok'),
    },
    writes: false,
    check: (body, s) => {
      expect(has(body, `vraag ${s.word}`)).toBe(true);
    },
  },
  {
    action: 'the contact panel (who, earlier conversations, orders)',
    rest: { call: (s) => ['GET', path(s, '/contact')], expected: rest('200') },
    socket: {
      call: (c, s) => command(c.socket, 'contact:history', { conversationId: s.id }),
      expected: socket('ok'),
    },
    writes: false,
    check: (body, s) => {
      expect(has(body, `Klant ${s.word}`)).toBe(true);
    },
  },
  {
    action: 'open the chat (viewing)',
    socket: {
      call: (c, s) => command(c.socket, 'conversation:viewing', { conversationId: s.id }),
      expected: socket('ok'),
    },
    writes: true,
  },
  {
    action: 'typing',
    socket: {
      call: (c, s) => command(c.socket, 'conversation:typing', { conversationId: s.id }),
      expected: socket('ok'),
    },
    writes: true,
  },
  {
    action: 'mark read (one read receipt to WhatsApp)',
    rest: { call: (s) => ['POST', path(s, '/read')], expected: rest('200') },
    socket: {
      call: (c, s) => command(c.socket, 'conversation:markRead', { conversationId: s.id }),
      expected: socket('ok'),
    },
    writes: true,
    check: (body) => {
      expect((body as { conversation: { unreadCount: number } }).conversation.unreadCount).toBe(0);
    },
  },
  {
    action: 'send a message',
    rest: {
      call: (s) => ['POST', path(s, '/messages'), { text: 'Goeiemiddag', clientId: clientId() }],
      expected: rest('201', { supervisor: '409 ASSIGNED_TO_OTHER' }),
    },
    socket: {
      call: (c, s) =>
        command(c.socket, 'message:send', { conversationId: s.id, text: 'Goeiemiddag', clientId: clientId() }),
      expected: socket('ok', { supervisor: 'ASSIGNED_TO_OTHER' }),
    },
    writes: true,
  },
  {
    action: 'send a message, confirming the chat is someone else’s',
    rest: {
      call: (s) => [
        'POST',
        path(s, '/messages'),
        { text: 'Ik neem over', clientId: clientId(), confirmAssignedToOther: true },
      ],
      expected: rest('201'),
    },
    socket: {
      call: (c, s) =>
        command(c.socket, 'message:send', {
          conversationId: s.id,
          text: 'Ik neem over',
          clientId: clientId(),
          confirmAssignedToOther: true,
        }),
      expected: socket('ok'),
    },
    writes: true,
  },
  {
    action: 'add a private note',
    rest: { call: (s) => ['POST', path(s, '/notes'), { text: 'let op' }], expected: rest('201') },
    socket: {
      call: (c, s) => command(c.socket, 'note:add', { conversationId: s.id, text: 'let op' }),
      expected: socket('ok'),
    },
    writes: true,
  },
  {
    action: 'set the status (pending)',
    rest: { call: (s) => ['PATCH', path(s), { status: 'pending' }], expected: rest('200') },
    socket: {
      call: (c, s) => command(c.socket, 'conversation:setStatus', { conversationId: s.id, status: 'resolved' }),
      expected: socket('ok'),
    },
    writes: true,
  },
  {
    action: 'snooze',
    rest: { call: (s) => ['PATCH', path(s), { status: 'snoozed', snoozedUntil: future() }], expected: rest('200') },
    socket: {
      call: (c, s) =>
        command(c.socket, 'conversation:setStatus', {
          conversationId: s.id,
          status: 'snoozed',
          snoozedUntil: future(),
        }),
      expected: socket('ok'),
    },
    writes: true,
  },
  {
    action: 'claim the chat for oneself',
    rest: {
      call: (s, role) => ['POST', path(s, '/assign'), { agentId: claimant(role) }],
      expected: rest('200', { assignee: '403 FORBIDDEN' }),
    },
    socket: {
      call: (c, s, role) => command(c.socket, 'conversation:assign', { conversationId: s.id, agentId: claimant(role) }),
      expected: socket('ok', { assignee: 'FORBIDDEN' }),
    },
    writes: true,
  },
  {
    action: 'hand the chat back (unassign)',
    rest: {
      call: (s) => ['POST', path(s, '/assign'), { agentId: null }],
      expected: rest('200', { unassigned: '403 FORBIDDEN' }),
    },
    socket: {
      call: (c, s) => command(c.socket, 'conversation:assign', { conversationId: s.id, agentId: null }),
      expected: socket('ok', { unassigned: 'FORBIDDEN' }),
    },
    writes: true,
  },
  {
    action: 'reassign the chat to a colleague',
    rest: {
      call: (s, role) => ['POST', path(s, '/assign'), { agentId: colleague(role) }],
      expected: rest('403 FORBIDDEN', { supervisor: '200' }),
    },
    socket: {
      call: (c, s, role) =>
        command(c.socket, 'conversation:assign', { conversationId: s.id, agentId: colleague(role) }),
      expected: socket('FORBIDDEN', { supervisor: 'ok' }),
    },
    writes: true,
  },
  {
    action: 'set the chat’s labels',
    rest: { call: (s) => ['PUT', path(s, '/labels'), { labelIds: [labelId] }], expected: rest('200') },
    socket: {
      call: (c, s) => command(c.socket, 'conversation:setLabels', { conversationId: s.id, labelIds: [labelId] }),
      expected: socket('ok'),
    },
    writes: true,
  },
  {
    action: 'read the cart',
    prepare: putInCart,
    rest: { call: (s) => ['GET', path(s, '/cart')], expected: rest('200') },
    socket: { call: (c, s) => command(c.socket, 'cart:get', { conversationId: s.id }), expected: socket('ok') },
    writes: false,
    check: (body) => {
      expect((body as { cart: { items: unknown[] } }).cart.items).toHaveLength(1);
    },
  },
  {
    action: 'change the cart',
    rest: { call: (s) => ['PUT', path(s, `/cart/items/${productId}`), { quantity: 2 }], expected: rest('200') },
    socket: {
      call: (c, s) => command(c.socket, 'cart:setItem', { conversationId: s.id, productId, quantity: 2 }),
      expected: socket('ok'),
    },
    writes: true,
  },
  {
    action: 'send the cart summary',
    prepare: putInCart,
    socket: {
      call: (c, s) => command(c.socket, 'cart:sendSummary', { conversationId: s.id }),
      expected: socket('ok', { supervisor: 'ASSIGNED_TO_OTHER' }),
    },
    writes: true,
  },
  {
    action: 'send a product card',
    rest: {
      call: (s) => ['POST', path(s, '/products'), { productIds: [productId], clientId: clientId() }],
      expected: rest('201', { supervisor: '409 ASSIGNED_TO_OTHER' }),
    },
    socket: {
      call: (c, s) =>
        command(c.socket, 'catalog:send', { conversationId: s.id, productIds: [productId], clientId: clientId() }),
      expected: socket('ok', { supervisor: 'ASSIGNED_TO_OTHER' }),
    },
    writes: true,
  },
  {
    action: 'request payment for the cart',
    prepare: putInCart,
    rest: { call: (s) => ['POST', path(s, '/payment-link'), { provider: 'sandbox' }], expected: rest('201') },
    socket: {
      call: (c, s) => command(c.socket, 'order:requestPayment', { conversationId: s.id, provider: 'sandbox' }),
      expected: socket('ok'),
    },
    writes: true,
  },
  {
    action: 'list orders (is the chat’s order in it)',
    prepare: async (s) => {
      await putInCart(s);
      expect((await api(h, h.adminToken, 'POST', path(s, '/payment-link'), { provider: 'sandbox' })).status).toBe(201);
    },
    rest: { call: () => ['GET', '/api/v1/orders'], expected: rest('200', { outsider: '200' }) },
    socket: { call: (c) => command(c.socket, 'order:list', {}), expected: socket('ok', { outsider: 'ok' }) },
    writes: false,
    check: listsIt,
  },
  {
    action: 'list orders of this chat',
    prepare: async (s) => {
      await putInCart(s);
      expect((await api(h, h.adminToken, 'POST', path(s, '/payment-link'), { provider: 'sandbox' })).status).toBe(201);
    },
    rest: { call: (s) => ['GET', `/api/v1/orders?conversationId=${s.id}`], expected: rest('200', { outsider: '200' }) },
    socket: {
      call: (c, s) => command(c.socket, 'order:list', { conversationId: s.id }),
      expected: socket('ok', { outsider: 'ok' }),
    },
    writes: false,
    check: (body, s, role) => {
      expect((body as { orders: unknown[] }).orders).toHaveLength(role === 'outsider' ? 0 : 1);
    },
  },
];

beforeAll(async () => {
  h = await startHarness();
  const [ann, ben, una, gone, veraAgent] = await Promise.all([
    h.addAgent('Ann'),
    h.addAgent('Ben'),
    h.addAgent('Una'),
    h.addAgent('Gone'),
    h.addAgent('Vera', 'supervisor'),
  ]);
  ids = { ann: ann.agent.id, ben: ben.agent.id, una: una.agent.id };
  const sync = await connectClient(h.url, h.adminToken);
  ({ id: supervisorId, name: supervisorName } = (await command(sync.socket, 'inbox:sync')).me);
  sockets = {
    supervisor: sync,
    assignee: await connectClient(h.url, ann.token),
    unassigned: await connectClient(h.url, una.token),
  };
  vera = await connectClient(h.url, veraAgent.token);
  veraToken = veraAgent.token;
  goneSocket = await connectClient(h.url, gone.token);
  const cut = goneSocket.next('session:end');
  expect((await api(h, h.adminToken, 'PATCH', `/api/v1/agents/${gone.agent.id}`, { active: false })).status).toBe(200);
  await cut;
  tokens = {
    supervisor: h.adminToken,
    assignee: ann.token,
    outsider: ann.token,
    unassigned: una.token,
    deactivated: gone.token,
    noSession: null,
  };
  const label = await api(h, h.adminToken, 'POST', '/api/v1/labels', { name: 'VIP', color: '#cc0000' });
  labelId = (label.body as { label: { id: string } }).label.id;
  productId = (await addProduct(h, { sku: 'MUG', name: 'Espresso mug', amount: 899 })).id;
});

afterAll(async () => {
  for (const c of [...Object.values(sockets), vera, goneSocket]) c.close();
  await h.stop();
});

async function runCell(
  row: Row,
  role: Role,
  expected: Outcome,
  act: (s: Scene) => Promise<{ outcome: Outcome; body: unknown }>,
) {
  const s = await scene(role);
  await row.prepare?.(s);
  const before = await chatState(s);
  const { outcome, body } = await act(s);
  const after = await chatState(s);
  expect(outcome).toBe(expected);
  if (isSuccess(outcome)) {
    row.check?.(body, s, role);
    if (row.writes) expect(after).not.toEqual(before);
  } else {
    expect(after).toEqual(before);
    expect(has(body, s.word)).toBe(false);
  }
}

describeTable(
  'a chat, role × action over REST',
  { rows, roles: ROLES },
  (row) => row.rest,
  ({ row, side, role, expected }) => runCell(row, role, expected, (s) => restCell(h, tokens[role], side.call(s, role))),
);

describeTable(
  'a chat, role × action over Socket.IO',
  { rows, roles: ROLES },
  (row) => row.socket,
  ({ row, side, role, expected }) =>
    unlessRefused(h.url, tokens[role], expected, () =>
      runCell(row, role, expected, (s) => socketCell(side.call(socketOf(role), s, role))),
    ),
);

/*
 * Who hears about the chat: each event a colleague's action (Vera's, a supervisor) or the customer
 * causes reaches exactly the sockets that may see the chat. "silent" is proved against a sentinel:
 * the same event about a chat the socket may see, sent after, arrives, and nothing about this chat
 * came before it. Gone's socket was cut by the deactivation, so it hears nothing at all.
 */
type Hearing = 'hears' | 'silent' | typeof REFUSED;
interface AudienceRow {
  event: keyof ServerToClientEvents;
  action: string;
  /** The event that shows the relay did act, heard by a supervisor (default: the event itself). */
  witness?: keyof ServerToClientEvents;
  /** What happens in the chat; `role` is the column's (a mention names its agent). */
  trigger: (s: Scene, role: Role) => Promise<void>;
  expected: Record<Role, Hearing>;
}
const audience = (named: Partial<Record<Role, Hearing>> = {}): Record<Role, Hearing> =>
  cells(ROLES, 'hears', { outsider: 'silent', deactivated: 'silent', noSession: REFUSED, ...named }) as Record<
    Role,
    Hearing
  >;
let sentinelCount = 0;
const nameOf = (role: Role) =>
  role === 'supervisor' ? supervisorName : role === 'unassigned' ? 'Una' : role === 'deactivated' ? 'Gone' : 'Ann';
const toggles = new Set<string>();
/** Flips a per-chat switch, so that every trigger is a change (the sentinel chat is triggered again and again). */
function toggle(s: Scene, what: string): boolean {
  const key = `${s.id}:${what}`;
  if (toggles.delete(key)) return false;
  toggles.add(key);
  return true;
}

const audienceRows: AudienceRow[] = [
  {
    event: 'message:new',
    action: 'the customer writes',
    trigger: async (s) => {
      await postWebhook(h.url, inboundText({ waId: s.waId, name: `Klant ${s.word}` }, 'nog een vraag'));
    },
    expected: audience(),
  },
  {
    event: 'message:new',
    action: 'a colleague adds a note',
    trigger: async (s) => {
      expect((await api(h, veraToken, 'POST', path(s, '/notes'), { text: 'noot' })).status).toBe(201);
    },
    expected: audience(),
  },
  {
    event: 'message:new',
    action: 'a colleague changes the status (its system line)',
    trigger: async (s) => {
      const status = toggle(s, 'status') ? 'resolved' : 'pending';
      expect((await api(h, veraToken, 'PATCH', path(s), { status })).status).toBe(200);
    },
    expected: audience(),
  },
  {
    event: 'conversation:upsert',
    action: 'a colleague labels the chat',
    trigger: async (s) => {
      const labelIds = toggle(s, 'labels') ? [labelId] : [];
      expect((await api(h, veraToken, 'PUT', path(s, '/labels'), { labelIds })).status).toBe(200);
    },
    expected: audience(),
  },
  {
    event: 'conversation:activity',
    action: 'a colleague opens the chat (viewing)',
    trigger: async (s) => {
      await command(vera.socket, 'conversation:viewing', { conversationId: s.id });
    },
    expected: audience(),
  },
  {
    event: 'conversation:activity',
    action: 'a colleague types',
    trigger: async (s) => {
      await command(vera.socket, 'conversation:typing', { conversationId: s.id });
    },
    expected: audience(),
  },
  {
    event: 'cart:update',
    action: 'a colleague changes the cart',
    trigger: async (s) => {
      const quantity = ++sentinelCount;
      expect((await api(h, veraToken, 'PUT', path(s, `/cart/items/${productId}`), { quantity })).status).toBe(200);
    },
    expected: audience(),
  },
  {
    event: 'mention:new',
    witness: 'message:new',
    action: 'a colleague mentions the column’s agent in a note',
    trigger: async (s, role) => {
      const note = await api(h, veraToken, 'POST', path(s, '/notes'), { text: `@${nameOf(role)} kijk even` });
      expect(note.status).toBe(201);
    },
    expected: audience(),
  },
];

/** An unassigned chat every agent may see: the sentinel of the audience rows. */
let sentinel: Scene;
beforeAll(async () => {
  sentinel = await scene('unassigned');
});

const listenerOf = (role: Role): TestClient => (role === 'deactivated' ? goneSocket : socketOf(role));
const about = (s: Scene) => (payload: unknown) => has(payload, s.id);

describeTable(
  'a chat, who hears about it over Socket.IO',
  { rows: audienceRows.map((row) => ({ ...row, action: `${row.event} when ${row.action}` })), roles: ROLES },
  (row) => row,
  ({ row, role, expected }) =>
    unlessRefused(h.url, tokens[role], expected, async () => {
      const s = await scene(role);
      const listener = listenerOf(role);
      const mark = listener.events.length;
      if (expected === 'hears') {
        const heard = listener.next(row.event, about(s));
        await row.trigger(s, role);
        await heard;
        return;
      }
      // Silent: the relay did act (a supervisor heard it), and the same event about a chat this
      // socket may see, sent after it, arrives with nothing about this chat before it.
      const sent = sockets.supervisor.next(row.witness ?? row.event, about(s));
      await row.trigger(s, role);
      await sent;
      const watcher = role === 'deactivated' ? sockets.unassigned : listener;
      const sentinelHeard = watcher.next(row.event, about(sentinel));
      await row.trigger(sentinel, role === 'deactivated' ? 'unassigned' : role);
      await sentinelHeard;
      expect(listener.events.slice(mark).filter((e) => e.name === row.event && about(s)(e.payload))).toEqual([]);
    }),
);
