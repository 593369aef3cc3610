import { existsSync, readdirSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import type { Logger } from 'pino';
import { LRUCache } from 'lru-cache';
import type { ConversationSummary } from '../../shared/domain/conversation.js';
import type { Message, NewMessage } from '../../shared/domain/message.js';
import type { MessagePage } from '../../shared/protocol/messages.js';
import { ChunkCache, chunkKey } from './chunk-cache.js';
import {
  CHUNK_SIZE,
  chunkOf,
  ConversationFiles,
  JournalCommitSchema,
  type JournalRecord,
  type Meta,
} from './conversation-files.js';
import { publish, StorageCorruptError, type StagedFile } from './durable-json-file.js';
import { Journal } from './journal.js';
import { KeyedQueue } from './keyed-queue.js';

/*
 * The conversations and their messages, behind domain operations that each hold their own lock
 * ("append this message unless its wamid is stored"). A change is durable in the journal before the
 * operation resolves; memory follows only then, so nothing half-applied is ever seen.
 *
 * What a start reads is what a start needs: every conversation's meta (the summary, its message
 * count and its outbox of unsent messages) and the journal. Messages are read the first time
 * something asks for them, and only a bounded number of them stays in memory.
 */

export type MessageLocator = { id: string } | { waMessageId: string } | { clientId: string };

/** The summary after a message was added or changed; `latest`: the message is the conversation's newest. */
export type SummaryChange = (summary: ConversationSummary, message: Message, latest: boolean) => ConversationSummary;

export interface Appended {
  /** False when a message with the same wamid or clientId was already stored: nothing changed. */
  created: boolean;
  message: Message;
  conversation: ConversationSummary;
}

export interface MessageChanged {
  /** False when `change` left the message as it was: nothing was written. */
  changed: boolean;
  message: Message;
  conversation: ConversationSummary;
  /** The summary changed too (the message is the one the list shows). */
  summaryChanged: boolean;
}

export interface StoreOptions {
  logger: Logger;
  /** Messages kept in memory at most, besides those not yet written to their files. */
  cachedMessages?: number;
  /** The checkpoint writes the journal's changes into the files this often, or sooner when it grows. */
  checkpointEveryMs?: number;
  checkpointBytes?: number;
}

function keyOf(locator: MessageLocator): string {
  if ('id' in locator) return `id:${locator.id}`;
  if ('waMessageId' in locator) return `wa:${locator.waMessageId}`;
  return `client:${locator.clientId}`;
}

function keysOfMessage(message: Message): string[] {
  const keys = [keyOf({ id: message.id })];
  if (message.waMessageId !== null) keys.push(keyOf({ waMessageId: message.waMessageId }));
  if (message.clientId !== undefined) keys.push(keyOf({ clientId: message.clientId }));
  return keys;
}

/** The locator that makes a new message a repeat of a stored one: its wamid, or the sender's clientId. */
function dedupeKeyOf(message: NewMessage): string | null {
  if (message.waMessageId !== null) return keyOf({ waMessageId: message.waMessageId });
  if (message.clientId !== undefined) return keyOf({ clientId: message.clientId });
  return null;
}

function isUnsent(message: Message): boolean {
  return message.direction === 'out' && message.status === 'pending';
}

export class ConversationStore {
  private readonly metas = new Map<string, Meta>();
  private readonly byWaId = new Map<string, string>();
  private readonly chunks: ChunkCache;
  /** Per conversation: message id, wamid and clientId → seq. Built on first need, bounded like the chunks. */
  private readonly keys: LRUCache<string, Map<string, number>>;
  /** Messages the journal replayed whose chunk has not been read yet; merged in when it is. */
  private readonly replayed = new Map<string, Map<number, Message>>();
  private readonly loading = new Map<string, Promise<Message[]>>();
  private dirtyMetas = new Set<string>();
  private readonly queue = new KeyedQueue();
  private activity = 0;
  private checkpointing: Promise<void> | null = null;
  private readonly timer: NodeJS.Timeout;
  private closed = false;

  private constructor(
    private readonly files: ConversationFiles,
    private readonly journal: Journal,
    private readonly options: Required<Omit<StoreOptions, 'logger'>> & { logger: Logger },
  ) {
    this.chunks = new ChunkCache(options.cachedMessages);
    this.keys = new LRUCache({ maxSize: options.cachedMessages * 3, sizeCalculation: (map) => Math.max(1, map.size) });
    this.timer = setInterval(() => {
      if (this.hasChanges()) void this.checkpoint();
    }, options.checkpointEveryMs);
    this.timer.unref();
  }

  static async open(dataDir: string, options: StoreOptions): Promise<ConversationStore> {
    const files = new ConversationFiles(dataDir);
    await mkdir(files.root, { recursive: true });
    await rm(files.tmpDir, { recursive: true, force: true });
    await mkdir(files.tmpDir, { recursive: true });
    const { journal, replay } = await Journal.open(files.journalDir);
    const store = new ConversationStore(files, journal, {
      cachedMessages: 20_000,
      checkpointEveryMs: 2_000,
      checkpointBytes: 8 * 1024 * 1024,
      ...options,
    });
    store.readMetas();
    for (const segment of replay) {
      for (const [i, commit] of segment.commits.entries()) {
        const parsed = JournalCommitSchema.safeParse(commit);
        if (!parsed.success) throw new StorageCorruptError(segment.path, `commit ${i + 1} is not a known change`);
        for (const record of parsed.data) store.replay(record);
      }
    }
    return store;
  }

  /* ---------- reads: what is in memory ---------- */

  list(): ConversationSummary[] {
    return [...this.metas.values()].map((meta) => meta.summary);
  }

  get(id: string): ConversationSummary | undefined {
    return this.metas.get(id)?.summary;
  }

  findByWaId(waId: string): ConversationSummary | undefined {
    const id = this.byWaId.get(waId);
    return id === undefined ? undefined : this.get(id);
  }

  /** The customer's newest message id on WhatsApp (for the read receipt), without reading history. */
  lastInboundWaMessageId(id: string): string | null {
    return this.metas.get(id)?.lastInboundWaMessageId ?? null;
  }

  /** Outbound messages WhatsApp has not accepted yet, in every conversation (for a restart). */
  outbox(): Message[] {
    return [...this.metas.values()].flatMap((meta) => meta.outbox);
  }

  /** What the store holds in memory and how hard the journal works (tests, benchmark). */
  stats(): { conversations: number; cachedMessages: number; dirtyChunks: number; commits: number; flushes: number } {
    return {
      conversations: this.metas.size,
      cachedMessages: this.chunks.messageCount,
      dirtyChunks: this.chunks.dirtyCount,
      ...this.journal.stats,
    };
  }

  /* ---------- domain operations, each under its own lock ---------- */

  /** The conversation with this customer, created from `create()` when there is none yet. */
  ensureConversation(
    waId: string,
    create: () => Omit<ConversationSummary, 'activitySeq'>,
  ): Promise<ConversationSummary> {
    // Two first messages from one customer may race: creation is serialised per number.
    return this.queue.run(`contact:${waId}`, async () => {
      const existing = this.findByWaId(waId);
      if (existing) return existing;
      const summary: ConversationSummary = { ...create(), activitySeq: ++this.activity };
      const meta: Meta = { summary, messageCount: 0, lastInboundWaMessageId: null, outbox: [] };
      await this.commit([{ t: 'meta', id: summary.id, meta }]);
      this.applyMeta(meta);
      return summary;
    });
  }

  /**
   * Adds a message at the end of the conversation unless one with the same wamid (or clientId) is
   * already stored, in which case nothing changes and the stored one is returned.
   */
  appendMessage(id: string, draft: NewMessage, change: SummaryChange): Promise<Appended> {
    return this.queue.run(id, async () => {
      const meta = this.meta(id);
      const dedupe = dedupeKeyOf(draft);
      if (dedupe !== null) {
        const seq = (await this.keysOf(id)).get(dedupe);
        if (seq !== undefined)
          return { created: false, message: await this.messageAt(id, seq), conversation: meta.summary };
      }
      const message: Message = { ...draft, seq: meta.messageCount };
      const chunk = await this.chunk(id, chunkOf(message.seq));
      const next: Meta = {
        summary: { ...change(meta.summary, message, true), activitySeq: ++this.activity },
        messageCount: message.seq + 1,
        lastInboundWaMessageId:
          message.direction === 'in' && message.waMessageId !== null
            ? message.waMessageId
            : meta.lastInboundWaMessageId,
        outbox: isUnsent(message) ? [...meta.outbox, message] : meta.outbox,
      };
      await this.commit([
        { t: 'message', id, message },
        { t: 'meta', id, meta: next },
      ]);
      chunk[message.seq % CHUNK_SIZE] = message;
      this.chunks.markDirty(chunkKey(id, chunkOf(message.seq)), chunk);
      this.indexMessage(id, message);
      this.applyMeta(next);
      return { created: true, message, conversation: next.summary };
    });
  }

  /**
   * Changes one message (`change` returns null to leave it); `summary` may change the conversation
   * with it, in the same durable step. Undefined when there is no such message.
   */
  updateMessage(
    id: string,
    locator: MessageLocator,
    change: (message: Message) => Message | null,
    summary?: SummaryChange,
  ): Promise<MessageChanged | undefined> {
    return this.queue.run(id, async () => {
      const meta = this.meta(id);
      const seq = (await this.keysOf(id)).get(keyOf(locator));
      if (seq === undefined) return undefined;
      const chunk = await this.chunk(id, chunkOf(seq));
      const current = chunk[seq % CHUNK_SIZE];
      if (!current) return undefined;
      const message = change(current);
      if (!message) return { changed: false, message: current, conversation: meta.summary, summaryChanged: false };
      const latest = seq === meta.messageCount - 1;
      const nextSummary = summary ? summary(meta.summary, message, latest) : meta.summary;
      const inOutbox = meta.outbox.some((m) => m.id === message.id);
      const outbox = inOutbox
        ? isUnsent(message)
          ? meta.outbox.map((m) => (m.id === message.id ? message : m))
          : meta.outbox.filter((m) => m.id !== message.id)
        : meta.outbox;
      const metaChanged = nextSummary !== meta.summary || outbox !== meta.outbox;
      const next: Meta = { ...meta, summary: nextSummary, outbox };
      const records: JournalRecord[] = [{ t: 'message', id, message }];
      if (metaChanged) records.push({ t: 'meta', id, meta: next });
      await this.commit(records);
      chunk[seq % CHUNK_SIZE] = message;
      this.chunks.markDirty(chunkKey(id, chunkOf(seq)), chunk);
      this.indexMessage(id, message);
      if (metaChanged) this.applyMeta(next);
      return { changed: true, message, conversation: next.summary, summaryChanged: nextSummary !== meta.summary };
    });
  }

  /**
   * Changes the conversation's summary. `change` may throw to refuse (nothing is written), or
   * return the summary it was given to change nothing.
   */
  updateConversation(
    id: string,
    change: (summary: ConversationSummary) => ConversationSummary,
  ): Promise<{ before: ConversationSummary; after: ConversationSummary }> {
    return this.queue.run(id, async () => {
      const meta = this.meta(id);
      const after = change(meta.summary);
      if (after === meta.summary) return { before: meta.summary, after };
      const next: Meta = { ...meta, summary: after };
      await this.commit([{ t: 'meta', id, meta: next }]);
      this.applyMeta(next);
      return { before: meta.summary, after };
    });
  }

  /** Up to `limit` messages before the message `before` (or the newest), oldest first. */
  history(id: string, before: string | undefined, limit: number): Promise<MessagePage> {
    return this.queue.run(id, async () => {
      const meta = this.meta(id);
      let end = meta.messageCount;
      if (before !== undefined) {
        const seq = (await this.keysOf(id)).get(keyOf({ id: before }));
        if (seq === undefined) return { messages: [], hasMore: false };
        end = seq;
      }
      const start = Math.max(0, end - limit);
      const messages: Message[] = [];
      for (let n = chunkOf(start); start < end && n <= chunkOf(end - 1); n++) {
        const chunk = await this.chunk(id, n);
        const from = Math.max(start - n * CHUNK_SIZE, 0);
        const to = Math.min(end - n * CHUNK_SIZE, CHUNK_SIZE);
        messages.push(...chunk.slice(from, to));
      }
      return { messages, hasMore: start > 0 };
    });
  }

  /** Writes everything to the conversation files and closes the journal: the next start replays nothing. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.timer);
    await this.queue.idle();
    await this.checkpointing;
    if (this.hasChanges()) await this.checkpoint();
    await this.journal.close();
  }

  /* ---------- the checkpoint: journal → files ---------- */

  /** Writes every change since the last checkpoint into the conversation files, then drops those journal segments. */
  checkpoint(): Promise<void> {
    this.checkpointing ??= this.writeCheckpoint().finally(() => {
      this.checkpointing = null;
    });
    return this.checkpointing;
  }

  private hasChanges(): boolean {
    return this.dirtyMetas.size > 0 || this.chunks.dirtyCount > 0 || this.replayed.size > 0;
  }

  private async writeCheckpoint(): Promise<void> {
    if (!this.hasChanges()) return;
    // Replayed messages are merged into their chunks first, so the chunks written are whole.
    for (const key of [...this.replayed.keys()]) {
      const [id, n] = [key.slice(0, key.lastIndexOf('/')), Number(key.slice(key.lastIndexOf('/') + 1))];
      await this.queue.run(id, () => this.chunk(id, n));
    }
    let sealed: string[];
    try {
      sealed = await this.journal.rotate();
    } catch (error) {
      this.options.logger.error({ err: error }, 'checkpoint failed: the journal keeps the changes');
      return;
    }
    const metaIds = this.dirtyMetas;
    this.dirtyMetas = new Set();
    const chunks = this.chunks.takeDirty();
    try {
      const staged: StagedFile[] = [];
      const owners = new Set([...metaIds, ...[...chunks.keys()].map((key) => key.slice(0, key.lastIndexOf('/')))]);
      for (const id of owners) await mkdir(this.files.dir(id), { recursive: true });
      for (const [key, messages] of chunks) {
        const slash = key.lastIndexOf('/');
        const file = this.files.chunk(key.slice(0, slash), Number(key.slice(slash + 1)));
        staged.push(await file.stage({ messages }));
      }
      for (const id of metaIds) {
        const meta = this.metas.get(id);
        if (meta) staged.push(await this.files.meta(id).stage(meta));
      }
      await publish(staged);
    } catch (error) {
      for (const id of metaIds) this.dirtyMetas.add(id);
      this.chunks.settle(chunks, false);
      this.options.logger.error({ err: error }, 'checkpoint failed: the journal keeps the changes');
      return;
    }
    this.chunks.settle(chunks, true);
    await this.journal.drop(sealed);
  }

  /* ---------- internals ---------- */

  private async commit(records: JournalRecord[]): Promise<void> {
    if (this.closed) throw new Error('The store is closed');
    await this.journal.commit(records);
    if (this.journal.bytes > this.options.checkpointBytes) void this.checkpoint();
  }

  private meta(id: string): Meta {
    const meta = this.metas.get(id);
    if (!meta) throw new Error(`No conversation ${id}`);
    return meta;
  }

  private applyMeta(meta: Meta): void {
    const id = meta.summary.id;
    const previous = this.metas.get(id);
    if (previous && previous.summary.contact.waId !== meta.summary.contact.waId) {
      this.byWaId.delete(previous.summary.contact.waId);
    }
    this.metas.set(id, meta);
    this.byWaId.set(meta.summary.contact.waId, id);
    this.activity = Math.max(this.activity, meta.summary.activitySeq);
    this.dirtyMetas.add(id);
  }

  /** Every meta, read at start (blocking: nothing else can run yet, and it is many small files). */
  private readMetas(): void {
    if (!existsSync(this.files.root)) return;
    for (const entry of readdirSync(this.files.root, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const meta = this.files.meta(entry.name).readSync();
      // A folder with no meta yet: the journal holds that conversation, or its creation never finished.
      if (meta === null) continue;
      this.metas.set(meta.summary.id, meta);
      this.byWaId.set(meta.summary.contact.waId, meta.summary.id);
      this.activity = Math.max(this.activity, meta.summary.activitySeq);
    }
  }

  private replay(record: JournalRecord): void {
    if (record.t === 'meta') {
      this.applyMeta(record.meta);
      return;
    }
    const key = chunkKey(record.id, chunkOf(record.message.seq));
    const pending = this.replayed.get(key) ?? new Map<number, Message>();
    pending.set(record.message.seq, record.message);
    this.replayed.set(key, pending);
  }

  /** A chunk's messages, from memory or read from its file (with any replayed changes merged in). */
  private async chunk(id: string, n: number): Promise<Message[]> {
    const key = chunkKey(id, n);
    const cached = this.chunks.get(key);
    if (cached) return cached;
    let loading = this.loading.get(key);
    if (!loading) {
      loading = this.readChunk(id, n).finally(() => this.loading.delete(key));
      this.loading.set(key, loading);
    }
    return loading;
  }

  private async readChunk(id: string, n: number): Promise<Message[]> {
    const key = chunkKey(id, n);
    const file = this.files.chunk(id, n);
    const messages = (await file.read())?.messages ?? [];
    const already = this.chunks.get(key);
    if (already) return already;
    messages.forEach((message, i) => {
      if (message.seq !== n * CHUNK_SIZE + i) throw new StorageCorruptError(file.path, `message ${i} is out of place`);
    });
    const pending = this.replayed.get(key);
    if (pending) {
      for (const [seq, message] of pending) messages[seq % CHUNK_SIZE] = message;
      this.replayed.delete(key);
      this.chunks.markDirty(key, messages);
    } else {
      this.chunks.addClean(key, messages);
    }
    return messages;
  }

  private async messageAt(id: string, seq: number): Promise<Message> {
    const message = (await this.chunk(id, chunkOf(seq)))[seq % CHUNK_SIZE];
    if (!message) throw new Error(`Conversation ${id} has no message ${seq}`);
    return message;
  }

  /** The conversation's lookup table; the first use reads its whole history once. */
  private async keysOf(id: string): Promise<Map<string, number>> {
    const cached = this.keys.get(id);
    if (cached) return cached;
    const keys = new Map<string, number>();
    const count = this.meta(id).messageCount;
    for (let n = 0; n * CHUNK_SIZE < count; n++) {
      for (const message of await this.chunk(id, n)) {
        for (const key of keysOfMessage(message)) keys.set(key, message.seq);
      }
    }
    this.keys.set(id, keys);
    return keys;
  }

  private indexMessage(id: string, message: Message): void {
    const keys = this.keys.get(id);
    if (!keys) return;
    for (const key of keysOfMessage(message)) keys.set(key, message.seq);
    // The cache weighs a table by its size when it is set: set again so it is weighed anew.
    this.keys.set(id, keys);
  }
}
