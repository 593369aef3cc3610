import { describe, expect, it } from 'vitest';
import type { ConversationSummary } from '../../shared/domain/conversation.js';
import type { Message } from '../../shared/domain/message.js';
import type { InboxSnapshot } from '../../shared/protocol/inbox.js';
import { inboxReducer, initialInboxState, type InboxAction, type InboxState } from '../inbox/inbox-store';
import { selectConversation, selectOrder, selectUnreadTotal } from './conversations-state';

/** A relay that writes fine and set no file aside. */
const health = { writes: 'ok' as const, quarantined: [] };

function conversation(id: string, seq: number, extra: Partial<ConversationSummary> = {}): ConversationSummary {
  const at = new Date(Date.UTC(2025, 0, 1, 10, seq)).toISOString();
  return {
    id,
    contact: { waId: '32470000001', userId: null, username: null, name: id },
    status: 'open',
    snoozedUntil: null,
    labels: [],
    waitingSince: null,
    assigneeId: null,
    createdAt: new Date(Date.UTC(2025, 0, 1)).toISOString(),
    lastMessageAt: at,
    lastMessage: null,
    unreadCount: 0,
    lastInboundAt: at,
    activitySeq: seq,
    ...extra,
  };
}

function message(conversationId: string, id: string): Message {
  const at = new Date(Date.UTC(2025, 0, 1, 11)).toISOString();
  return {
    id,
    conversationId,
    seq: 1,
    direction: 'in',
    type: 'text',
    text: id,
    status: 'received',
    waMessageId: null,
    authorId: null,
    createdAt: at,
    updatedAt: at,
  };
}

const me = {
  id: 'a1',
  name: 'Ann',
  email: 'ann@shop.test',
  role: 'agent' as const,
  active: true,
  capacity: 10,
  presence: 'online' as const,
};
const snapshot = (conversations: ConversationSummary[]): InboxSnapshot => ({
  me,
  agents: [me],
  conversations,
  more: null,
  health,
  activity: [],
});
const ids = (state: InboxState) => selectOrder(state).map((c) => c.id);
const run = (state: InboxState, ...actions: InboxAction[]) => actions.reduce(inboxReducer, state);
const synced = (...conversations: ConversationSummary[]) =>
  inboxReducer(initialInboxState, { type: 'inbox:synced', snapshot: snapshot(conversations) });

describe('conversations slice', () => {
  it('adds the pages after the snapshot in order, keeping what events already brought in', () => {
    let state = synced(conversation('newest', 9), conversation('next', 8));
    // Before the page arrived, an older conversation got a message and is current already.
    state = run(state, { type: 'conversation:upsert', event: conversation('old', 10, { unreadCount: 2 }) });
    state = run(state, {
      type: 'inbox:page',
      conversations: [conversation('older', 3, { unreadCount: 1 }), conversation('old', 2)],
    });
    expect(ids(state)).toEqual(['old', 'newest', 'next', 'older']);
    expect(selectConversation(state, 'old')?.activitySeq).toBe(10);
    expect(selectUnreadTotal(state)).toBe(3);
    expect(run(state, { type: 'inbox:page', conversations: [conversation('older', 3)] })).toBe(state);
  });

  it('sorts the snapshot by the relay’s arrival order, latest first', () => {
    const state = synced(conversation('old', 1), conversation('new', 9), conversation('mid', 5));
    expect(ids(state)).toEqual(['new', 'mid', 'old']);
    expect(state.sync.synced).toBe(true);
  });

  it('moves a conversation to the top when it gets a message, and drops a removed one', () => {
    let state = synced(conversation('a', 1), conversation('b', 2));
    state = run(state, { type: 'conversation:upsert', event: conversation('a', 10) });
    expect(ids(state)).toEqual(['a', 'b']);
    state = run(state, { type: 'conversation:upsert', event: conversation('c', 5) });
    expect(ids(state)).toEqual(['a', 'c', 'b']);
    state = run(state, { type: 'conversation:remove', event: { id: 'c' } });
    expect(ids(state)).toEqual(['a', 'b']);
    expect(selectConversation(state, 'c')).toBeUndefined();
  });

  it('applies a new message and its conversation in one action', () => {
    const state = run(synced(conversation('a', 1, { unreadCount: 1 }), conversation('b', 2)), {
      type: 'message:new',
      event: {
        conversationId: 'a',
        message: message('a', 'm1'),
        conversation: conversation('a', 3, { unreadCount: 2 }),
      },
    });
    expect(ids(state)).toEqual(['a', 'b']);
    expect(selectUnreadTotal(state)).toBe(2);
  });

  it('keeps the unread total as counts change and conversations come and go', () => {
    let state = synced(conversation('a', 1, { unreadCount: 2 }), conversation('b', 2, { unreadCount: 1 }));
    expect(selectUnreadTotal(state)).toBe(3);
    state = run(
      state,
      { type: 'conversation:upsert', event: conversation('a', 1, { unreadCount: 0 }) },
      { type: 'conversation:upsert', event: conversation('c', 3, { unreadCount: 4 }) },
      { type: 'conversation:remove', event: { id: 'b' } },
    );
    expect(selectUnreadTotal(state)).toBe(4);
  });

  it('takes a command’s answer unless events overtook it, and never brings a removed one back', () => {
    let state = synced(conversation('a', 1, { unreadCount: 1 }));
    // The answer to markRead, sent before a newer message arrived here: the message's copy stays.
    state = run(state, { type: 'conversation:upsert', event: conversation('a', 2, { unreadCount: 2 }) });
    const overtaken = run(state, { type: 'conversation:replied', conversation: conversation('a', 1) });
    expect(overtaken).toBe(state);
    state = run(state, { type: 'conversation:replied', conversation: conversation('a', 2) });
    expect(selectConversation(state, 'a')?.unreadCount).toBe(0);
    state = run(state, { type: 'conversation:remove', event: { id: 'a' } });
    expect(run(state, { type: 'conversation:replied', conversation: conversation('a', 2) })).toBe(state);
  });

  it('changes one conversation without copying the others', () => {
    const many = Array.from({ length: 1000 }, (_, i) => conversation(`c${i}`, i + 1));
    const before = synced(...many);
    const after = run(before, { type: 'conversation:upsert', event: conversation('c10', 5000) });
    expect(ids(after)[0]).toBe('c10');
    expect(ids(after).length).toBe(1000);
    // Every other conversation is the very same object: rows given it do not render again.
    expect(selectConversation(after, 'c500')).toBe(selectConversation(before, 'c500'));
  });

  it('replaces everything on a resync: what was removed meanwhile is gone', () => {
    let state = synced(conversation('a', 1), conversation('b', 2));
    state = run(state, { type: 'inbox:synced', snapshot: snapshot([conversation('b', 3)]) });
    expect(ids(state)).toEqual(['b']);
    expect(selectConversation(state, 'a')).toBeUndefined();
  });
});
