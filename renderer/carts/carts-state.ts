import type { CartView } from '../../shared/protocol/carts.js';
import type { InboxAction, InboxState } from '../inbox/inbox-store';

/* The carts of the conversations this app has opened, as the relay last said. */

export interface CartsState {
  byConversation: ReadonlyMap<string, CartView>;
}

export type CartsAction = { type: 'cart:loaded'; conversationId: string; cart: CartView };

export const initialCartsState: CartsState = { byConversation: new Map() };

function put(state: CartsState, conversationId: string, cart: CartView): CartsState {
  const known = state.byConversation.get(conversationId);
  // A command's answer can arrive after a newer event: the later change wins.
  if (known?.updatedAt && cart.updatedAt && known.updatedAt > cart.updatedAt) return state;
  const byConversation = new Map(state.byConversation);
  byConversation.set(conversationId, cart);
  return { byConversation };
}

export function reduceCarts(state: CartsState, action: InboxAction): CartsState {
  switch (action.type) {
    case 'cart:loaded':
      return put(state, action.conversationId, action.cart);
    case 'cart:update':
      return put(state, action.event.conversationId, action.event.cart);
    case 'inbox:synced':
      // After a reconnect, whatever was missed is fetched again by the open conversation.
      return state.byConversation.size === 0 ? state : initialCartsState;
    case 'conversation:remove': {
      if (!state.byConversation.has(action.event.id)) return state;
      const byConversation = new Map(state.byConversation);
      byConversation.delete(action.event.id);
      return { byConversation };
    }
    default:
      return state;
  }
}

export const selectCart = (state: InboxState, conversationId: string): CartView | undefined =>
  state.carts.byConversation.get(conversationId);
