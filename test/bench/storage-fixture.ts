import { randomUUID } from 'node:crypto';
import { mkdir, open } from 'node:fs/promises';
import { join } from 'node:path';
import { ConversationSummarySchema, type ConversationSummary } from '../../shared/domain/conversation.js';
import { MessageSchema, type Message } from '../../shared/domain/message.js';
import { CHUNK_SIZE, MetaSchema, type Meta } from '../../server/storage/conversation-files.js';
import { DATA_FORMAT } from '../../server/storage/data-format.js';

/*
 * Writes a shop's history straight into ConversationStore's on-disk format, because storing
 * 100,000 messages one durable append at a time would take most of an hour:
 *   DATA_DIR/format.json                            the data format
 *   DATA_DIR/conversations/<id>/meta.json           summary, message count, outbox
 *   DATA_DIR/conversations/<id>/messages-NNNN.json  {messages:[…]}, CHUNK_SIZE per file
 * Same JSON.stringify as DurableJsonFile. `durable` (the default) fsyncs every file, so the appends
 * measured afterwards do not share the disk with a backlog of dirty pages; shops that are only
 * started and read (fixture-cache.ts) skip it. ConversationStore.open then parses every meta with its
 * schema, and the first append parses the target's chunks: a format drift fails loudly.
 */

/** Bump when what the fixture writes changes, so cached fixtures (fixture-cache.ts) are rebuilt. */
export const FIXTURE_REVISION = 1;

const T0 = Date.parse('2025-03-03T08:00:00.000Z');
const AGENT_ID = '7d4c1f52-3a6e-4b8f-9b1c-2f0e8a9d6c31';

const PHRASES = [
  'Hallo, hebben jullie deze nog in maat 38?',
  'Bonjour, est-ce que la livraison en Belgique est gratuite ?',
  'Yes, we still have it in stock. Shall I reserve one for you?',
  'Ik heb net betaald via Bancontact, klopt dat?',
  'Merci beaucoup, à samedi !',
  'Here is the link to pay with iDEAL. It is valid for 24 hours.',
  'Kan ik het ook komen ophalen in de winkel?',
  'The blue one or the green one? Both are on the shelf today.',
  'Parfait, je prends les deux.',
  'Top, dank je wel!',
  'We open at 9:30 on Saturday; the parcel is ready at the counter.',
  'Is de jas waterdicht of alleen waterafstotend?',
];

/** A small seeded PRNG, so every run writes the same texts and sizes. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const wamid = (n: number, random: () => number): string =>
  `wamid.HBgLMzI0NzAxMjM0NTYVAgASGBQz${n.toString(36).toUpperCase()}${Math.floor(random() * 1e12)
    .toString(36)
    .toUpperCase()}AA==`;

function makeMessage(conversationId: string, n: number, at: number, random: () => number): Message {
  const inbound = random() < 0.55;
  const phrase = PHRASES[Math.floor(random() * PHRASES.length)] ?? '';
  const iso = new Date(at).toISOString();
  return {
    id: randomUUID(),
    conversationId,
    seq: n,
    direction: inbound ? 'in' : 'out',
    type: 'text',
    text: random() < 0.3 ? `${phrase} ${PHRASES[n % PHRASES.length] ?? ''}` : phrase,
    status: inbound ? 'received' : 'read',
    waMessageId: wamid(n, random),
    authorId: inbound ? null : AGENT_ID,
    createdAt: iso,
    updatedAt: iso,
  };
}

async function writeFileOf(path: string, text: string, durable: boolean): Promise<void> {
  const handle = await open(path, 'w');
  try {
    await handle.writeFile(text, 'utf8');
    if (durable) await handle.sync();
  } finally {
    await handle.close();
  }
}

async function syncDir(path: string, durable: boolean): Promise<void> {
  if (!durable) return;
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export interface WrittenConversation {
  id: string;
  messageCount: number;
}

/** The customer of conversation `index`: the newest conversation has the highest index. */
export const fixtureCustomer = (index: number): { waId: string; name: string } => ({
  waId: `3247${String(1_000_000 + index).padStart(7, '0')}`,
  name: `Customer ${index + 1}`,
});

export interface ShopOptions {
  seed?: number;
  /** fsync every file and folder (default true). */
  durable?: boolean;
}

/** Writes one conversation of `count` messages; returns its id. */
async function writeConversation(
  root: string,
  index: number,
  count: number,
  seed: number,
  durable: boolean,
): Promise<WrittenConversation> {
  const random = prng(seed * 100_003 + index);
  const id = randomUUID();
  const dir = join(root, id);
  await mkdir(dir, { recursive: true });
  const start = T0 + index * 37_000;
  const messages: Message[] = [];
  for (let n = 0; n < count; n++) messages.push(makeMessage(id, n, start + n * 45_000, random));
  const last = messages.at(-1);
  const lastInbound = messages.findLast((m) => m.direction === 'in');
  const summary: ConversationSummary = {
    id,
    contact: { ...fixtureCustomer(index), userId: null, username: null },
    status: 'open',
    snoozedUntil: null,
    labels: [],
    waitingSince: null,
    assigneeId: index % 3 === 0 ? null : AGENT_ID,
    createdAt: new Date(start).toISOString(),
    lastMessageAt: last?.createdAt ?? null,
    lastMessage: last ? { text: last.text, type: last.type, direction: last.direction, status: last.status } : null,
    unreadCount: last?.direction === 'in' ? 1 : 0,
    lastInboundAt: lastInbound?.createdAt ?? null,
    activitySeq: index + 1,
  };
  const meta: Meta = {
    summary,
    messageCount: count,
    lastInboundWaMessageId: lastInbound?.waMessageId ?? null,
    outbox: [],
  };
  if (index === 0) {
    // The fixture must be what the store itself would have written: check one of each with its schema.
    ConversationSummarySchema.parse(summary);
    MetaSchema.parse(meta);
    if (messages[0]) MessageSchema.parse(messages[0]);
  }
  const chunkCount = Math.ceil(count / CHUNK_SIZE);
  for (let c = 0; c < chunkCount; c++) {
    const chunk = { messages: messages.slice(c * CHUNK_SIZE, (c + 1) * CHUNK_SIZE) };
    await writeFileOf(join(dir, `messages-${String(c).padStart(4, '0')}.json`), JSON.stringify(chunk), durable);
  }
  await writeFileOf(join(dir, 'meta.json'), JSON.stringify(meta), durable);
  await syncDir(dir, durable);
  return { id, messageCount: count };
}

/** Writes `counts.length` conversations (counts[i] messages each) under dataDir, a few at a time. */
export async function writeShop(
  dataDir: string,
  counts: readonly number[],
  { seed = 42, durable = true }: ShopOptions = {},
): Promise<WrittenConversation[]> {
  const root = join(dataDir, 'conversations');
  await mkdir(root, { recursive: true });
  const written: WrittenConversation[] = new Array<WrittenConversation>(counts.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < counts.length) {
      const index = next++;
      written[index] = await writeConversation(root, index, counts[index] ?? 0, seed, durable);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  await syncDir(root, durable);
  await writeFileOf(join(dataDir, 'format.json'), JSON.stringify({ version: DATA_FORMAT }), durable);
  return written;
}
