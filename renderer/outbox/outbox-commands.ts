import { command, RelayError } from '../../shared/client/relay-client.js';
import type { Message } from '../../shared/domain/message.js';
import { selectMeId } from '../accounts/accounts-state';
import type { RelayLink } from '../inbox/relay-link';
import { selectLive } from '../inbox/sync-state';
import { LOCAL_ID_PREFIX } from '../messages/thread-merge';
import { selectOutbox, type OutboxEntry } from './outbox-state';
import { readOutbox, writeOutbox } from './outbox-storage';

/*
 * Sending through the outbox: a reply is written into the outbox first (and so into storage), shown
 * at once as a pending local message, and sent while the relay is reachable, oldest first, one at a
 * time. A send that did not get an answer stays and goes again later with the same clientId, so
 * the relay stores it once whatever happened to the first attempt.
 */

/** Errors after which the same send may succeed later: no answer, no connection, a busy relay. */
const TRANSIENT = new Set(['TIMEOUT', 'UNAVAILABLE', 'RATE_LIMITED', 'INTERNAL']);
const RETRY_MS = 3_000;

interface Waiter {
  resolve: () => void;
  reject: (error: unknown) => void;
}

interface LinkOutbox {
  flushing: boolean;
  retry: ReturnType<typeof setTimeout> | null;
  waiters: Map<string, Waiter>;
}
const perLink = new WeakMap<RelayLink, LinkOutbox>();
function of(link: RelayLink): LinkOutbox {
  let state = perLink.get(link);
  if (!state) {
    state = { flushing: false, retry: null, waiters: new Map() };
    perLink.set(link, state);
  }
  return state;
}

export function localMessageOf(entry: OutboxEntry, authorId: string | null): Message {
  return {
    id: `${LOCAL_ID_PREFIX}${entry.clientId}`,
    conversationId: entry.conversationId,
    // No place in the conversation until the relay stores it; local messages sort last.
    seq: Number.MAX_SAFE_INTEGER,
    direction: 'out',
    type: 'text',
    text: entry.text,
    status: 'pending',
    waMessageId: null,
    authorId,
    createdAt: entry.createdAt,
    updatedAt: entry.createdAt,
    clientId: entry.clientId,
  };
}

/**
 * Queues a reply and sends it as soon as it can. Resolves once the relay has stored it; rejects,
 * with the local message gone, when the relay refused it (then it is not tried again).
 */
export function queueReply(
  link: RelayLink,
  conversationId: string,
  text: string,
  { confirmAssignedToOther = false }: { confirmAssignedToOther?: boolean } = {},
): Promise<void> {
  const entry: OutboxEntry = {
    clientId: crypto.randomUUID(),
    conversationId,
    text,
    confirmAssignedToOther,
    createdAt: new Date().toISOString(),
  };
  const { dispatch } = link.store;
  const done = new Promise<void>((resolve, reject) => {
    of(link).waiters.set(entry.clientId, { resolve, reject });
  });
  dispatch({ type: 'outbox:add', entry });
  dispatch({ type: 'message:local', message: localMessageOf(entry, selectMeId(link.store.getState())) });
  void flushOutbox(link);
  return done;
}

/** The outbox's messages of one conversation as local messages (a thread loaded after a reload shows them). */
export function pendingMessagesOf(link: RelayLink, conversationId: string): Message[] {
  const state = link.store.getState();
  const me = selectMeId(state);
  return selectOutbox(state)
    .filter((e) => e.conversationId === conversationId)
    .map((e) => localMessageOf(e, me));
}

/** Sends what the outbox holds, in order, while connected; one flush at a time per connection. */
export async function flushOutbox(link: RelayLink): Promise<void> {
  const box = of(link);
  if (box.flushing) return;
  box.flushing = true;
  try {
    for (;;) {
      const state = link.store.getState();
      const entry = selectOutbox(state)[0];
      if (!entry || !selectLive(state)) return;
      const sent = await sendOne(link, box, entry);
      if (!sent) {
        // Not answered: try again a little later (a reconnect flushes sooner).
        box.retry ??= setTimeout(() => {
          box.retry = null;
          void flushOutbox(link);
        }, RETRY_MS);
        return;
      }
    }
  } finally {
    box.flushing = false;
  }
}

/** True when the entry is settled (stored, or refused for good); false to try again later. */
async function sendOne(link: RelayLink, box: LinkOutbox, entry: OutboxEntry): Promise<boolean> {
  const { dispatch } = link.store;
  const waiter = box.waiters.get(entry.clientId);
  try {
    const { message } = await command(link.socket(), 'message:send', {
      conversationId: entry.conversationId,
      text: entry.text,
      clientId: entry.clientId,
      ...(entry.confirmAssignedToOther ? { confirmAssignedToOther: true } : {}),
    });
    dispatch({ type: 'message:sent', message });
    dispatch({ type: 'outbox:remove', clientId: entry.clientId });
    box.waiters.delete(entry.clientId);
    waiter?.resolve();
    return true;
  } catch (error) {
    const code = error instanceof RelayError ? error.code : 'INTERNAL';
    if (TRANSIENT.has(code)) return false;
    dispatch({ type: 'outbox:remove', clientId: entry.clientId });
    box.waiters.delete(entry.clientId);
    const localId = `${LOCAL_ID_PREFIX}${entry.clientId}`;
    if (waiter) {
      // The composer that wrote it is still there: it shows why and gives the words back.
      dispatch({ type: 'message:discard', conversationId: entry.conversationId, messageId: localId });
      waiter.reject(error);
    } else {
      // Written before a reload: the thread keeps it, marked as not sent and why.
      const failed = localMessageOf(entry, selectMeId(link.store.getState()));
      const at = new Date().toISOString();
      dispatch({
        type: 'message:sent',
        message: {
          ...failed,
          status: 'failed',
          updatedAt: at,
          error: { code, message: (error as Error).message },
        },
      });
    }
    return true;
  }
}

/**
 * Brings back what the agent left unsent last time, keeps the outbox in storage as it changes, and
 * flushes it whenever the inbox is live again. Returns the stop.
 */
export function startOutbox(link: RelayLink, agentId: string): () => void {
  const { store } = link;
  const restored = readOutbox(agentId);
  if (restored.length > 0) store.dispatch({ type: 'outbox:restore', entries: restored });
  let entries = selectOutbox(store.getState());
  let live = selectLive(store.getState());
  const unsubscribe = store.subscribe(() => {
    const state = store.getState();
    const nextEntries = selectOutbox(state);
    if (nextEntries !== entries) {
      entries = nextEntries;
      writeOutbox(agentId, entries);
    }
    const nextLive = selectLive(state);
    if (nextLive && !live) void flushOutbox(link);
    live = nextLive;
  });
  void flushOutbox(link);
  return () => {
    unsubscribe();
    const box = perLink.get(link);
    if (box?.retry) clearTimeout(box.retry);
  };
}
