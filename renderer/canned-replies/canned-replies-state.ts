import type { CannedReply } from '../../shared/domain/canned-reply.js';
import type { InboxAction, InboxState } from '../inbox/inbox-store';

/* The shop's canned replies, sorted by shortcut, as the relay last said. */

export interface CannedRepliesState {
  items: readonly CannedReply[];
}

export type CannedRepliesAction = { type: 'cannedReplies:loaded'; cannedReplies: readonly CannedReply[] };

export const initialCannedRepliesState: CannedRepliesState = { items: [] };

export function reduceCannedReplies(state: CannedRepliesState, action: InboxAction): CannedRepliesState {
  switch (action.type) {
    case 'cannedReplies:loaded':
      return { items: action.cannedReplies };
    case 'cannedReplies:changed':
      return { items: action.event.cannedReplies };
    default:
      return state;
  }
}

export const selectCannedReplies = (state: InboxState): readonly CannedReply[] => state.cannedReplies.items;

/** The replies offered for `/query`: shortcuts starting with it first, then those containing it. */
export function matchCannedReplies(replies: readonly CannedReply[], query: string, limit = 8): CannedReply[] {
  const q = query.toLowerCase();
  const starts = replies.filter((r) => r.shortcut.toLowerCase().startsWith(q));
  const contains = replies.filter(
    (r) =>
      !r.shortcut.toLowerCase().startsWith(q) &&
      (r.shortcut.toLowerCase().includes(q) || r.text.toLowerCase().includes(q)),
  );
  return [...starts, ...contains].slice(0, limit);
}

/** The `/query` being typed just before the caret, if any (a slash at the start or after a space). */
export function slashQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const match = /(^|\s)\/([\p{L}\p{N}_-]*)$/u.exec(text.slice(0, caret));
  if (!match) return null;
  const query = match[2] ?? '';
  return { start: caret - query.length - 1, query };
}
