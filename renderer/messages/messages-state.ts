import type { Message } from '../../shared/domain/message.js';
import type { InboxAction, InboxState } from '../inbox/inbox-store';
import { compareMessages, mergeLatestPage, mergeOlderPage, upsertMessage } from './thread-merge';

/*
 * The threads someone has opened: the loaded part of each one's history. Only those are kept;
 * a message for a conversation nobody opened changes nothing here (the list shows it through
 * the conversations slice).
 */

/** The loaded part of one conversation's history, oldest message first. */
export interface Thread {
  messages: readonly Message[];
  hasMore: boolean;
  status: 'loading' | 'ready' | 'error';
  error: string | null;
  /** Set by a (re)sync: the latest page must be fetched again to catch up. */
  stale: boolean;
  loadingOlder: boolean;
}

export interface MessagesState {
  threads: ReadonlyMap<string, Thread>;
}

export type MessagesAction =
  /** A message sent from here: shown at once, as `local:<clientId>`, until the relay's copy replaces it. */
  | { type: 'message:local'; message: Message }
  /** The relay's answer to a send: its stored copy. */
  | { type: 'message:sent'; message: Message }
  /** A send that failed: its local message goes. */
  | { type: 'message:discard'; conversationId: string; messageId: string }
  | { type: 'thread:loading'; conversationId: string; older: boolean }
  | { type: 'thread:loaded'; conversationId: string; older: boolean; messages: Message[]; hasMore: boolean }
  | { type: 'thread:failed'; conversationId: string; older: boolean; error: string };

export const initialMessagesState: MessagesState = { threads: new Map() };

const emptyThread: Thread = {
  messages: [],
  hasMore: false,
  status: 'loading',
  error: null,
  stale: false,
  loadingOlder: false,
};

/** Changes one thread; the same state when the thread comes back unchanged. */
function withThread(
  state: MessagesState,
  conversationId: string,
  update: (thread: Thread | undefined) => Thread | undefined,
): MessagesState {
  const current = state.threads.get(conversationId);
  const next = update(current);
  if (next === current) return state;
  const threads = new Map(state.threads);
  if (next) threads.set(conversationId, next);
  else threads.delete(conversationId);
  return { threads };
}

/** Inserts or replaces a message in an opened thread; `onlyLoaded`: never inserts one not shown yet. */
function withMessage(
  state: MessagesState,
  conversationId: string,
  message: Message,
  onlyLoaded = false,
): MessagesState {
  return withThread(state, conversationId, (thread) => {
    if (!thread) return thread;
    // A tick on a message outside the loaded window must not insert it (it would break paging).
    if (onlyLoaded && !thread.messages.some((m) => m.id === message.id)) return thread;
    const messages = upsertMessage(thread.messages, message);
    return messages === thread.messages ? thread : { ...thread, messages };
  });
}

function loaded(thread: Thread | undefined, action: Extract<MessagesAction, { type: 'thread:loaded' }>): Thread {
  const base = thread ?? emptyThread;
  if (action.older) {
    return {
      ...base,
      messages: mergeOlderPage(base.messages, action.messages),
      hasMore: action.hasMore,
      loadingOlder: false,
    };
  }
  if (base.status !== 'ready') {
    const messages = [...action.messages].sort(compareMessages);
    return { ...base, status: 'ready', error: null, messages, hasMore: action.hasMore };
  }
  const merged = mergeLatestPage(base.messages, base.hasMore, action.messages, action.hasMore);
  return { ...base, status: 'ready', error: null, ...merged };
}

export function reduceMessages(state: MessagesState, action: InboxAction): MessagesState {
  switch (action.type) {
    case 'inbox:synced': {
      if (state.threads.size === 0) return state;
      // Threads still visible are fetched again (the catch-up); the others are gone.
      const visible = new Set(action.snapshot.conversations.map((c) => c.id));
      const threads = new Map<string, Thread>();
      for (const [id, thread] of state.threads) if (visible.has(id)) threads.set(id, { ...thread, stale: true });
      return { threads };
    }
    case 'conversation:remove':
      return withThread(state, action.event.id, () => undefined);
    case 'message:new':
      return withMessage(state, action.event.conversationId, action.event.message);
    case 'message:update':
      return withMessage(state, action.event.conversationId, action.event.message, true);
    case 'message:local':
    case 'message:sent':
      return withMessage(state, action.message.conversationId, action.message);
    case 'message:discard':
      return withThread(state, action.conversationId, (thread) => {
        if (!thread?.messages.some((m) => m.id === action.messageId)) return thread;
        return { ...thread, messages: thread.messages.filter((m) => m.id !== action.messageId) };
      });
    case 'thread:loading':
      return withThread(state, action.conversationId, (thread) => {
        if (action.older) return thread ? { ...thread, loadingOlder: true } : thread;
        return thread ? { ...thread, stale: false, error: null } : emptyThread;
      });
    case 'thread:loaded':
      return withThread(state, action.conversationId, (thread) => loaded(thread, action));
    case 'thread:failed':
      return withThread(state, action.conversationId, (thread) => {
        if (!thread) return thread;
        if (action.older) return { ...thread, loadingOlder: false };
        // A failed catch-up keeps what is shown; only a first load shows the error.
        return thread.status === 'ready'
          ? { ...thread, stale: true }
          : { ...thread, status: 'error', error: action.error };
      });
    default:
      return state;
  }
}

export const selectThread = (state: InboxState, conversationId: string): Thread | undefined =>
  state.messages.threads.get(conversationId);
