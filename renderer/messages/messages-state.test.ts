import { describe, expect, it } from 'vitest';
import type { ConversationSummary } from '../../shared/domain/conversation.js';
import type { Message } from '../../shared/domain/message.js';
import { inboxReducer, initialInboxState, type InboxAction, type InboxState } from '../inbox/inbox-store';
import { selectThread } from './messages-state';

/** A relay that writes fine and set no file aside. */
const health = { writes: 'ok' as const, quarantined: [] };

function conversation(id: string, seq = 1): ConversationSummary {
  const at = new Date(Date.UTC(2025, 0, 1, 10)).toISOString();
  return {
    id,
    contact: { waId: '32470000001', userId: null, username: null, name: id },
    status: 'open',
    snoozedUntil: null,
    labels: [],
    waitingSince: null,
    assigneeId: null,
    createdAt: at,
    lastMessageAt: at,
    lastMessage: null,
    unreadCount: 0,
    lastInboundAt: at,
    activitySeq: seq,
  };
}

function message(id: string, seq: number, extra: Partial<Message> = {}): Message {
  const at = new Date(Date.UTC(2025, 0, 1, 10, seq)).toISOString();
  return {
    id,
    conversationId: 'a',
    seq,
    direction: 'out',
    type: 'text',
    text: id,
    status: 'sent',
    waMessageId: null,
    authorId: 'a1',
    createdAt: at,
    updatedAt: at,
    ...extra,
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
const run = (state: InboxState, ...actions: InboxAction[]) => actions.reduce(inboxReducer, state);
const sync = (...ids: string[]): InboxAction => ({
  type: 'inbox:synced',
  snapshot: { me, agents: [me], conversations: ids.map((id) => conversation(id)), more: null, health, activity: [] },
});
const texts = (state: InboxState, id = 'a') => selectThread(state, id)?.messages.map((m) => m.text);

/** Conversation `a` opened, with `messages` as its latest page. */
function opened(messages: Message[], hasMore = false): InboxState {
  return run(
    initialInboxState,
    sync('a', 'b'),
    { type: 'thread:loading', conversationId: 'a', older: false },
    { type: 'thread:loaded', conversationId: 'a', older: false, messages, hasMore },
  );
}

describe('messages slice', () => {
  it('keeps no thread for a conversation nobody opened: a message there changes nothing here', () => {
    const state = opened([]);
    const next = run(state, {
      type: 'message:new',
      event: {
        conversationId: 'b',
        message: { ...message('m1', 1), conversationId: 'b' },
        conversation: conversation('b', 2),
      },
    });
    expect(next.messages).toBe(state.messages);
    expect(selectThread(next, 'b')).toBeUndefined();
  });

  it('adds a new message to the open thread in the same action that moves its conversation', () => {
    const state = run(opened([message('m1', 1)]), {
      type: 'message:new',
      event: { conversationId: 'a', message: message('m2', 2), conversation: conversation('a', 5) },
    });
    expect(texts(state)).toEqual(['m1', 'm2']);
    expect(state.conversations.order[0]?.activitySeq).toBe(5);
  });

  it('marks open threads stale on a resync, and drops those no longer visible', () => {
    let state = opened([]);
    expect(selectThread(state, 'a')?.stale).toBe(false);
    state = run(state, sync('a'));
    expect(selectThread(state, 'a')?.stale).toBe(true);
    state = run(state, sync('b'));
    expect(selectThread(state, 'a')).toBeUndefined();
  });

  it('drops the thread of a conversation taken out of sight', () => {
    const state = run(opened([message('m1', 1)]), { type: 'conversation:remove', event: { id: 'a' } });
    expect(selectThread(state, 'a')).toBeUndefined();
  });

  it('applies a message update only to a loaded message', () => {
    let state = opened([], true);
    const old = message('m-old', 0, { status: 'read', updatedAt: new Date(Date.UTC(2025, 0, 2)).toISOString() });
    // A tick on a message outside the loaded window must not insert it (it would break paging).
    expect(run(state, { type: 'message:update', event: { conversationId: 'a', message: old } })).toBe(state);
    state = run(
      state,
      {
        type: 'message:new',
        event: {
          conversationId: 'a',
          message: { ...old, status: 'sent', updatedAt: old.createdAt },
          conversation: conversation('a'),
        },
      },
      { type: 'message:update', event: { conversationId: 'a', message: old } },
    );
    expect(selectThread(state, 'a')?.messages.map((m) => m.status)).toEqual(['read']);
  });

  it('shows a sent message at once, then the relay’s copy in its place; a refused one goes', () => {
    const local = message('local:x', 9, { status: 'pending', clientId: 'x', seq: Number.MAX_SAFE_INTEGER });
    let state = run(opened([message('m1', 1)]), { type: 'message:local', message: local });
    expect(texts(state)).toEqual(['m1', 'local:x']);
    state = run(state, { type: 'message:sent', message: message('m2', 2, { clientId: 'x', text: 'local:x' }) });
    expect(selectThread(state, 'a')?.messages.map((m) => m.id)).toEqual(['m1', 'm2']);

    const refused = message('local:y', 9, { status: 'pending', clientId: 'y', seq: Number.MAX_SAFE_INTEGER });
    state = run(
      state,
      { type: 'message:local', message: refused },
      { type: 'message:discard', conversationId: 'a', messageId: 'local:y' },
    );
    expect(selectThread(state, 'a')?.messages.map((m) => m.id)).toEqual(['m1', 'm2']);
  });

  it('prepends an older page and stops loading', () => {
    let state = opened([message('m5', 5)], true);
    state = run(
      state,
      { type: 'thread:loading', conversationId: 'a', older: true },
      {
        type: 'thread:loaded',
        conversationId: 'a',
        older: true,
        messages: [message('m3', 3), message('m4', 4)],
        hasMore: false,
      },
    );
    expect(texts(state)).toEqual(['m3', 'm4', 'm5']);
    expect(selectThread(state, 'a')).toMatchObject({ hasMore: false, loadingOlder: false });
  });

  it('keeps what is shown when a catch-up fails, and shows the error of a first load', () => {
    let state = run(opened([message('m1', 1)]), sync('a'), {
      type: 'thread:loading',
      conversationId: 'a',
      older: false,
    });
    state = run(state, { type: 'thread:failed', conversationId: 'a', older: false, error: 'timeout' });
    expect(selectThread(state, 'a')).toMatchObject({ status: 'ready', stale: true });
    expect(texts(state)).toEqual(['m1']);

    const first = run(
      initialInboxState,
      sync('a'),
      { type: 'thread:loading', conversationId: 'a', older: false },
      { type: 'thread:failed', conversationId: 'a', older: false, error: 'timeout' },
    );
    expect(selectThread(first, 'a')).toMatchObject({ status: 'error', error: 'timeout' });
  });

  it('merges the catch-up page into what is loaded, keeping unchanged messages as they were', () => {
    const m1 = message('m1', 1);
    const m2 = message('m2', 2);
    let state = run(opened([m1, m2]), sync('a'), { type: 'thread:loading', conversationId: 'a', older: false });
    state = run(state, {
      type: 'thread:loaded',
      conversationId: 'a',
      older: false,
      messages: [{ ...m2 }, message('m3', 3)],
      hasMore: true,
    });
    const messages = selectThread(state, 'a')?.messages ?? [];
    expect(messages.map((m) => m.id)).toEqual(['m1', 'm2', 'm3']);
    // The same version fetched again keeps its object, so its bubble does not render again.
    expect(messages[1]).toBe(m2);
  });
});
