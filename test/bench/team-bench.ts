import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { connectRelay, createAgent, login, type RelaySocket } from '../../shared/client/relay-client.js';
import { createRelay, type Relay } from '../../server/relay.js';
import { FakeGraph } from '../helpers/fake-graph.js';
import { ADMIN, cloudTestConfig } from '../helpers/relay-harness.js';
import { inboundText, postWebhook } from '../helpers/webhooks.js';
import { BENCH_ADMIN, cachedShop, linkCopy, type ShopSpec } from './fixture-cache.js';
import { ceiling, int, ms, table, type Verdict } from './format.js';
import { roundSummary, summarize, type Summary } from './stats.js';

/*
 * The team inbox at size. Search: the real relay on a cached shop of 50,000 messages (500
 * conversations of 100), the index built in the background after listen (timed), then
 * `GET /api/v1/search` round trips by a supervisor with words, prefixes, customer names and
 * numbers. Auto-assignment: a fresh relay with 20 agents online (capacity 25 each) and autoAssign
 * on gets a burst of 500 new chats (16 webhooks in flight); each chat's time from its webhook
 * being sent to its assignment reaching the supervisor's socket, and how evenly they were spread.
 * The contact panel: `GET /api/v1/conversations/:id/contact` for a regular customer's thread of
 * 20,000 messages (the most the panel reads), the first ask from disk and then warm.
 */

const logger = pino({ level: 'silent' });
export const SHOP_50K: ShopSpec = { name: '50k', counts: Array<number>(500).fill(100) };
const SEARCHES = 300;
export const SEARCH_P99_TARGET_MS = 100;
/** One conversation of as many messages as the contact panel reads (MAX_MESSAGES_READ). */
export const SHOP_LONG_THREAD: ShopSpec = { name: 'thread20k', counts: [20_000] };
const CONTACT_ASKS = 50;
const AGENTS = 20;
const BURST = 500;
const IN_FLIGHT = 16;

export interface TeamResult {
  search: { messages: number; indexBuildMs: number; roundTripMs: Summary; hits: number };
  assign: { chats: number; agents: number; totalMs: number; perChatMs: Summary; minLoad: number; maxLoad: number };
  contact: { messages: number; firstMs: number; roundTripMs: Summary };
}

const QUERIES = [
  'maat',
  'livraison',
  'Bancontact',
  'waterdicht',
  'ophalen',
  'blue',
  'iDEAL link',
  'Customer 12',
  '+32 470 00',
  'parfait',
];

async function connect(url: string, token: string): Promise<RelaySocket> {
  const socket = connectRelay(url, token);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

/** The real relay on a hard-linked copy of a cached shop; `stop` closes it and removes the copy. */
async function relayOnShop(
  spec: ShopSpec,
  label: string,
  log: (line: string) => void,
): Promise<{ shop: Awaited<ReturnType<typeof cachedShop>>; relay: Relay; stop: () => Promise<void> }> {
  const shop = await cachedShop(spec);
  if (shop.written) log(`team: wrote the ${label} in ${ms(shop.writeMs)} ms`);
  const dataDir = await mkdtemp(join(tmpdir(), `toonbank-bench-relay-${spec.name}-`));
  await linkCopy(shop.dataDir, join(dataDir, 'data'));
  const graph = new FakeGraph();
  await graph.start();
  const relay = await createRelay({
    config: { ...cloudTestConfig(join(dataDir, 'data'), graph.url), admin: BENCH_ADMIN },
    logger,
  });
  const stop = async () => {
    await relay.close();
    await graph.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
  return { shop, relay, stop };
}

async function searchBench(log: (line: string) => void): Promise<TeamResult['search']> {
  const { shop, relay, stop } = await relayOnShop(SHOP_50K, '50,000-message shop', log);
  try {
    const url = await relay.listen();
    const started = performance.now();
    await relay.searchIndexed();
    const indexBuildMs = performance.now() - started;
    const { token } = await login(url, BENCH_ADMIN.email, BENCH_ADMIN.password);
    log(`team: index built in ${ms(indexBuildMs)} ms; ${SEARCHES} searches …`);
    const times: number[] = [];
    let hits = 0;
    for (let i = 0; i < SEARCHES + 20; i++) {
      const q = QUERIES[i % QUERIES.length] ?? '';
      const t = performance.now();
      const response = await fetch(`${url}/api/v1/search?q=${encodeURIComponent(q)}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const body = (await response.json()) as { messages: unknown[]; conversations: unknown[] };
      if (i >= 20) {
        times.push(performance.now() - t);
        hits += body.messages.length + body.conversations.length;
      }
    }
    const messages = shop.conversations.reduce((n, c) => n + c.messageCount, 0);
    return { messages, indexBuildMs, roundTripMs: roundSummary(summarize(times)), hits: Math.round(hits / SEARCHES) };
  } finally {
    await stop();
  }
}

async function assignBench(log: (line: string) => void): Promise<TeamResult['assign']> {
  const dataDir = await mkdtemp(join(tmpdir(), 'toonbank-bench-assign-'));
  const graph = new FakeGraph();
  await graph.start();
  const relay = await createRelay({ config: cloudTestConfig(dataDir, graph.url), logger });
  const sockets: RelaySocket[] = [];
  try {
    const url = await relay.listen();
    const { token } = await login(url, ADMIN.email, ADMIN.password);
    log(`team: ${AGENTS} agents online, a burst of ${BURST} new chats …`);
    for (let i = 0; i < AGENTS; i++) {
      const email = `agent${i}@bench.test`;
      await createAgent(url, token, {
        name: `Agent ${i}`,
        email,
        password: 'bench agent pw',
        role: 'agent',
        capacity: 25,
      });
      sockets.push(await connect(url, (await login(url, email, 'bench agent pw')).token));
    }
    const boss = await connect(url, token);
    sockets.push(boss);
    await fetch(`${url}/api/v1/settings`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ autoAssign: true }),
    });
    const sentAt = new Map<string, number>();
    const delays: number[] = [];
    const loads = new Map<string, number>();
    const done = new Promise<void>((resolve) => {
      boss.on('conversation:upsert', (c) => {
        const at = sentAt.get(c.contact.waId ?? '');
        if (at === undefined || c.assigneeId === null) return;
        sentAt.delete(c.contact.waId ?? '');
        delays.push(performance.now() - at);
        loads.set(c.assigneeId, (loads.get(c.assigneeId) ?? 0) + 1);
        if (delays.length === BURST) resolve();
      });
    });
    const started = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (next < BURST) {
          const n = next++;
          const waId = `3248${String(1_000_000 + n).padStart(7, '0')}`;
          sentAt.set(waId, performance.now());
          await postWebhook(url, inboundText({ waId, name: `Burst ${n}` }, 'Hallo, is er iemand?'));
        }
      }),
    );
    await done;
    const totalMs = performance.now() - started;
    const counts = [...loads.values()];
    return {
      chats: BURST,
      agents: AGENTS,
      totalMs,
      perChatMs: roundSummary(summarize(delays)),
      minLoad: counts.length === AGENTS ? Math.min(...counts) : 0,
      maxLoad: Math.max(...counts),
    };
  } finally {
    for (const socket of sockets) socket.disconnect();
    await relay.close();
    await graph.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function contactBench(log: (line: string) => void): Promise<TeamResult['contact']> {
  const { shop, relay, stop } = await relayOnShop(SHOP_LONG_THREAD, '20,000-message thread', log);
  try {
    const url = await relay.listen();
    const { token } = await login(url, BENCH_ADMIN.email, BENCH_ADMIN.password);
    const id = shop.conversations[0]?.id ?? '';
    const ask = async () => {
      const t = performance.now();
      const response = await fetch(`${url}/api/v1/conversations/${id}/contact`, {
        headers: { authorization: `Bearer ${token}` },
      });
      if (response.status !== 200) throw new Error(`contact panel answered ${response.status}`);
      await response.json();
      return performance.now() - t;
    };
    log(`team: the contact panel of a 20,000-message thread, ${CONTACT_ASKS} asks …`);
    const firstMs = await ask();
    const times: number[] = [];
    for (let i = 0; i < CONTACT_ASKS; i++) times.push(await ask());
    return { messages: shop.conversations[0]?.messageCount ?? 0, firstMs, roundTripMs: roundSummary(summarize(times)) };
  } finally {
    await stop();
  }
}

export async function runTeamBench(log: (line: string) => void): Promise<TeamResult> {
  const search = await searchBench(log);
  const assign = await assignBench(log);
  const contact = await contactBench(log);
  return { search, assign, contact };
}

export function teamText(r: TeamResult): string {
  const s = r.search.roundTripMs;
  const a = r.assign.perChatMs;
  return [
    `Search over ${int(r.search.messages)} messages (index built in the background in ${ms(r.search.indexBuildMs)} ms after listen; about ${r.search.hits} hits per query)`,
    table(
      ['ms, GET /api/v1/search round trip', 'p50', 'p95', 'p99', 'max'],
      [['search', ms(s.p50), ms(s.p95), ms(s.p99), ms(s.max)]],
    ),
    '',
    `Auto-assignment: ${r.assign.chats} new chats in a burst across ${r.assign.agents} online agents, all assigned in ${ms(r.assign.totalMs)} ms; ${r.assign.minLoad}–${r.assign.maxLoad} chats per agent`,
    table(
      ['ms, webhook sent → assignment on the supervisor socket', 'p50', 'p95', 'p99', 'max'],
      [['per chat', ms(a.p50), ms(a.p95), ms(a.p99), ms(a.max)]],
    ),
    '',
    `Contact panel of a thread of ${int(r.contact.messages)} messages: first ask ${ms(r.contact.firstMs)} ms (from disk), then`,
    table(
      ['ms, GET /api/v1/conversations/:id/contact round trip', 'p50', 'p95', 'p99', 'max'],
      [
        [
          'warm',
          ms(r.contact.roundTripMs.p50),
          ms(r.contact.roundTripMs.p95),
          ms(r.contact.roundTripMs.p99),
          ms(r.contact.roundTripMs.max),
        ],
      ],
    ),
  ].join('\n');
}

export function teamVerdicts(r: TeamResult): Verdict[] {
  return [
    ceiling('search over 50,000 messages p99 ≤ 100 ms', 'p99', r.search.roundTripMs.p99, SEARCH_P99_TARGET_MS, 'ms'),
  ];
}
