import { describe, expect, it } from 'vitest';
import type { Message } from '../../shared/domain/message.js';
import { mergeLatestPage, mergeOlderPage, upsertMessage } from './thread-merge';

function message(id: string, minute: number, extra: Partial<Message> = {}): Message {
  const at = new Date(Date.UTC(2025, 0, 1, 10, minute)).toISOString();
  return {
    id,
    conversationId: 'c1',
    seq: minute,
    direction: 'in',
    type: 'text',
    text: id,
    status: 'received',
    waMessageId: null,
    authorId: null,
    createdAt: at,
    updatedAt: at,
    ...extra,
  };
}

describe('upsertMessage', () => {
  it('appends in time order and replaces by id', () => {
    const list = upsertMessage(upsertMessage([], message('b', 2)), message('a', 1));
    expect(list.map((m) => m.id)).toEqual(['a', 'b']);
    const updated = upsertMessage(
      list,
      message('b', 2, { text: 'edited', updatedAt: new Date(Date.UTC(2025, 0, 1, 11)).toISOString() }),
    );
    expect(updated.map((m) => m.text)).toEqual(['a', 'edited']);
  });

  it('ignores an older version of a message (out-of-order status updates)', () => {
    const newer = message('a', 1, { status: 'read', updatedAt: new Date(Date.UTC(2025, 0, 1, 12)).toISOString() });
    const older = message('a', 1, { status: 'delivered', updatedAt: new Date(Date.UTC(2025, 0, 1, 11)).toISOString() });
    const list = [newer];
    expect(upsertMessage(list, older)).toBe(list);
  });

  it('keeps the object of a version it already has, but takes a new status of the same moment', () => {
    const list = [message('a', 1, { direction: 'out', status: 'sent' })];
    expect(upsertMessage(list, message('a', 1, { direction: 'out', status: 'sent' }))).toBe(list);
    // Two ticks within one millisecond carry the same updatedAt: the later one still counts.
    const ticked = upsertMessage(list, message('a', 1, { direction: 'out', status: 'delivered' }));
    expect(ticked.map((m) => m.status)).toEqual(['delivered']);
  });

  it('replaces the optimistic local message by the relay copy with the same clientId, never showing both', () => {
    const local = message('local:x', 5, { direction: 'out', status: 'pending', clientId: 'x' });
    const server = message('m9', 5, { direction: 'out', status: 'sent', clientId: 'x' });
    const once = upsertMessage(upsertMessage([], local), server);
    expect(once.map((m) => m.id)).toEqual(['m9']);
    // …and a late local copy after the relay's is dropped.
    expect(upsertMessage(once, local)).toBe(once);
  });
});

describe('pages', () => {
  it('prepends an older page without duplicates', () => {
    const merged = mergeOlderPage([message('c', 3), message('d', 4)], [message('b', 2), message('c', 3)]);
    expect(merged.map((m) => m.id)).toEqual(['b', 'c', 'd']);
  });

  it('merges a refetched latest page that overlaps what is loaded', () => {
    const { messages, hasMore } = mergeLatestPage(
      [message('a', 1), message('b', 2)],
      true,
      [message('b', 2), message('c', 3)],
      true,
    );
    expect(messages.map((m) => m.id)).toEqual(['a', 'b', 'c']);
    expect(hasMore).toBe(true);
  });

  it('drops the old messages when the refetched page leaves a gap', () => {
    const { messages, hasMore } = mergeLatestPage([message('a', 1)], false, [message('y', 30), message('z', 31)], true);
    expect(messages.map((m) => m.id)).toEqual(['y', 'z']);
    expect(hasMore).toBe(true);
  });
});
