import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConversationSummary } from '../../shared/domain/conversation.js';
import type { Message, NewMessage } from '../../shared/domain/message.js';
import pino from 'pino';
import { CHUNK_SIZE } from '../../server/storage/conversation-files.js';
import { ConversationStore } from '../../server/storage/conversation-store.js';
import { median, round, roundSummary, summarize, type Summary } from './stats.js';
import { writeShop } from './storage-fixture.js';

/*
 * Write cost against history: the same durable append (a journal line and its fdatasync; the
 * checkpoint writes the files later) timed on shops of very different sizes.
 */

const logger = pino({ level: 'silent' });

export interface StorageCase {
  name: string;
  /** Messages per conversation; the appends go to conversation 0. */
  counts: number[];
}

export interface StorageCaseResult {
  name: string;
  storedMessages: number;
  conversations: number;
  targetMessages: number;
  /** Messages in the target's last chunk before the first measured append. */
  targetLastChunkFill: number;
  prepareMs: number;
  /** ConversationStore.open (what the relay does at start), warm page cache, each repeat. */
  openMs: { first: number; median: number; all: number[] };
  /** The first append reads the target conversation's chunks (lazy load) before writing. */
  firstAppendMs: number;
  appends: { count: number; ms: Summary; bytes: Summary };
}

export const STORAGE_CASES: StorageCase[] = [
  { name: '1,000 msgs / 10 convs', counts: Array<number>(10).fill(100) },
  { name: '100,000 msgs / 1,000 convs', counts: Array<number>(1_000).fill(100) },
  { name: '100,000 msgs, one conv of 10,000', counts: [10_000, ...Array<number>(900).fill(100)] },
];

const OPEN_REPEATS = 5;

function inboundMessage(conversationId: string, n: number): NewMessage {
  const at = new Date().toISOString();
  return {
    id: randomUUID(),
    conversationId,
    direction: 'in',
    type: 'text',
    text: `Bench append ${n}: is the green jacket still available in size M?`,
    status: 'received',
    waMessageId: `wamid.HBgLMzI0NzAxMjM0NTYVAgASGBQzQkVOQ0g${n.toString(36).toUpperCase()}AA==`,
    authorId: null,
    createdAt: at,
    updatedAt: at,
  };
}

/** The same summary change the conversation service makes for an inbound message. */
const afterInbound = (c: ConversationSummary, message: Message): ConversationSummary => ({
  ...c,
  lastMessageAt: message.createdAt,
  lastMessage: { text: message.text, type: message.type, direction: message.direction, status: message.status },
  unreadCount: c.unreadCount + 1,
  lastInboundAt: message.createdAt,
});

/** Bytes in the journal: an append adds one line there and rewrites nothing. */
async function journalBytes(dataDir: string): Promise<number> {
  const dir = join(dataDir, 'journal');
  let total = 0;
  for (const name of await readdir(dir)) total += (await stat(join(dir, name))).size;
  return total;
}

interface Prepared {
  spec: StorageCase;
  dataDir: string;
  target: { id: string; messageCount: number };
  conversations: number;
  prepareMs: number;
  openTimes: number[];
  store?: ConversationStore;
  count: number;
  firstAppendMs: number;
  times: number[];
  bytes: number[];
  journalBefore: number;
}

async function prepare(spec: StorageCase): Promise<Prepared> {
  const dataDir = await mkdtemp(join(tmpdir(), 'toonbank-bench-store-'));
  const t = performance.now();
  const written = await writeShop(dataDir, spec.counts);
  const target = written[0];
  if (!target) throw new Error('storage case without conversations');
  return {
    spec,
    dataDir,
    target,
    conversations: written.length,
    prepareMs: performance.now() - t,
    openTimes: [],
    count: target.messageCount,
    firstAppendMs: Number.NaN,
    times: [],
    bytes: [],
    journalBefore: 0,
  };
}

async function openOnce(c: Prepared): Promise<void> {
  const t = performance.now();
  const store = await ConversationStore.open(c.dataDir, { logger });
  c.openTimes.push(performance.now() - t);
  if (store.list().length !== c.conversations) {
    throw new Error(
      `${c.spec.name}: store opened ${store.list().length} conversations, fixture wrote ${c.conversations}`,
    );
  }
  await store.close();
}

/** One durable append to the target conversation; returns its duration in ms. */
async function appendOnce(c: Prepared, n: number): Promise<number> {
  if (!c.store) throw new Error('store not open');
  const message = inboundMessage(c.target.id, n);
  const before = await journalBytes(c.dataDir);
  const t = performance.now();
  await c.store.appendMessage(c.target.id, message, afterInbound);
  const ms = performance.now() - t;
  c.journalBefore = before;
  c.count += 1;
  return ms;
}

/** What an append wrote: its journal line. */
async function rewrittenBytes(c: Prepared): Promise<number> {
  return (await journalBytes(c.dataDir)) - c.journalBefore;
}

/** The appends really landed: a fresh open sees the last one, numbered after the fixture's history. */
async function verify(c: Prepared, lastN: number): Promise<void> {
  await c.store?.close();
  const reopened = await ConversationStore.open(c.dataDir, { logger });
  const latest = (await reopened.history(c.target.id, undefined, 1)).messages.at(-1);
  await reopened.close();
  if (latest?.text !== inboundMessage(c.target.id, lastN).text || latest.seq !== c.count - 1) {
    throw new Error(`${c.spec.name}: the last append is not on disk after reopening (seq ${latest?.seq})`);
  }
}

function resultOf(c: Prepared): StorageCaseResult {
  const fill = c.target.messageCount % CHUNK_SIZE === 0 ? CHUNK_SIZE : c.target.messageCount % CHUNK_SIZE;
  return {
    name: c.spec.name,
    storedMessages: c.spec.counts.reduce((a, b) => a + b, 0),
    conversations: c.conversations,
    targetMessages: c.target.messageCount,
    targetLastChunkFill: fill,
    prepareMs: round(c.prepareMs, 0),
    openMs: {
      first: round(c.openTimes[0] ?? Number.NaN),
      median: round(median(c.openTimes)),
      all: c.openTimes.map((x) => round(x)),
    },
    firstAppendMs: round(c.firstAppendMs),
    appends: {
      count: c.times.length,
      ms: roundSummary(summarize(c.times)),
      bytes: roundSummary(summarize(c.bytes), 0),
    },
  };
}

/**
 * All shops are written first, then every measurement runs round-robin across them (open A, B, C,
 * A, B, C …; append A, B, C …), so a slow moment of the shared disk hits every size alike instead
 * of making one of them look worse.
 */
export async function runStorageBench(appends: number, log: (line: string) => void): Promise<StorageCaseResult[]> {
  const cases: Prepared[] = [];
  try {
    for (const spec of STORAGE_CASES) {
      log(`storage: writing ${spec.name} …`);
      cases.push(await prepare(spec));
    }
    log(`storage: ${OPEN_REPEATS}× open and ${appends} appends per shop, interleaved …`);
    for (let r = 0; r < OPEN_REPEATS; r++) for (const c of cases) await openOnce(c);
    for (const c of cases) c.store = await ConversationStore.open(c.dataDir, { logger, checkpointEveryMs: 60_000 });
    for (const c of cases) c.firstAppendMs = await appendOnce(c, 0);
    for (let n = 1; n <= appends; n++) {
      for (const c of cases) {
        c.times.push(await appendOnce(c, n));
        c.bytes.push(await rewrittenBytes(c));
      }
    }
    for (const c of cases) await verify(c, appends);
    return cases.map(resultOf);
  } finally {
    await Promise.all(cases.map((c) => rm(c.dataDir, { recursive: true, force: true })));
  }
}
