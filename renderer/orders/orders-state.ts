import type { OrderView } from '../../shared/protocol/orders.js';
import type { InboxAction, InboxState } from '../inbox/inbox-store';

/* The orders this app knows of: all the caller may see once loaded, and every live change. */

export interface OrdersState {
  byId: ReadonlyMap<string, OrderView>;
  /** The whole list was fetched since the last (re)connect. */
  loaded: boolean;
}

export type OrdersAction =
  | { type: 'orders:loaded'; orders: OrderView[] }
  /** Some orders (one conversation's), merged into what is known. */
  | { type: 'orders:merged'; orders: OrderView[] }
  | { type: 'order:loaded'; order: OrderView };

export const initialOrdersState: OrdersState = { byId: new Map(), loaded: false };

function put(state: OrdersState, order: OrderView): OrdersState {
  const known = state.byId.get(order.id);
  if (known && known.updatedAt > order.updatedAt) return state;
  const byId = new Map(state.byId);
  byId.set(order.id, order);
  return { ...state, byId };
}

export function reduceOrders(state: OrdersState, action: InboxAction): OrdersState {
  switch (action.type) {
    case 'orders:loaded': {
      let next: OrdersState = { byId: new Map(), loaded: true };
      for (const order of action.orders) next = put(next, order);
      // Live changes that came in while the list was on its way stay.
      for (const order of state.byId.values()) next = put(next, order);
      return next;
    }
    case 'orders:merged':
      return action.orders.reduce(put, state);
    case 'order:loaded':
      return put(state, action.order);
    case 'order:update':
      return put(state, action.event);
    case 'inbox:synced':
      return state.loaded || state.byId.size > 0 ? initialOrdersState : state;
    default:
      return state;
  }
}

export const selectOrdersLoaded = (state: InboxState): boolean => state.orders.loaded;
export const selectOrderMap = (state: InboxState): ReadonlyMap<string, OrderView> => state.orders.byId;

/** Newest first. */
export function sortedOrders(orders: ReadonlyMap<string, OrderView>, conversationId?: string): OrderView[] {
  return [...orders.values()]
    .filter((order) => conversationId === undefined || order.conversationId === conversationId)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
}
