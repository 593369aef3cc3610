import { appendFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConversationSummary } from '../../shared/domain/conversation.js';
import type { Message, NewMessage } from '../../shared/domain/message.js';
import { CHUNK_SIZE } from './conversation-files.js';
import { ConversationStore, type SummaryChange } from './conversation-store.js';
import { migrateDataDir } from './data-format.js';
import { Quarantine } from './quarantine.js';

const logger = pino({ level: 'silent' });
const at = '2026-11-24T10:00:00.000Z';

const newConversation = (id: string, waId: string): Omit<ConversationSummary, 'activitySeq'> => ({
  id,
  contact: { waId, userId: null, username: null, name: `Customer ${waId}` },
  status: 'open',
  snoozedUntil: null,
  labels: [],
  waitingSince: null,
  assigneeId: null,
  createdAt: at,
  lastMessageAt: null,
  lastMessage: null,
  unreadCount: 0,
  lastInboundAt: null,
});

const inbound = (conversationId: string, n: number): NewMessage => ({
  id: `${conversationId}-m${n}`,
  conversationId,
  direction: 'in',
  type: 'text',
  text: `message ${n}`,
  status: 'received',
  waMessageId: `wamid.${conversationId}.${n}`,
  authorId: null,
  createdAt: at,
  updatedAt: at,
});

const outbound = (conversationId: string, clientId: string): NewMessage => ({
  ...inbound(conversationId, 0),
  id: `${conversationId}-out-${clientId}`,
  direction: 'out',
  status: 'pending',
  waMessageId: null,
  authorId: 'agent-1',
  clientId,
});

const bump: SummaryChange = (c) => ({ ...c, unreadCount: c.unreadCount + 1 });

describe('ConversationStore (real files)', () => {
  let dir: string;
  const open = () => ConversationStore.open(dir, { logger, checkpointEveryMs: 60_000 });
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'toonbank-store-'));
    await migrateDataDir(dir, logger);
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('rolls messages over into chunks and pages them back after a clean restart', async () => {
    const store = await open();
    store.resolveConversation({ waId: '32470123456', userId: null }, () => newConversation('c1', '32470123456'));
    const total = CHUNK_SIZE * 2 + 5;
    for (let n = 0; n < total; n++) await store.appendMessage('c1', inbound('c1', n), bump);
    await store.close();
    expect((await readdir(join(dir, 'conversations', 'c1'))).sort()).toEqual([
      'messages-0000.json',
      'messages-0001.json',
      'messages-0002.json',
      'meta.json',
    ]);

    const reopened = await open();
    expect(reopened.get('c1')?.unreadCount).toBe(total);
    expect(reopened.find({ waId: '32470123456', userId: null })?.id).toBe('c1');
    const newest = await reopened.history('c1', undefined, 10);
    expect(newest.messages.map((m) => m.seq)).toEqual(Array.from({ length: 10 }, (_, i) => total - 10 + i));
    expect(newest.hasMore).toBe(true);
    // Paging backwards across a chunk boundary.
    const older = await reopened.history('c1', `c1-m${CHUNK_SIZE + 3}`, 6);
    expect(older.messages.map((m) => m.seq)).toEqual([-3, -2, -1, 0, 1, 2].map((d) => CHUNK_SIZE + d));
    const first = await reopened.history('c1', 'c1-m4', 100);
    expect(first.messages.map((m) => m.text)).toEqual(['message 0', 'message 1', 'message 2', 'message 3']);
    expect(first.hasMore).toBe(false);
    await reopened.close();
  });

  it('stores a wamid or a clientId once, also when the same message arrives many times at once', async () => {
    const store = await open();
    store.resolveConversation({ waId: '32470000001', userId: null }, () => newConversation('c1', '32470000001'));
    const results = await Promise.all(
      Array.from({ length: 5 }, () => store.appendMessage('c1', inbound('c1', 7), bump)),
    );
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.message.id)).size).toBe(1);
    const again = await store.appendMessage('c1', outbound('c1', 'client-1'), bump);
    const repeat = await store.appendMessage('c1', { ...outbound('c1', 'client-1'), id: 'other-id' }, bump);
    expect(repeat).toMatchObject({ created: false, message: { id: again.message.id } });
    expect(store.get('c1')?.unreadCount).toBe(2);
    await store.close();
  });

  it('keeps what was acknowledged when the relay dies before any checkpoint, and ignores a torn last write', async () => {
    const first = await open();
    first.resolveConversation({ waId: '32470000002', userId: null }, () => newConversation('c2', '32470000002'));
    for (let n = 0; n < 3; n++) await first.appendMessage('c2', inbound('c2', n), bump);
    // No close: as after kill -9, only the journal holds the changes.
    const segments = (await readdir(join(dir, 'journal'))).sort();
    await appendFile(join(dir, 'journal', segments.at(-1) ?? ''), '0123456789abcdef {"half":');

    const reopened = await open();
    expect((await reopened.history('c2', undefined, 10)).messages.map((m) => m.text)).toEqual([
      'message 0',
      'message 1',
      'message 2',
    ]);
    await reopened.appendMessage('c2', inbound('c2', 3), bump);
    await reopened.close();
    const again = await open();
    expect(again.get('c2')?.unreadCount).toBe(4);
    await again.close();
  });

  it('skips a journal line damaged before its end, applies the rest and sets a copy aside', async () => {
    const store = await open();
    store.resolveConversation({ waId: '32470000003', userId: null }, () => newConversation('c3', '32470000003'));
    await store.appendMessage('c3', inbound('c3', 0), bump);
    await store.appendMessage('c3', inbound('c3', 1), bump);
    const segment = join(dir, 'journal', (await readdir(join(dir, 'journal'))).sort().at(-1) ?? '');
    const text = await readFile(segment, 'utf8');
    await writeFile(segment, text.replace('message 0', 'message X'));
    const quarantine = new Quarantine(dir, logger);
    const reopened = await ConversationStore.open(dir, { logger, quarantine, checkpointEveryMs: 60_000 });
    // The second commit holds the whole meta and message 1: it still applies.
    expect(reopened.get('c3')?.unreadCount).toBe(2);
    expect((await reopened.history('c3', undefined, 10)).messages.map((m) => m.text)).toEqual(['message 1']);
    expect(quarantine.list()).toMatchObject([{ file: `journal/${basename(segment)}` }]);
    await reopened.close();
  });

  it('reads no message chunk at start: history is read when it is first asked for', async () => {
    const store = await open();
    for (let c = 0; c < 20; c++) {
      const id = `c${c}`;
      const waId = `3247100${String(c).padStart(4, '0')}`;
      store.resolveConversation({ waId, userId: null }, () => newConversation(id, waId));
      for (let n = 0; n < 30; n++) await store.appendMessage(id, inbound(id, n), bump);
    }
    await store.close();
    // Every chunk file is damaged: a start that read any of them would fail.
    for (let c = 0; c < 20; c++) await writeFile(join(dir, 'conversations', `c${c}`, 'messages-0000.json'), '{');
    const quarantine = new Quarantine(dir, logger);
    const reopened = await ConversationStore.open(dir, { logger, quarantine });
    expect(reopened.list()).toHaveLength(20);
    expect(reopened.stats().cachedMessages).toBe(0);
    expect(quarantine.list()).toEqual([]);
    // The first read of a damaged chunk sets it aside; its conversation stays, its messages are gone.
    expect((await reopened.history('c4', undefined, 10)).messages).toEqual([]);
    expect(quarantine.list()).toMatchObject([{ file: 'conversations/c4/messages-0000.json' }]);
    await reopened.close();
  });

  it('keeps a bounded number of messages in memory, however much history is read', async () => {
    const small = await ConversationStore.open(dir, { logger, cachedMessages: 250, checkpointEveryMs: 60_000 });
    for (let c = 0; c < 10; c++) {
      const id = `c${c}`;
      small.resolveConversation({ waId: `3247200000${c}`, userId: null }, () => newConversation(id, `3247200000${c}`));
      for (let n = 0; n < 120; n++) await small.appendMessage(id, inbound(id, n), bump);
    }
    await small.checkpoint();
    for (let c = 0; c < 10; c++) await small.history(`c${c}`, `c${c}-m5`, 5);
    expect(small.stats().cachedMessages).toBeLessThanOrEqual(250);
    expect(small.stats().dirtyChunks).toBe(0);
    await small.close();
  });

  it('writes the journal into the files at a checkpoint and drops the old segments', async () => {
    const store = await open();
    store.resolveConversation({ waId: '32470000004', userId: null }, () => newConversation('c4', '32470000004'));
    await store.appendMessage('c4', inbound('c4', 0), bump);
    await store.checkpoint();
    const meta = JSON.parse(await readFile(join(dir, 'conversations', 'c4', 'meta.json'), 'utf8')) as {
      messageCount: number;
    };
    expect(meta.messageCount).toBe(1);
    expect(await readdir(join(dir, 'journal'))).toHaveLength(1);
    await store.close();
    // The files alone are the whole truth now.
    await rm(join(dir, 'journal'), { recursive: true });
    const reopened = await open();
    expect((await reopened.history('c4', undefined, 5)).messages.map((m) => m.text)).toEqual(['message 0']);
    await reopened.close();
  });

  it('group-commits concurrent writers: far fewer fsyncs than commits', async () => {
    const store = await open();
    const ids = [...Array(32).keys()].map((i) => `g${i}`);
    ids.forEach((id, i) => {
      const waId = `3247300${String(i).padStart(4, '0')}`;
      store.resolveConversation({ waId, userId: null }, () => newConversation(id, waId));
    });
    const before = store.stats();
    await Promise.all(ids.map((id) => store.appendMessage(id, inbound(id, 0), bump)));
    const after = store.stats();
    expect(after.commits - before.commits).toBe(32);
    expect(after.flushes - before.flushes).toBeLessThan(8);
    await store.close();
  });

  it('keeps the outbox of unsent messages in the meta, and updates a message in place', async () => {
    const store = await open();
    store.resolveConversation({ waId: '32470000005', userId: null }, () => newConversation('c5', '32470000005'));
    const { message } = await store.appendMessage('c5', outbound('c5', 'k1'), (c) => c);
    expect(store.outbox().map((m) => m.id)).toEqual([message.id]);
    await store.close();

    const reopened = await open();
    expect(reopened.outbox().map((m) => m.id)).toEqual([message.id]);
    const sent = await reopened.updateMessage('c5', { clientId: 'k1' }, (m): Message => ({
      ...m,
      status: 'sent',
      waMessageId: 'wamid.new',
    }));
    expect(sent).toMatchObject({ changed: true, message: { status: 'sent' } });
    expect(reopened.outbox()).toEqual([]);
    expect(await reopened.updateMessage('c5', { waMessageId: 'wamid.new' }, () => null)).toMatchObject({
      changed: false,
    });
    expect(await reopened.updateMessage('c5', { id: 'nope' }, (m) => m)).toBeUndefined();
    await reopened.close();
  });

  it('writes nothing when a conversation change is refused', async () => {
    const store = await open();
    store.resolveConversation({ waId: '32470000006', userId: null }, () => newConversation('c6', '32470000006'));
    const commits = store.stats().commits;
    await expect(
      store.updateConversation('c6', () => {
        throw new Error('not allowed');
      }),
    ).rejects.toThrow('not allowed');
    expect(store.stats().commits).toBe(commits);
    await store.close();
  });

  it('opens a data folder in format 1 (before the journal) and keeps it working', async () => {
    const v1 = await mkdtemp(join(tmpdir(), 'toonbank-v1-'));
    const summary = (id: string, waId: string, lastMessageAt: string | null) => ({
      ...newConversation(id, waId),
      lastMessageAt,
      chunkCount: 1,
    });
    const messages = (id: string, count: number, pendingLast: boolean): Message[] =>
      [...Array(count).keys()].map((n) => ({
        ...(pendingLast && n === count - 1 ? outbound(id, 'late') : inbound(id, n)),
        seq: n,
      }));
    for (const [id, waId, last, count, pending] of [
      ['old', '32470000010', '2026-11-01T10:00:00.000Z', 3, false],
      ['new', '32470000011', '2026-11-20T10:00:00.000Z', 2, true],
    ] as const) {
      await mkdir(join(v1, 'conversations', id), { recursive: true });
      await writeFile(join(v1, 'conversations', id, 'meta.json'), JSON.stringify(summary(id, waId, last)));
      await writeFile(
        join(v1, 'conversations', id, 'messages-0000.json'),
        JSON.stringify({ messages: messages(id, count, pending) }),
      );
    }
    await migrateDataDir(v1, logger);
    const store = await ConversationStore.open(v1, { logger });
    const [newer, older] = [store.get('new'), store.get('old')];
    expect(newer && older && newer.activitySeq > older.activitySeq).toBe(true);
    expect(store.outbox().map((m) => m.clientId)).toEqual(['late']);
    await store.appendMessage('old', inbound('old', 3), bump);
    expect((await store.history('old', undefined, 10)).messages.map((m) => m.seq)).toEqual([0, 1, 2, 3]);
    await store.close();
    expect(JSON.parse(await readFile(join(v1, 'format.json'), 'utf8'))).toEqual({ version: 2 });
    await rm(v1, { recursive: true, force: true });
  });
});
