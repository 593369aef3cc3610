import type { Message } from '../../shared/domain/message.js';

/*
 * Merging messages into a thread without ever showing one twice: by id, and an optimistic
 * local message (id `local:…`) by the clientId the relay echoes back.
 */

export const LOCAL_ID_PREFIX = 'local:';

type Messages = readonly Message[];

export function isLocalMessage(message: Message): boolean {
  return message.id.startsWith(LOCAL_ID_PREFIX);
}

/**
 * By the relay's order of arrival (`seq`), not by time: WhatsApp's times are whole seconds and can
 * tie or disagree with ours. A local message has no place yet: it goes after the relay's ones.
 */
export function compareMessages(a: Message, b: Message): number {
  if (isLocalMessage(a) !== isLocalMessage(b)) return isLocalMessage(a) ? 1 : -1;
  if (isLocalMessage(a)) return Date.parse(a.createdAt) - Date.parse(b.createdAt);
  return a.seq - b.seq;
}

/** Messages nearly always concern the end of a thread: every search starts there. */
function lastIndexWhere(messages: Messages, test: (message: Message) => boolean): number {
  for (let i = messages.length - 1; i >= 0; i--) if (test(messages[i] as Message)) return i;
  return -1;
}

function insertSorted(messages: Messages, message: Message): Message[] {
  let index = messages.length;
  while (index > 0 && compareMessages(messages[index - 1] as Message, message) > 0) index--;
  const next = messages.slice();
  next.splice(index, 0, message);
  return next;
}

/** Adds or updates one message; returns the same array when nothing changes. */
export function upsertMessage(messages: Messages, message: Message): Messages {
  const sameId = lastIndexWhere(messages, (m) => m.id === message.id);
  if (sameId !== -1) {
    const existing = messages[sameId] as Message;
    // Status webhooks can arrive out of order: an older version never replaces a newer one. The
    // same version again (a page fetched after a reconnect) keeps its object, so its row stays.
    const age = Date.parse(existing.updatedAt) - Date.parse(message.updatedAt);
    if (age > 0 || (age === 0 && existing.status === message.status)) return messages;
    const next = messages.slice();
    next[sameId] = message;
    return next;
  }
  const { clientId } = message;
  if (clientId === undefined) return insertSorted(messages, message);
  const local = isLocalMessage(message);
  if (local && lastIndexWhere(messages, (m) => !isLocalMessage(m) && m.clientId === clientId) !== -1) {
    return messages; // the relay's copy is already here
  }
  const withoutLocal = local ? messages : messages.filter((m) => !(isLocalMessage(m) && m.clientId === clientId));
  return insertSorted(withoutLocal, message);
}

/** An older page goes before what is loaded (skipping anything already there). */
export function mergeOlderPage(messages: Messages, older: Messages): Message[] {
  const known = new Set(messages.map((m) => m.id));
  return [...older.filter((m) => !known.has(m.id)), ...messages].sort(compareMessages);
}

/**
 * The latest page fetched again after a reconnect. When it does not reach back to what was
 * loaded (more was missed than one page), the old messages are dropped so no gap is shown.
 */
export function mergeLatestPage(
  messages: Messages,
  hasMore: boolean,
  latest: Messages,
  latestHasMore: boolean,
): { messages: Messages; hasMore: boolean } {
  const server = messages.filter((m) => !isLocalMessage(m));
  const local = messages.filter(isLocalMessage);
  const newestLoaded = server.at(-1);
  const oldestFetched = [...latest].sort(compareMessages)[0];
  const gap =
    latestHasMore &&
    newestLoaded !== undefined &&
    oldestFetched !== undefined &&
    compareMessages(oldestFetched, newestLoaded) > 0;
  let merged: Messages = gap ? [] : server;
  for (const message of latest) merged = upsertMessage(merged, message);
  for (const message of local) merged = upsertMessage(merged, message);
  return { messages: merged, hasMore: gap ? latestHasMore : hasMore || (server.length === 0 && latestHasMore) };
}
