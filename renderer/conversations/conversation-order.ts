import { compareConversations, type ConversationSummary } from '../../shared/domain/conversation.js';

/*
 * The list's order kept as a sorted array (compareConversations: latest activity first), moved
 * one conversation at a time. A message moves its conversation, so this runs per message: the
 * place is found by binary search and the array is copied once, never sorted again.
 */

type Order = readonly ConversationSummary[];

/** How many entries sort before `item`. */
function lowerBound(order: Order, item: ConversationSummary): number {
  let low = 0;
  let high = order.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const other = order[mid];
    if (other !== undefined && compareConversations(other, item) < 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Where `item` is, found by its sort key (`order` holds that very version of it), or -1. */
function indexOf(order: Order, item: ConversationSummary): number {
  const index = lowerBound(order, item);
  return order[index]?.id === item.id ? index : order.findIndex((c) => c.id === item.id);
}

export function sortConversations(list: Order): ConversationSummary[] {
  return [...list].sort(compareConversations);
}

/** `order` with `next` in its place, and `previous` (the version `order` holds, if any) gone. */
export function reposition(
  order: Order,
  previous: ConversationSummary | undefined,
  next: ConversationSummary,
): ConversationSummary[] {
  const from = previous === undefined ? -1 : indexOf(order, previous);
  const bound = lowerBound(order, next);
  const result = order.slice();
  if (from === -1) {
    result.splice(bound, 0, next);
    return result;
  }
  // `previous` was counted among those before `next` when it lies before the bound.
  const to = from < bound ? bound - 1 : bound;
  // Shift what lies between the old place and the new one by one slot.
  if (to < from) result.copyWithin(to + 1, to, from);
  else if (to > from) result.copyWithin(from, from + 1, to + 1);
  result[to] = next;
  return result;
}

export function without(order: Order, previous: ConversationSummary): Order {
  const index = indexOf(order, previous);
  if (index === -1) return order;
  const result = order.slice();
  result.splice(index, 1);
  return result;
}
