import { describe, expect, it } from 'vitest';
import type { ConversationSummary } from '../../shared/domain/conversation.js';
import { pageAfter } from './list-pages.js';

const summary = (id: string, activitySeq: number) => ({ id, activitySeq }) as ConversationSummary;
// The inbox's order: latest activity first, the id breaking ties.
const list = [summary('e', 9), summary('d', 7), summary('a', 5), summary('b', 5), summary('c', 1)];

describe('pageAfter', () => {
  it('walks the list in pages with no gap and no repeat', () => {
    const first = pageAfter(list, null, 2);
    expect(first.conversations.map((c) => c.id)).toEqual(['e', 'd']);
    const second = pageAfter(list, first.more, 2);
    expect(second.conversations.map((c) => c.id)).toEqual(['a', 'b']);
    const last = pageAfter(list, second.more, 2);
    expect(last).toEqual({ conversations: [summary('c', 1)], more: null });
  });

  it('goes on from where a cursor belongs when its conversation has moved away', () => {
    expect(pageAfter(list, { activitySeq: 6, id: 'gone' }, 10).conversations.map((c) => c.id)).toEqual(['a', 'b', 'c']);
    expect(pageAfter(list, { activitySeq: 5, id: 'a' }, 10).conversations.map((c) => c.id)).toEqual(['b', 'c']);
    expect(pageAfter(list, null, 5).more).toBeNull();
  });
});
