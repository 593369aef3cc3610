import { existsSync, readdirSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import type { Logger } from 'pino';
import { LRUCache } from 'lru-cache';
import type { Contact, ConversationSummary } from '../../shared/domain/conversation.js';
import type { Message, NewMessage } from '../../shared/domain/message.js';
import type { MessagePage } from '../../shared/protocol/messages.js';
import { ChunkCache, chunkKey, type ChunkMessages } from './chunk-cache.js';
import {
  CHUNK_SIZE,
  chunkOf,
  ConversationFiles,
  JournalCommitSchema,
  type JournalRecord,
  type Meta,
} from './conversation-files.js';
import { publish, StorageCorruptError, type StagedFile } from './durable-json-file.js';
import { AppError } from '../kit/app-error.js';
import { noDiskFaults, type DiskFaults } from './disk-faults.js';
import { Journal } from './journal.js';
import { Quarantine } from './quarantine.js';
import { KeyedQueue } from './keyed-queue.js';

/*
 * The conversations and their messages, behind domain operations that hold their own locks
 * ("append this message unless its wamid is stored"). Everything one transaction changes, across
 * any number of conversations, is one line of the journal: durable before the transaction resolves,
 * applied whole or not at all. Memory follows only once it is durable.
 *
 * What a start reads is what a start needs: every conversation's meta (its summary, message count
 * and outbox of unsent messages) and the journal. Messages are read the first time something asks
 * for them, and only a bounded number of them stays in memory.
 */

export type MessageLocator = { id: string } | { waMessageId: string } | { clientId: string };

/** The summary after a message was added or changed; `latest`: the message is the conversation's newest. */
export type SummaryChange = (summary: ConversationSummary, message: Message, latest: boolean) => ConversationSummary;

/** Who a customer is to WhatsApp: a phone number, a business-scoped user id, or both. */
export type ContactIdentity = Pick<Contact, 'waId' | 'userId'>;

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

/** The operations of one transaction; it may touch only the conversations it locked. */
export interface StoreTransaction {
  get(id: string): ConversationSummary;
  /**
   * Adds a message at the end of the conversation unless one with the same wamid (or clientId) is
   * stored, in which case nothing changes and the stored one is returned. `activity: false` keeps
   * the conversation's place in the list (a system line).
   */
  appendMessage(
    id: string,
    draft: NewMessage,
    change: SummaryChange,
    options?: { activity?: boolean },
  ): Promise<Appended>;
  /** Changes one message (`change` returns null to leave it); undefined when there is no such message. */
  updateMessage(
    id: string,
    locator: MessageLocator,
    change: (message: Message) => Message | null,
    summary?: SummaryChange,
  ): Promise<MessageChanged | undefined>;
  /**
   * The agent has read every customer message so far. `receipt`: the customer's newest message
   * id when WhatsApp has not had a read receipt for it yet (it is noted as sent).
   */
  markRead(id: string, agentId: string): { changed: boolean; receipt: string | null };
  /** Changes the summary; `change` may throw to refuse (the whole transaction then changes nothing). */
  updateConversation(
    id: string,
    change: (summary: ConversationSummary) => ConversationSummary,
  ): { before: ConversationSummary; after: ConversationSummary };
  /** Runs once the transaction is durable and applied (announce what happened from here). */
  afterCommit(task: () => void): void;
}

/** Whether the disk takes writes: `failing` after a write was refused, until one succeeds again. */
export type WriteState = 'ok' | 'failing';

export interface StoreOptions {
  logger: Logger;
  /** Where files that cannot be read are set aside (the relay starts with the rest); one of its own by default. */
  quarantine?: Quarantine;
  faults?: DiskFaults;
  /** Told when writes start failing, and when they succeed again. */
  onWriteState?: (state: WriteState) => void;
  /** Messages kept in memory at most, besides those not yet written to their files. */
  cachedMessages?: number;
  /** The checkpoint writes the journal's changes into the files this often, or sooner when it grows. */
  checkpointEveryMs?: number;
  checkpointBytes?: number;
}

interface TransactionState {
  locked: ReadonlySet<string>;
  metas: Map<string, Meta>;
  /** Messages written, by conversation, by seq. */
  messages: Map<string, Map<number, Message>>;
  keys: Map<string, Map<string, number>>;
  /** The chunks the transaction writes into, held from reading them until applying. */
  chunks: Map<string, ChunkMessages>;
  records: JournalRecord[];
  after: (() => void)[];
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

/** How often a write is tried again while the disk refuses them. */
const PROBE_EVERY_MS = 2_000;

const isUnsent = (message: Message): boolean => message.direction === 'out' && message.status === 'pending';

/** A customer's own message: what unread counts count (not system lines, not notes). */
const isFromCustomer = (message: Message): boolean => message.direction === 'in' && message.type !== 'system';

const inboundOf = (meta: Meta): number => meta.inboundCount ?? meta.summary.unreadCount;

function unreadOf(meta: Meta, agentId: string): number {
  return Math.max(0, inboundOf(meta) - (meta.readBy?.[agentId] ?? 0));
}

export class ConversationStore {
  private readonly metas = new Map<string, Meta>();
  private readonly byWaId = new Map<string, string>();
  private readonly byUserId = new Map<string, string>();
  /** Conversations of customers met in a transaction not yet committed: created by their first change. */
  private readonly reserved = new Map<string, Meta>();
  private readonly chunks: ChunkCache;
  /** Per conversation: message id, wamid and clientId → seq. Built on first need, bounded like the chunks. */
  private readonly keys: LRUCache<string, Map<string, number>>;
  /** Messages the journal replayed whose chunk has not been read yet; merged in when it is. */
  private readonly replayed = new Map<string, Map<number, Message>>();
  private readonly loading = new Map<string, Promise<ChunkMessages>>();
  private dirtyMetas = new Set<string>();
  private readonly queue = new KeyedQueue();
  private activity = 0;
  private checkpointing: Promise<void> | null = null;
  private readonly timer: NodeJS.Timeout;
  private closed = false;
  private writeState: WriteState = 'ok';
  private probe: NodeJS.Timeout | null = null;

  private constructor(
    private readonly files: ConversationFiles,
    private readonly journal: Journal,
    private readonly options: Required<Omit<StoreOptions, 'onWriteState'>> & Pick<StoreOptions, 'onWriteState'>,
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
    const faults = options.faults ?? noDiskFaults;
    const quarantine = options.quarantine ?? new Quarantine(dataDir, options.logger);
    const { journal, replay } = await Journal.open(files.journalDir, faults);
    const store = new ConversationStore(files, journal, {
      cachedMessages: 20_000,
      checkpointEveryMs: 2_000,
      checkpointBytes: 8 * 1024 * 1024,
      faults,
      ...options,
      quarantine,
    });
    for (const [path, reason] of store.readMetas()) await quarantine.moveAside(path, reason);
    for (const segment of replay) {
      const damaged = [...segment.damaged];
      for (const [i, commit] of segment.commits.entries()) {
        const parsed = JournalCommitSchema.safeParse(commit);
        if (!parsed.success) {
          damaged.push(i + 1);
          continue;
        }
        for (const record of parsed.data) store.replay(record);
      }
      if (damaged.length > 0) {
        // A copy: the segment itself goes once the checkpoint has written what it holds.
        const reason = `journal entries ${damaged.join(', ')} are damaged or unknown; the others were applied`;
        await quarantine.moveAside(segment.path, reason, { copy: true });
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

  /** The customer's conversation: by business-scoped user id first, by phone number second. */
  find(identity: ContactIdentity): ConversationSummary | undefined {
    const id =
      (identity.userId === null ? undefined : this.byUserId.get(identity.userId)) ??
      (identity.waId === null ? undefined : this.byWaId.get(identity.waId));
    return id === undefined ? undefined : this.get(id);
  }

  /** How many customer messages the agent has not read in this conversation. */
  unreadFor(id: string, agentId: string): number {
    const meta = this.metas.get(id);
    return meta ? unreadOf(meta, agentId) : 0;
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

  /* ---------- transactions ---------- */

  /**
   * The id of this customer's conversation, or of the one their first message will create: the same
   * id for everyone who asks before it exists (two first messages racing end in one conversation).
   */
  resolveConversation(identity: ContactIdentity, create: () => Omit<ConversationSummary, 'activitySeq'>): string {
    const existing = this.find(identity);
    if (existing) return existing.id;
    for (const meta of this.reserved.values()) {
      const { waId, userId } = meta.summary.contact;
      if (
        (identity.userId !== null && userId === identity.userId) ||
        (identity.waId !== null && waId === identity.waId)
      )
        return meta.summary.id;
    }
    const summary: ConversationSummary = { ...create(), activitySeq: 0 };
    this.reserved.set(summary.id, { summary, messageCount: 0, lastInboundWaMessageId: null, outbox: [] });
    return summary.id;
  }

  /**
   * Runs `work` alone on the conversations `ids`; what it changes is committed as one journal line
   * once it returns, then applied. If `work` throws, or the write fails, nothing changes.
   */
  transaction<T>(ids: readonly string[], work: (tx: StoreTransaction) => Promise<T>): Promise<T> {
    const locked = [...new Set(ids)].sort();
    const run = async (): Promise<T> => {
      const state: TransactionState = {
        locked: new Set(locked),
        metas: new Map(),
        messages: new Map(),
        keys: new Map(),
        chunks: new Map(),
        records: [],
        after: [],
      };
      const result = await work(this.transactionOf(state));
      if (state.records.length > 0) {
        await this.commit(state.records);
        this.apply(state);
      }
      for (const task of state.after) task();
      return result;
    };
    // Locks are taken in one order (sorted ids), so two transactions never wait for each other.
    const nested = locked.reduceRight<() => Promise<T>>((inner, id) => () => this.queue.run(id, inner), run);
    return nested();
  }

  appendMessage(id: string, draft: NewMessage, change: SummaryChange): Promise<Appended> {
    return this.transaction([id], (tx) => tx.appendMessage(id, draft, change));
  }

  updateMessage(
    id: string,
    locator: MessageLocator,
    change: (message: Message) => Message | null,
    summary?: SummaryChange,
  ): Promise<MessageChanged | undefined> {
    return this.transaction([id], (tx) => tx.updateMessage(id, locator, change, summary));
  }

  updateConversation(
    id: string,
    change: (summary: ConversationSummary) => ConversationSummary,
  ): Promise<{ before: ConversationSummary; after: ConversationSummary }> {
    return this.transaction([id], (tx) => Promise.resolve(tx.updateConversation(id, change)));
  }

  /** Up to `limit` messages before the message `before` (or the newest), oldest first. */
  history(id: string, before: string | undefined, limit: number): Promise<MessagePage> {
    return this.queue.run(id, async () => {
      const meta = this.meta(id);
      let end = meta.messageCount;
      if (before !== undefined) {
        const seq = (await this.keysOf(id, meta.messageCount)).get(keyOf({ id: before }));
        if (seq === undefined) return { messages: [], hasMore: false };
        end = seq;
      }
      const start = Math.max(0, end - limit);
      const messages: Message[] = [];
      for (let n = chunkOf(start); start < end && n <= chunkOf(end - 1); n++) {
        const chunk = await this.chunk(id, n);
        const from = Math.max(start - n * CHUNK_SIZE, 0);
        const to = Math.min(end - n * CHUNK_SIZE, CHUNK_SIZE);
        for (const message of chunk.slice(from, to)) if (message) messages.push(message);
      }
      return { messages, hasMore: start > 0 };
    });
  }

  /** Writes everything to the conversation files and closes the journal: the next start replays nothing. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.timer);
    if (this.probe) clearInterval(this.probe);
    await this.queue.idle();
    await this.checkpointing;
    if (this.hasChanges()) await this.checkpoint();
    await this.journal.close();
  }

  /* ---------- the operations of a transaction ---------- */

  private transactionOf(state: TransactionState): StoreTransaction {
    const metaOf = (id: string): Meta => {
      if (!state.locked.has(id)) throw new Error(`Conversation ${id} is not part of this transaction`);
      const meta = state.metas.get(id) ?? this.metas.get(id) ?? this.reserved.get(id);
      if (!meta) throw new Error(`No conversation ${id}`);
      return meta;
    };
    const seqOf = async (id: string, key: string): Promise<number | undefined> =>
      state.keys.get(id)?.get(key) ?? (await this.keysOf(id, this.metas.get(id)?.messageCount ?? 0)).get(key);
    const hold = async (id: string, seq: number): Promise<void> => {
      state.chunks.set(chunkKey(id, chunkOf(seq)), await this.chunk(id, chunkOf(seq)));
    };
    const messageAt = async (id: string, seq: number): Promise<Message | undefined> =>
      state.messages.get(id)?.get(seq) ?? (await this.chunk(id, chunkOf(seq)))[seq % CHUNK_SIZE];
    const write = (id: string, meta: Meta | null, message: Message | null): void => {
      if (message) {
        const messages = state.messages.get(id) ?? new Map<number, Message>();
        messages.set(message.seq, message);
        state.messages.set(id, messages);
        const keys = state.keys.get(id) ?? new Map<string, number>();
        for (const key of keysOfMessage(message)) keys.set(key, message.seq);
        state.keys.set(id, keys);
        state.records.push({ t: 'message', id, message });
      }
      if (meta) {
        state.metas.set(id, meta);
        state.records.push({ t: 'meta', id, meta });
      }
    };

    return {
      get: (id) => metaOf(id).summary,
      appendMessage: async (id, draft, change, options = {}) => {
        const meta = metaOf(id);
        const dedupe = dedupeKeyOf(draft);
        if (dedupe !== null) {
          const seq = await seqOf(id, dedupe);
          const stored = seq === undefined ? undefined : await messageAt(id, seq);
          if (stored) return { created: false, message: stored, conversation: meta.summary };
        }
        const message: Message = { ...draft, seq: meta.messageCount };
        // Read the chunk now, so applying the transaction later needs no I/O.
        await hold(id, message.seq);
        const summary = change(meta.summary, message, true);
        const activitySeq =
          options.activity === false && meta.summary.activitySeq > 0 ? summary.activitySeq : ++this.activity;
        const next: Meta = {
          summary: { ...summary, activitySeq },
          messageCount: message.seq + 1,
          lastInboundWaMessageId:
            message.direction === 'in' && message.waMessageId !== null && message.type !== 'system'
              ? message.waMessageId
              : meta.lastInboundWaMessageId,
          outbox: isUnsent(message) ? [...meta.outbox, message] : meta.outbox,
          inboundCount: inboundOf(meta) + (isFromCustomer(message) ? 1 : 0),
          ...(meta.readBy ? { readBy: meta.readBy } : {}),
          ...(meta.receiptFor !== undefined ? { receiptFor: meta.receiptFor } : {}),
        };
        write(id, next, message);
        return { created: true, message, conversation: next.summary };
      },
      updateMessage: async (id, locator, change, summary) => {
        const meta = metaOf(id);
        const seq = await seqOf(id, keyOf(locator));
        const current = seq === undefined ? undefined : await messageAt(id, seq);
        if (seq === undefined || !current) return undefined;
        const message = change(current);
        if (!message) return { changed: false, message: current, conversation: meta.summary, summaryChanged: false };
        await hold(id, seq);
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
        write(id, metaChanged ? next : null, message);
        return { changed: true, message, conversation: next.summary, summaryChanged: nextSummary !== meta.summary };
      },
      markRead: (id, agentId) => {
        const meta = metaOf(id);
        const inbound = inboundOf(meta);
        const wamid = meta.lastInboundWaMessageId;
        const receipt = wamid !== null && wamid !== meta.receiptFor ? wamid : null;
        if (meta.readBy?.[agentId] === inbound && receipt === null) return { changed: false, receipt: null };
        const next: Meta = {
          ...meta,
          inboundCount: inbound,
          readBy: { ...meta.readBy, [agentId]: inbound },
          ...(receipt === null ? {} : { receiptFor: receipt }),
        };
        write(id, next, null);
        return { changed: true, receipt };
      },
      updateConversation: (id, change) => {
        const meta = metaOf(id);
        const after = change(meta.summary);
        if (after !== meta.summary) write(id, { ...meta, summary: after }, null);
        return { before: meta.summary, after };
      },
      afterCommit: (task) => {
        state.after.push(task);
      },
    };
  }

  /** A committed transaction, into memory: messages into their chunks, metas in place, indexes. */
  private apply(state: TransactionState): void {
    for (const [id, messages] of state.messages) {
      for (const message of messages.values()) {
        const key = chunkKey(id, chunkOf(message.seq));
        // The transaction held this chunk since it read it (under the lock nobody else reloads it).
        const chunk = this.chunks.get(key) ?? state.chunks.get(key) ?? [];
        chunk[message.seq % CHUNK_SIZE] = message;
        this.chunks.markDirty(key, chunk);
        this.indexMessage(id, message);
      }
    }
    for (const meta of state.metas.values()) this.applyMeta(meta);
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
      const slash = key.lastIndexOf('/');
      const id = key.slice(0, slash);
      await this.queue.run(id, () => this.chunk(id, Number(key.slice(slash + 1))));
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
        this.options.faults.beforeWrite('checkpoint');
        staged.push(await file.stage({ messages: Array.from(messages, (m) => m ?? null) }));
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
    try {
      await this.journal.commit(records);
    } catch (error) {
      this.options.logger.error({ err: error }, 'the journal refused a write: nothing of it was stored');
      this.setWriteState('failing');
      throw new AppError('UNAVAILABLE', 'The relay cannot write to its disk right now; nothing was stored, try again');
    }
    this.setWriteState('ok');
    if (this.journal.bytes > this.options.checkpointBytes) void this.checkpoint();
  }

  /** While writes fail, an empty commit is tried every few seconds: the relay recovers by itself. */
  private setWriteState(state: WriteState): void {
    if (state === this.writeState) return;
    this.writeState = state;
    this.options.onWriteState?.(state);
    if (state === 'ok') {
      if (this.probe) clearInterval(this.probe);
      this.probe = null;
      return;
    }
    this.probe = setInterval(() => {
      void this.journal.commit([]).then(
        () => {
          this.setWriteState('ok');
        },
        () => undefined,
      );
    }, PROBE_EVERY_MS);
    this.probe.unref();
  }

  private meta(id: string): Meta {
    const meta = this.metas.get(id);
    if (!meta) throw new Error(`No conversation ${id}`);
    return meta;
  }

  private applyMeta(meta: Meta): void {
    const id = meta.summary.id;
    const previous = this.metas.get(id)?.summary.contact;
    const { waId, userId } = meta.summary.contact;
    if (previous?.waId != null && previous.waId !== waId && this.byWaId.get(previous.waId) === id)
      this.byWaId.delete(previous.waId);
    if (previous?.userId != null && previous.userId !== userId && this.byUserId.get(previous.userId) === id)
      this.byUserId.delete(previous.userId);
    this.reserved.delete(id);
    this.metas.set(id, meta);
    if (waId !== null) this.byWaId.set(waId, id);
    if (userId !== null) this.byUserId.set(userId, id);
    this.activity = Math.max(this.activity, meta.summary.activitySeq);
    this.dirtyMetas.add(id);
  }

  /**
   * Every meta, read at start (blocking: nothing else can run yet, and it is many small files).
   * Returns the ones that could not be read, with why, for the quarantine.
   */
  private readMetas(): [string, string][] {
    const unreadable: [string, string][] = [];
    if (!existsSync(this.files.root)) return unreadable;
    for (const entry of readdirSync(this.files.root, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const file = this.files.meta(entry.name);
      let meta: Meta | null;
      try {
        meta = file.readSync();
      } catch (error) {
        if (!(error instanceof StorageCorruptError)) throw error;
        unreadable.push([file.path, error.message]);
        continue;
      }
      // A folder with no meta yet: the journal holds that conversation, or its creation never finished.
      if (meta === null) continue;
      this.applyMeta(meta);
      this.dirtyMetas.delete(meta.summary.id);
    }
    return unreadable;
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
  private async chunk(id: string, n: number): Promise<ChunkMessages> {
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

  private async readChunk(id: string, n: number): Promise<ChunkMessages> {
    const key = chunkKey(id, n);
    const file = this.files.chunk(id, n);
    let messages: ChunkMessages;
    try {
      messages = ((await file.read())?.messages ?? []).map((m) => m ?? undefined);
      messages.forEach((message, i) => {
        if (message && message.seq !== n * CHUNK_SIZE + i)
          throw new StorageCorruptError(file.path, `message ${i} is out of place`);
      });
    } catch (error) {
      if (!(error instanceof StorageCorruptError)) throw error;
      // The messages of a damaged chunk are lost from view; the conversation and the rest remain.
      await this.options.quarantine.moveAside(file.path, error.message);
      messages = [];
    }
    const already = this.chunks.get(key);
    if (already) return already;
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

  /** The conversation's lookup table over its first `count` messages; the first use reads them all once. */
  private async keysOf(id: string, count: number): Promise<Map<string, number>> {
    const cached = this.keys.get(id);
    if (cached) return cached;
    const keys = new Map<string, number>();
    for (let n = 0; n * CHUNK_SIZE < count; n++) {
      for (const message of await this.chunk(id, n)) {
        if (message) for (const key of keysOfMessage(message)) keys.set(key, message.seq);
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
