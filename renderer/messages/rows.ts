import type { Message } from '../../shared/domain/message.js';
import { dayKey } from '../i18n/format';

/**
 * One row of the virtualised message list: a message, with the day separator drawn above it
 * when it is the first of its day. Separators are not rows of their own, so every row is keyed
 * by a message and the list can keep its place when older history is prepended.
 */
export interface Row {
  key: string;
  message: Message;
  /** First message of a calendar day: the row shows the day separator above it. */
  dayStart: boolean;
  /** First of a run from the same side within a few minutes (tighter spacing inside a run). */
  groupStart: boolean;
}

const GROUP_GAP_MS = 5 * 60_000;

function rowOf(message: Message, previous: Message | undefined): Row {
  const dayStart = previous === undefined || dayKey(previous.createdAt) !== dayKey(message.createdAt);
  const groupStart =
    dayStart ||
    previous.direction !== message.direction ||
    previous.authorId !== message.authorId ||
    Date.parse(message.createdAt) - Date.parse(previous.createdAt) > GROUP_GAP_MS;
  // Keyed by clientId when there is one, so the relay's copy replacing a local one keeps its row.
  return { key: `m:${message.clientId ?? message.id}`, message, dayStart, groupStart };
}

/**
 * The rows for `messages`. Given the rows built last time, the leading rows whose messages are
 * the same objects are kept as they were: a new message or a tick rebuilds only from there on.
 */
export function buildRows(messages: readonly Message[], previous: readonly Row[] = []): readonly Row[] {
  let same = 0;
  while (same < messages.length && same < previous.length && previous[same]?.message === messages[same]) same++;
  if (same === messages.length && same === previous.length) return previous;
  const rows = previous.slice(0, same);
  for (let i = same; i < messages.length; i++) rows.push(rowOf(messages[i] as Message, messages[i - 1]));
  return rows;
}
