import { describe, expect, it } from 'vitest';
import type { Message } from '../../shared/domain/message.js';
import { buildRows } from './rows';

function message(id: string, at: string, extra: Partial<Message> = {}): Message {
  return {
    id,
    conversationId: 'c1',
    seq: 0,
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

describe('buildRows', () => {
  const a = message('a', '2025-01-01T10:00:00.000Z');
  const b = message('b', '2025-01-01T10:01:00.000Z');
  const c = message('c', '2025-01-02T10:00:00.000Z', { direction: 'out', authorId: 'a1' });

  it('marks the first message of each day and of each run', () => {
    const rows = buildRows([a, b, c]);
    expect(rows.map((r) => [r.key, r.dayStart, r.groupStart])).toEqual([
      ['m:a', true, true],
      ['m:b', false, false],
      ['m:c', true, true],
    ]);
  });

  it('keys a message by its clientId, so the relay copy takes over the local row', () => {
    const [local] = buildRows([message('local:x', a.createdAt, { clientId: 'x' })]);
    const [stored] = buildRows([message('m9', a.createdAt, { clientId: 'x' })]);
    expect(stored?.key).toBe(local?.key);
  });

  it('keeps the rows of unchanged leading messages, and the same array when nothing changed', () => {
    const first = buildRows([a, b]);
    const appended = buildRows([a, b, c], first);
    expect(appended[0]).toBe(first[0]);
    expect(appended[1]).toBe(first[1]);
    expect(appended[2]?.dayStart).toBe(true);
    expect(buildRows([a, b, c], appended)).toBe(appended);
    // A changed message is rebuilt, and so is everything after it.
    const ticked = buildRows([a, { ...b, status: 'read' }, c], appended);
    expect(ticked[0]).toBe(appended[0]);
    expect(ticked[1]).not.toBe(appended[1]);
    expect(ticked.map((r) => r.key)).toEqual(['m:a', 'm:b', 'm:c']);
  });

  it('builds all rows again when older history is prepended', () => {
    const before = buildRows([b, c]);
    const rows = buildRows([a, b, c], before);
    expect(rows.map((r) => [r.key, r.dayStart])).toEqual([
      ['m:a', true],
      ['m:b', false],
      ['m:c', true],
    ]);
  });
});
