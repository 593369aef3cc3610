import type { ConversationStatus, ConversationSummary } from '../../shared/domain/conversation.js';
import type { InboxView } from '../../shared/protocol/conversations.js';

/** What the list shows: a view (tab) and optional status and label filters. */
export interface ListFilter {
  view: InboxView;
  status: ConversationStatus | null;
  label: string | null;
}

export const NO_FILTER: ListFilter = { view: 'all', status: null, label: null };

export const isUnfiltered = (f: ListFilter): boolean => f.view === 'all' && f.status === null && f.label === null;

export function matchesView(c: ConversationSummary, view: InboxView, meId: string | null): boolean {
  if (view === 'mine') return c.assigneeId !== null && c.assigneeId === meId;
  if (view === 'unassigned') return c.assigneeId === null;
  return true;
}

/** The conversations of `order` the filter keeps, in the same order (the same array when it keeps all). */
export function filterConversations(
  order: readonly ConversationSummary[],
  filter: ListFilter,
  meId: string | null,
): readonly ConversationSummary[] {
  if (isUnfiltered(filter)) return order;
  return order.filter(
    (c) =>
      matchesView(c, filter.view, meId) &&
      (filter.status === null || c.status === filter.status) &&
      (filter.label === null || c.labels.includes(filter.label)),
  );
}
