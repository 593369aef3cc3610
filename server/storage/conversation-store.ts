import { mkdir, readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { z } from 'zod';
import { ConversationSummarySchema, type ConversationSummary } from '../../shared/domain/conversation.js';
import { MessageSchema, type Message, type NewMessage } from '../../shared/domain/message.js';
import { change as changeOf, commit, commitTogether } from './commit.js';
import { DurableJsonFile } from './durable-json-file.js';
import { KeyedQueue } from './keyed-queue.js';

/*
 * One folder per conversation: `meta.json` (the summary the inbox list needs) and the messages in
 * chunks of at most CHUNK_SIZE (`messages-0000.json`, …). Appending rewrites only the last chunk and
 * the meta, so a write costs the same with ten messages stored or a million. At start only the metas
 * are read; a conversation's chunks are read the first time something asks for its messages.
 */

export const CHUNK_SIZE = 100;

const MetaSchema = ConversationSummarySchema.extend({ chunkCount: z.number().int().nonnegative() });
type Meta = z.infer<typeof MetaSchema>;
const ChunkSchema = z.object({ messages: z.array(MessageSchema) });
type Chunk = z.infer<typeof ChunkSchema>;

export type MessageLocator = { id: string } | { waMessageId: string } | { clientId: string };

interface Shard {
  dir: string;
  meta: Low<Meta>;
  /** Null until the conversation's messages are first asked for. */
  loaded: { chunks: Low<Chunk>[]; index: Map<string, Position> } | null;
}

interface Position {
  chunk: number;
  index: number;
}

function chunkFile(dir: string, n: number): DurableJsonFile<Chunk> {
  return new DurableJsonFile(join(dir, `messages-${String(n).padStart(4, '0')}.json`), ChunkSchema);
}

function summaryOf(meta: Meta): ConversationSummary {
  const { chunkCount: _chunkCount, ...summary } = meta;
  return summary;
}

export class ConversationStore {
  private readonly shards = new Map<string, Shard>();
  private readonly byWaId = new Map<string, string>();
  private readonly queue = new KeyedQueue();

  private constructor(private readonly root: string) {}

  static async open(dataDir: string): Promise<ConversationStore> {
    const root = join(dataDir, 'conversations');
    await mkdir(root, { recursive: true });
    const store = new ConversationStore(root);
    for (const entry of await readdir(root, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const dir = join(root, entry.name);
      await removeLeftoverTemporaries(dir);
      const file = new DurableJsonFile(join(dir, 'meta.json'), MetaSchema);
      const data = await file.read();
      // A folder whose meta was never written is a conversation whose creation did not finish.
      if (data === null) continue;
      store.shards.set(data.id, { dir, meta: new Low(file, data), loaded: null });
      store.byWaId.set(data.contact.waId, data.id);
    }
    return store;
  }

  list(): ConversationSummary[] {
    return [...this.shards.values()].map((shard) => summaryOf(shard.meta.data));
  }

  get(id: string): ConversationSummary | undefined {
    const shard = this.shards.get(id);
    return shard && summaryOf(shard.meta.data);
  }

  findByWaId(waId: string): ConversationSummary | undefined {
    const id = this.byWaId.get(waId);
    return id === undefined ? undefined : this.get(id);
  }

  /** Runs `task` alone for this conversation: the unit of consistency for read-modify-write. */
  exclusive<T>(id: string, task: () => Promise<T>): Promise<T> {
    return this.queue.run(id, task);
  }

  async create(summary: ConversationSummary): Promise<void> {
    const dir = join(this.root, summary.id);
    await mkdir(dir, { recursive: true });
    const meta = new Low(new DurableJsonFile(join(dir, 'meta.json'), MetaSchema), { ...summary, chunkCount: 0 });
    await meta.write();
    this.shards.set(summary.id, { dir, meta, loaded: { chunks: [], index: new Map() } });
    this.byWaId.set(summary.contact.waId, summary.id);
  }

  async updateSummary(
    id: string,
    change: (c: ConversationSummary) => ConversationSummary,
  ): Promise<ConversationSummary> {
    const shard = this.shard(id);
    const next = { ...change(summaryOf(shard.meta.data)), chunkCount: shard.meta.data.chunkCount };
    await commit(shard.meta, next);
    return summaryOf(next);
  }

  /** Stores a message durably with its place in the conversation, then the summary change that goes with it. */
  async append(
    id: string,
    newMessage: NewMessage,
    change: (c: ConversationSummary, message: Message) => ConversationSummary,
  ): Promise<{ conversation: ConversationSummary; message: Message }> {
    const shard = this.shard(id);
    const { chunks, index } = await this.load(shard);
    const seq = chunks.reduce((count, chunk) => count + chunk.data.messages.length, 0);
    const message: Message = { ...newMessage, seq };
    let last = chunks.at(-1);
    let opensChunk = false;
    if (last === undefined || last.data.messages.length >= CHUNK_SIZE) {
      last = new Low(chunkFile(shard.dir, chunks.length), { messages: [] });
      opensChunk = true;
    }
    const next = { ...change(summaryOf(shard.meta.data), message), chunkCount: chunks.length + (opensChunk ? 1 : 0) };
    // The chunk is put in place before the meta that counts it; both are fsynced in parallel.
    await commitTogether([changeOf(last, { messages: [...last.data.messages, message] }), changeOf(shard.meta, next)]);
    if (opensChunk) chunks.push(last);
    indexMessage(index, message, { chunk: chunks.length - 1, index: last.data.messages.length - 1 });
    return { conversation: summaryOf(next), message };
  }

  async findMessage(id: string, locator: MessageLocator): Promise<Message | undefined> {
    const { chunks, index } = await this.load(this.shard(id));
    const at = index.get(keyOf(locator));
    return at && chunks[at.chunk]?.data.messages[at.index];
  }

  async latestMessage(id: string): Promise<Message | undefined> {
    const { chunks } = await this.load(this.shard(id));
    return chunks.at(-1)?.data.messages.at(-1);
  }

  /** Changes one message; `change` returns null to leave it as it is. */
  async updateMessage(
    id: string,
    locator: MessageLocator,
    change: (m: Message) => Message | null,
  ): Promise<Message | undefined> {
    const { chunks, index } = await this.load(this.shard(id));
    const at = index.get(keyOf(locator));
    const chunk = at && chunks[at.chunk];
    const current = at && chunk?.data.messages[at.index];
    if (!at || !chunk || !current) return undefined;
    const next = change(current);
    if (next === null) return undefined;
    const messages = [...chunk.data.messages];
    messages[at.index] = next;
    await commit(chunk, { messages });
    indexMessage(index, next, at);
    return next;
  }

  /** Up to `limit` messages before the message `before` (or the newest), oldest first. */
  async history(
    id: string,
    before: string | undefined,
    limit: number,
  ): Promise<{ messages: Message[]; hasMore: boolean }> {
    const { chunks, index } = await this.load(this.shard(id));
    const start = before === undefined ? undefined : index.get(keyOf({ id: before }));
    let chunk = start?.chunk ?? chunks.length - 1;
    let end = start?.index ?? chunks[chunk]?.data.messages.length ?? 0;
    const page: Message[] = [];
    while (chunk >= 0 && page.length < limit) {
      const messages = chunks[chunk]?.data.messages ?? [];
      const from = Math.max(0, end - (limit - page.length));
      page.unshift(...messages.slice(from, end));
      if (from > 0) return { messages: page, hasMore: true };
      chunk -= 1;
      end = chunks[chunk]?.data.messages.length ?? 0;
    }
    return { messages: page, hasMore: chunk >= 0 && end > 0 };
  }

  /** Messages the relay must still try to send (after a restart). */
  async pendingOutbound(): Promise<Message[]> {
    const pending: Message[] = [];
    for (const shard of this.shards.values()) {
      if (shard.meta.data.lastMessage === null) continue;
      const tail = (await this.load(shard)).chunks.at(-1)?.data.messages ?? [];
      pending.push(...tail.filter((m) => m.direction === 'out' && m.status === 'pending'));
    }
    return pending;
  }

  private shard(id: string): Shard {
    const shard = this.shards.get(id);
    if (!shard) throw new Error(`No conversation ${id}`);
    return shard;
  }

  private async load(shard: Shard): Promise<NonNullable<Shard['loaded']>> {
    if (shard.loaded) return shard.loaded;
    const chunks: Low<Chunk>[] = [];
    for (let n = 0; n < shard.meta.data.chunkCount; n++) {
      const chunk = new Low(chunkFile(shard.dir, n), { messages: [] });
      await chunk.read();
      chunks.push(chunk);
    }
    // The meta is written after its chunk: a crash in between leaves one more chunk than it counts.
    const extra = new Low(chunkFile(shard.dir, chunks.length), { messages: [] });
    await extra.read();
    if (extra.data.messages.length > 0) chunks.push(extra);
    const index = new Map<string, Position>();
    chunks.forEach((chunk, c) => {
      chunk.data.messages.forEach((m, i) => {
        indexMessage(index, m, { chunk: c, index: i });
      });
    });
    shard.loaded ??= { chunks, index };
    return shard.loaded;
  }
}

function keyOf(locator: MessageLocator): string {
  if ('id' in locator) return `id:${locator.id}`;
  if ('waMessageId' in locator) return `wa:${locator.waMessageId}`;
  return `client:${locator.clientId}`;
}

/** Every way a message is looked up (its id, wamid, the sender's clientId) points at its position. */
function indexMessage(index: Map<string, Position>, message: Message, at: Position): void {
  index.set(keyOf({ id: message.id }), at);
  if (message.waMessageId !== null) index.set(keyOf({ waMessageId: message.waMessageId }), at);
  if (message.clientId !== undefined) index.set(keyOf({ clientId: message.clientId }), at);
}

async function removeLeftoverTemporaries(dir: string): Promise<void> {
  for (const name of await readdir(dir)) {
    if (name.endsWith('.tmp')) await unlink(join(dir, name)).catch(() => undefined);
  }
}
