import type { FeatureHandlers } from '../realtime/caller.js';
import type { OrderService } from './order-service.js';

export function orderHandlers(orders: OrderService): FeatureHandlers<'order:requestPayment' | 'order:list'> {
  return {
    'order:requestPayment': async ({ conversationId, provider }, { agent }) => ({
      order: await orders.requestPayment(agent, conversationId, provider),
    }),
    'order:list': (query, { agent }) => ({ orders: orders.list(agent, query) }),
  };
}
