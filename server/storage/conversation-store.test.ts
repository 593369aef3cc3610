import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConversationSummary } from '../../shared/domain/conversation.js';
import type { Message } from '../../shared/domain/message.js';
import { CHUNK_SIZE, ConversationStore } from './conversation-store.js';
import { StorageCorruptError } from './durable-json-file.js';

const at = '2026-11-24T10:00:00.000Z';
const summary: ConversationSummary = {
  id: 'conv-1',
  contact: { waId: '32470123456', name: 'Anna' },
  status: 'open',
  assigneeId: null,
  createdAt: at,
  lastMessageAt: null,
  lastMessage: null,
  unreadCount: 0,
  lastInboundAt: null,
};
const message = (n: number): Message => ({
  id: `m${n}`,
  seq: n,
  conversationId: 'conv-1',
  direction: 'in',
  type: 'text',
  text: `message ${n}`,
  status: 'received',
  waMessageId: `wamid.${n}`,
  authorId: null,
  createdAt: at,
  updatedAt: at,
});
const bump = (c: ConversationSummary) => ({ ...c, unreadCount: c.unreadCount + 1 });

describe('ConversationStore (real files)', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'toonbank-store-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('rolls messages over into bounded chunks and reads them back after reopening', async () => {
    const store = await ConversationStore.open(dir);
    await store.create(summary);
    const total = CHUNK_SIZE * 2 + 5;
    for (let n = 0; n < total; n++) await store.append('conv-1', message(n), bump);
    const files = (await readdir(join(dir, 'conversations', 'conv-1'))).sort();
    expect(files).toEqual(['messages-0000.json', 'messages-0001.json', 'messages-0002.json', 'meta.json']);

    const reopened = await ConversationStore.open(dir);
    expect(reopened.get('conv-1')?.unreadCount).toBe(total);
    expect(reopened.findByWaId('32470123456')?.id).toBe('conv-1');
    expect((await reopened.findMessage('conv-1', { waMessageId: 'wamid.3' }))?.text).toBe('message 3');
    const newest = await reopened.history('conv-1', undefined, 10);
    expect(newest.messages.map((m) => m.id)).toEqual([...Array(10).keys()].map((i) => `m${total - 10 + i}`));
    expect(newest.hasMore).toBe(true);
    // Paging backwards across a chunk boundary.
    const older = await reopened.history('conv-1', `m${CHUNK_SIZE + 3}`, 6);
    expect(older.messages.map((m) => m.id)).toEqual([-3, -2, -1, 0, 1, 2].map((d) => `m${CHUNK_SIZE + d}`));
    const first = await reopened.history('conv-1', 'm4', 100);
    expect(first).toEqual({ messages: [0, 1, 2, 3].map(message), hasMore: false });
  });

  it('updates one message in place and finds it by every locator', async () => {
    const store = await ConversationStore.open(dir);
    await store.create(summary);
    await store.append('conv-1', { ...message(0), id: 'm1', clientId: 'client-1' }, bump);
    const updated = await store.updateMessage('conv-1', { clientId: 'client-1' }, (m) => ({
      ...m,
      waMessageId: 'wamid.new',
    }));
    expect(updated?.waMessageId).toBe('wamid.new');
    expect((await store.findMessage('conv-1', { waMessageId: 'wamid.new' }))?.id).toBe('m1');
    expect(await store.updateMessage('conv-1', { id: 'm1' }, () => null)).toBeUndefined();
    const reopened = await ConversationStore.open(dir);
    expect((await reopened.findMessage('conv-1', { id: 'm1' }))?.waMessageId).toBe('wamid.new');
  });

  it('recovers a chunk written just before a crash that kept the meta from being updated', async () => {
    const store = await ConversationStore.open(dir);
    await store.create(summary);
    // As if the relay died between writing the chunk and the meta: the chunk exists, the meta counts none.
    await writeFile(
      join(dir, 'conversations', 'conv-1', 'messages-0000.json'),
      JSON.stringify({ messages: [message(0)] }),
    );
    await writeFile(join(dir, 'conversations', 'conv-1', 'meta.json.123.1.tmp'), '{"half":');
    const reopened = await ConversationStore.open(dir);
    expect((await reopened.history('conv-1', undefined, 10)).messages).toHaveLength(1);
    expect(await readdir(join(dir, 'conversations', 'conv-1'))).not.toContain('meta.json.123.1.tmp');
  });

  it('refuses to start on a file that does not match its schema, naming the file', async () => {
    const store = await ConversationStore.open(dir);
    await store.create(summary);
    const meta = join(dir, 'conversations', 'conv-1', 'meta.json');
    await writeFile(meta, (await readFile(meta, 'utf8')).replace('"open"', '"exploded"'));
    await expect(ConversationStore.open(dir)).rejects.toBeInstanceOf(StorageCorruptError);
    await expect(ConversationStore.open(dir)).rejects.toThrow(meta);
  });

  it('leaves memory as it was on disk when a write fails', async () => {
    const store = await ConversationStore.open(dir);
    await store.create(summary);
    await store.append('conv-1', message(0), bump);
    await rm(join(dir, 'conversations', 'conv-1'), { recursive: true });
    await expect(store.append('conv-1', message(1), bump)).rejects.toThrow();
    expect(store.get('conv-1')?.unreadCount).toBe(1);
    expect((await store.history('conv-1', undefined, 10)).messages.map((m) => m.id)).toEqual(['m0']);
  });
});
