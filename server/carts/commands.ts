import type { FeatureHandlers } from '../realtime/caller.js';
import type { CartService } from './cart-service.js';

export function cartHandlers(carts: CartService): FeatureHandlers<'cart:get' | 'cart:setItem' | 'cart:sendSummary'> {
  return {
    'cart:get': ({ conversationId }, { agent }) => ({ cart: carts.view(agent, conversationId) }),
    'cart:setItem': async ({ conversationId, productId, quantity }, { agent }) => ({
      cart: await carts.setItem(agent, conversationId, productId, quantity),
    }),
    'cart:sendSummary': async ({ conversationId }, { agent }) => ({
      message: await carts.sendSummary(agent, conversationId),
    }),
  };
}
