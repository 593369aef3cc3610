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

export function buildRows(messages: readonly Message[]): Row[] {
  const rows: Row[] = [];
  let previous: Message | null = null;
  for (const message of messages) {
    const dayStart = previous === null || dayKey(previous.createdAt) !== dayKey(message.createdAt);
    const groupStart =
      dayStart ||
      previous === null ||
      previous.direction !== message.direction ||
      previous.authorId !== message.authorId ||
      Date.parse(message.createdAt) - Date.parse(previous.createdAt) > GROUP_GAP_MS;
    // Keyed by clientId when there is one, so the relay's copy replacing a local one keeps its row.
    rows.push({ key: `m:${message.clientId ?? message.id}`, message, dayStart, groupStart });
    previous = message;
  }
  return rows;
}
