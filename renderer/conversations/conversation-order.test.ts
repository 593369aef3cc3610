import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareConversations, type ConversationSummary } from '../../shared/domain/conversation.js';
import { reposition, sortConversations, without } from './conversation-order';

const summary = (id: string, activitySeq: number) => ({ id, activitySeq }) as ConversationSummary;

describe('conversation order', () => {
  it('stays exactly the sorted list through any sequence of changes and removals', () => {
    const step = fc.record({
      id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
      // Ties (seq 0: never had a message) are ordered by id.
      seq: fc.integer({ min: 0, max: 8 }),
      remove: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        const byId = new Map<string, ConversationSummary>();
        let order: readonly ConversationSummary[] = [];
        for (const { id, seq, remove } of steps) {
          const previous = byId.get(id);
          if (remove) {
            if (previous) order = without(order, previous);
            byId.delete(id);
          } else {
            const next = summary(id, seq);
            order = reposition(order, previous, next);
            byId.set(id, next);
          }
          expect(order).toEqual(sortConversations([...byId.values()]));
        }
      }),
    );
  });

  it('moves a conversation from deep in a long list to the top', () => {
    const list = sortConversations(Array.from({ length: 500 }, (_, i) => summary(`c${i}`, i + 1)));
    const previous = list.find((c) => c.id === 'c3');
    const moved = reposition(list, previous, summary('c3', 1000));
    expect(moved[0]?.id).toBe('c3');
    expect(moved).toHaveLength(500);
    expect([...moved].sort(compareConversations)).toEqual(moved);
  });
});
