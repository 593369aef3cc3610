import { describe, expect, it } from 'vitest';
import type { Message } from '../../shared/domain/message.js';
import { episodesOf, FIRST_TEXT_LENGTH } from './episodes.js';

let n = 0;
function line(partial: Partial<Message>): Message {
  const createdAt = new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString();
  return {
    id: `m${n}`,
    conversationId: 'c1',
    seq: n++,
    direction: 'in',
    type: 'text',
    text: '',
    status: 'received',
    waMessageId: null,
    authorId: null,
    createdAt,
    updatedAt: createdAt,
    ...partial,
  };
}
const resolved = (by: string) =>
  line({
    direction: 'out',
    type: 'system',
    authorId: by,
    content: { kind: 'system', event: 'status_changed', from: 'open', to: 'resolved' },
  });
const assigned = (to: string) =>
  line({ direction: 'out', type: 'system', content: { kind: 'system', event: 'assignee_changed', from: null, to } });

describe('episodesOf', () => {
  it('has no conversation for an empty thread and none after a final resolve', () => {
    expect(episodesOf([])).toEqual([]);
    const end = resolved('ann');
    const episodes = episodesOf([line({ text: 'hi' }), end]);
    expect(episodes).toHaveLength(1);
    expect(episodes[0]).toMatchObject({ endedAt: end.createdAt, resolvedBy: 'ann', customerMessages: 1 });
  });

  it('lists each assignee once, in order, and takes the first customer text that says something', () => {
    const [episode] = episodesOf([
      line({ type: 'image', text: '  ' }),
      assigned('ann'),
      assigned('ben'),
      assigned('ann'),
      line({ text: 'x'.repeat(FIRST_TEXT_LENGTH + 20) }),
      line({ direction: 'out', type: 'note', text: 'internal' }),
    ]);
    expect(episode?.assigneeIds).toEqual(['ann', 'ben']);
    expect(episode?.customerMessages).toBe(2);
    expect(episode?.replies).toBe(0);
    expect(episode?.firstText).toHaveLength(FIRST_TEXT_LENGTH);
    expect(episode?.firstText?.endsWith('…')).toBe(true);
  });

  it('starts the next conversation with the first line after a resolve, reopened by an agent or the customer', () => {
    const episodes = episodesOf([
      line({ text: 'a' }),
      resolved('ann'),
      line({ direction: 'out', status: 'sent', text: 'follow-up' }),
      resolved('ben'),
      line({ text: 'b' }),
    ]);
    expect(episodes.map((e) => [e.resolvedBy, e.customerMessages, e.replies, e.endedAt === null])).toEqual([
      ['ann', 1, 0, false],
      ['ben', 0, 1, false],
      [null, 1, 0, true],
    ]);
  });
});
