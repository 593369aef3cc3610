import { describe, expect, it } from 'vitest';
import type { ConversationSummary } from '../../shared/domain/conversation.js';
import { filterConversations, NO_FILTER } from './list-filter';

const conversation = (id: string, extra: Partial<ConversationSummary>): ConversationSummary => ({
  id,
  contact: { waId: '32470000001', userId: null, username: null, name: id },
  status: 'open',
  snoozedUntil: null,
  labels: [],
  waitingSince: null,
  assigneeId: null,
  createdAt: '2026-01-01T10:00:00.000Z',
  lastMessageAt: null,
  lastMessage: null,
  unreadCount: 0,
  lastInboundAt: null,
  activitySeq: 1,
  ...extra,
});

describe('the list filter', () => {
  const order = [
    conversation('mine-open', { assigneeId: 'me', labels: ['vip'] }),
    conversation('free', {}),
    conversation('mine-resolved', { assigneeId: 'me', status: 'resolved' }),
    conversation('theirs', { assigneeId: 'other', labels: ['vip'] }),
  ];
  const ids = (f: Parameters<typeof filterConversations>[1]) => filterConversations(order, f, 'me').map((c) => c.id);

  it('keeps everything, as the same array, without a filter', () => {
    expect(filterConversations(order, NO_FILTER, 'me')).toBe(order);
  });

  it('filters by view, status and label together, keeping the order', () => {
    expect(ids({ ...NO_FILTER, view: 'mine' })).toEqual(['mine-open', 'mine-resolved']);
    expect(ids({ ...NO_FILTER, view: 'unassigned' })).toEqual(['free']);
    expect(ids({ ...NO_FILTER, status: 'resolved' })).toEqual(['mine-resolved']);
    expect(ids({ ...NO_FILTER, label: 'vip' })).toEqual(['mine-open', 'theirs']);
    expect(ids({ view: 'mine', status: 'open', label: 'vip' })).toEqual(['mine-open']);
  });
});
