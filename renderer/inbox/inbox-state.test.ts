import { describe, expect, it } from 'vitest';
import type { ConversationSummary } from '../../shared/domain/conversation.js';
import type { InboxSnapshot } from '../../shared/protocol/inbox.js';
import { inboxReducer, initialInboxState, type InboxState } from './inbox-state';

function conversation(
  id: string,
  minute: number | null,
  extra: Partial<ConversationSummary> = {},
): ConversationSummary {
  const at = minute === null ? null : new Date(Date.UTC(2025, 0, 1, 10, minute)).toISOString();
  return {
    id,
    contact: { waId: '32470000001', userId: null, username: null, name: id },
    status: 'open',
    assigneeId: null,
    createdAt: new Date(Date.UTC(2025, 0, 1)).toISOString(),
    lastMessageAt: at,
    lastMessage: null,
    unreadCount: 0,
    lastInboundAt: at,
    // The relay's arrival order follows the minute here; unset, it is 0 (never had a message).
    activitySeq: minute ?? 0,
    ...extra,
  };
}

const me = { id: 'a1', name: 'Ann', email: 'ann@shop.test', role: 'agent' as const };
const snapshot = (conversations: ConversationSummary[]): InboxSnapshot => ({
  me,
  agents: [me],
  conversations,
  health: { writes: 'ok', quarantined: [] },
});

describe('inboxReducer', () => {
  it('sorts the snapshot by last activity, most recent first', () => {
    const state = inboxReducer(initialInboxState, {
      type: 'snapshot',
      snapshot: snapshot([conversation('old', 1), conversation('new', 9), conversation('mid', 5)]),
    });
    expect(state.order).toEqual(['new', 'mid', 'old']);
    expect(state.synced).toBe(true);
  });

  it('moves a conversation to the top when it gets a message, and drops a removed one', () => {
    let state: InboxState = inboxReducer(initialInboxState, {
      type: 'snapshot',
      snapshot: snapshot([conversation('a', 1), conversation('b', 2)]),
    });
    state = inboxReducer(state, { type: 'conversation:upsert', conversation: conversation('a', 10) });
    expect(state.order).toEqual(['a', 'b']);
    state = inboxReducer(state, { type: 'conversation:upsert', conversation: conversation('c', 5) });
    expect(state.order).toEqual(['a', 'c', 'b']);
    state = inboxReducer(state, { type: 'conversation:remove', id: 'c' });
    expect(state.order).toEqual(['a', 'b']);
    // An ack's copy does not bring a removed conversation back.
    expect(
      inboxReducer(state, { type: 'conversation:upsert', conversation: conversation('c', 5), ifKnown: true }),
    ).toBe(state);
  });

  it('marks open threads stale on a resync so they are fetched again', () => {
    let state = inboxReducer(initialInboxState, { type: 'snapshot', snapshot: snapshot([conversation('a', 1)]) });
    state = inboxReducer(state, { type: 'thread:loading', conversationId: 'a', older: false });
    state = inboxReducer(state, {
      type: 'thread:loaded',
      conversationId: 'a',
      older: false,
      messages: [],
      hasMore: false,
    });
    expect(state.threads.get('a')?.stale).toBe(false);
    state = inboxReducer(state, { type: 'snapshot', snapshot: snapshot([conversation('a', 1)]) });
    expect(state.threads.get('a')?.stale).toBe(true);
  });

  it('applies a message update only to a loaded message', () => {
    let state = inboxReducer(initialInboxState, { type: 'snapshot', snapshot: snapshot([conversation('a', 1)]) });
    state = inboxReducer(state, {
      type: 'thread:loaded',
      conversationId: 'a',
      older: false,
      messages: [],
      hasMore: true,
    });
    const old = {
      id: 'm-old',
      conversationId: 'a',
      direction: 'out' as const,
      type: 'text' as const,
      text: 'old',
      seq: 0,
      status: 'read' as const,
      waMessageId: null,
      authorId: 'a1',
      createdAt: new Date(Date.UTC(2024, 0, 1)).toISOString(),
      updatedAt: new Date(Date.UTC(2025, 0, 1)).toISOString(),
    };
    // A tick on a message outside the loaded window must not insert it (it would break paging).
    expect(inboxReducer(state, { type: 'message:update', conversationId: 'a', message: old })).toBe(state);
    state = inboxReducer(state, { type: 'message:upsert', conversationId: 'a', message: { ...old, status: 'sent' } });
    state = inboxReducer(state, { type: 'message:update', conversationId: 'a', message: old });
    expect(state.threads.get('a')?.messages.map((m) => m.status)).toEqual(['read']);
  });
});
