import type { Agent } from '../../shared/domain/agent.js';
import { compareConversations, type ConversationSummary } from '../../shared/domain/conversation.js';
import type { Message } from '../../shared/domain/message.js';
import type { InboxSnapshot } from '../../shared/protocol/inbox.js';
import { compareMessages, mergeLatestPage, mergeOlderPage, upsertMessage } from './thread-merge';

/*
 * Everything the inbox shows, as one immutable state changed only by `inboxReducer`.
 * The relay is the source of truth: a snapshot replaces the state, events patch it.
 */

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting';

/** The loaded part of one conversation's history, oldest message first. */
export interface Thread {
  messages: Message[];
  hasMore: boolean;
  status: 'loading' | 'ready' | 'error';
  error: string | null;
  /** Set by a (re)sync: the latest page must be fetched again to catch up. */
  stale: boolean;
  loadingOlder: boolean;
}

export interface InboxState {
  connection: ConnectionState;
  synced: boolean;
  me: Agent | null;
  agents: Agent[];
  agentsById: ReadonlyMap<string, Agent>;
  conversations: ReadonlyMap<string, ConversationSummary>;
  /** Conversation ids, most recent activity first. */
  order: readonly string[];
  /** Unread messages over all conversations, kept as they change (the window title shows it). */
  unreadTotal: number;
  threads: ReadonlyMap<string, Thread>;
}

export type InboxAction =
  | { type: 'connection'; state: ConnectionState }
  | { type: 'snapshot'; snapshot: InboxSnapshot }
  /** `ifKnown`: an ack's copy must not bring back a conversation a `remove` event took away. */
  | { type: 'conversation:upsert'; conversation: ConversationSummary; ifKnown?: boolean }
  | { type: 'conversation:remove'; id: string }
  /** A message pushed by the relay with its conversation as it now is: both applied in one step. */
  | { type: 'message:new'; conversationId: string; message: Message; conversation: ConversationSummary }
  /** A new message (or the ack of one sent here): inserted in order. */
  | { type: 'message:upsert'; conversationId: string; message: Message }
  /** A change to a message: applied only if it is loaded, never inserting an old one into the window. */
  | { type: 'message:update'; conversationId: string; message: Message }
  | { type: 'message:discard'; conversationId: string; messageId: string }
  | { type: 'thread:loading'; conversationId: string; older: boolean }
  | { type: 'thread:loaded'; conversationId: string; older: boolean; messages: Message[]; hasMore: boolean }
  | { type: 'thread:failed'; conversationId: string; older: boolean; error: string };

export const initialInboxState: InboxState = {
  connection: 'connecting',
  synced: false,
  me: null,
  agents: [],
  agentsById: new Map(),
  conversations: new Map(),
  order: [],
  unreadTotal: 0,
  threads: new Map(),
};

function insertSorted(
  order: readonly string[],
  conversations: ReadonlyMap<string, ConversationSummary>,
  item: ConversationSummary,
): string[] {
  const next = order.filter((id) => id !== item.id);
  let low = 0;
  let high = next.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const other = conversations.get(next[mid] ?? '');
    if (other && compareConversations(other, item) < 0) low = mid + 1;
    else high = mid;
  }
  next.splice(low, 0, item.id);
  return next;
}

function withThread(
  state: InboxState,
  conversationId: string,
  update: (thread: Thread | undefined) => Thread | undefined,
): InboxState {
  const current = state.threads.get(conversationId);
  const next = update(current);
  if (next === current) return state;
  const threads = new Map(state.threads);
  if (next) threads.set(conversationId, next);
  else threads.delete(conversationId);
  return { ...state, threads };
}

const emptyThread: Thread = {
  messages: [],
  hasMore: false,
  status: 'loading',
  error: null,
  stale: false,
  loadingOlder: false,
};

export function inboxReducer(state: InboxState, action: InboxAction): InboxState {
  switch (action.type) {
    case 'connection':
      return state.connection === action.state ? state : { ...state, connection: action.state };

    case 'snapshot': {
      const { me, agents, conversations: list } = action.snapshot;
      const conversations = new Map(list.map((c) => [c.id, c]));
      const threads = new Map<string, Thread>();
      for (const [id, thread] of state.threads) {
        if (conversations.has(id)) threads.set(id, { ...thread, stale: true });
      }
      return {
        ...state,
        synced: true,
        me,
        agents,
        agentsById: new Map(agents.map((a) => [a.id, a])),
        conversations,
        order: [...list].sort(compareConversations).map((c) => c.id),
        unreadTotal: list.reduce((total, c) => total + c.unreadCount, 0),
        threads,
      };
    }

    case 'conversation:upsert': {
      const { conversation } = action;
      const previous = state.conversations.get(conversation.id);
      if (!previous && action.ifKnown) return state;
      const conversations = new Map(state.conversations).set(conversation.id, conversation);
      const moved = !previous || compareConversations(previous, conversation) !== 0;
      return {
        ...state,
        conversations,
        order: moved ? insertSorted(state.order, conversations, conversation) : state.order,
        unreadTotal: state.unreadTotal - (previous?.unreadCount ?? 0) + conversation.unreadCount,
      };
    }

    case 'conversation:remove': {
      const removed = state.conversations.get(action.id);
      if (!removed) return state;
      const conversations = new Map(state.conversations);
      conversations.delete(action.id);
      const threads = new Map(state.threads);
      threads.delete(action.id);
      return {
        ...state,
        conversations,
        threads,
        order: state.order.filter((id) => id !== action.id),
        unreadTotal: state.unreadTotal - removed.unreadCount,
      };
    }

    case 'message:new': {
      const { conversation, conversationId, message } = action;
      const listed = inboxReducer(state, { type: 'conversation:upsert', conversation });
      return inboxReducer(listed, { type: 'message:upsert', conversationId, message });
    }

    case 'message:upsert':
      // Only threads someone has opened are kept; the list itself follows conversation:upsert.
      return withThread(state, action.conversationId, (thread) => {
        if (!thread) return thread;
        const messages = upsertMessage(thread.messages, action.message);
        return messages === thread.messages ? thread : { ...thread, messages };
      });

    case 'message:update':
      return withThread(state, action.conversationId, (thread) => {
        if (!thread?.messages.some((m) => m.id === action.message.id)) return thread;
        const messages = upsertMessage(thread.messages, action.message);
        return messages === thread.messages ? thread : { ...thread, messages };
      });

    case 'message:discard':
      return withThread(state, action.conversationId, (thread) =>
        thread ? { ...thread, messages: thread.messages.filter((m) => m.id !== action.messageId) } : thread,
      );

    case 'thread:loading':
      return withThread(state, action.conversationId, (thread) => {
        if (action.older) return thread ? { ...thread, loadingOlder: true } : thread;
        return thread ? { ...thread, stale: false, error: null } : emptyThread;
      });

    case 'thread:loaded':
      return withThread(state, action.conversationId, (thread) => {
        const base = thread ?? emptyThread;
        if (action.older) {
          return {
            ...base,
            messages: mergeOlderPage(base.messages, action.messages),
            hasMore: action.hasMore,
            loadingOlder: false,
          };
        }
        const merged =
          base.status === 'ready'
            ? mergeLatestPage(base.messages, base.hasMore, action.messages, action.hasMore)
            : null;
        return {
          ...base,
          status: 'ready',
          error: null,
          messages: merged ? merged.messages : [...action.messages].sort(compareMessages),
          hasMore: merged ? merged.hasMore : action.hasMore,
        };
      });

    case 'thread:failed':
      return withThread(state, action.conversationId, (thread) => {
        if (!thread) return thread;
        if (action.older) return { ...thread, loadingOlder: false };
        // A failed catch-up keeps what is shown; only a first load shows the error.
        return thread.status === 'ready'
          ? { ...thread, stale: true }
          : { ...thread, status: 'error', error: action.error };
      });
  }
}
