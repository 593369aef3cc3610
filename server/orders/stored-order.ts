import { z } from 'zod';
import { OrderSchema, type Order } from '../../shared/domain/order.js';
import type { OrderView } from '../../shared/protocol/orders.js';

/** An order as stored: the domain's order, and when what follows a payment was done. */
export const StoredOrderSchema = OrderSchema.extend({
  /** Set once the confirmation is queued and the stock taken: a paid order without it is resumed. */
  fulfilledAt: z.iso.datetime().nullable(),
});
export type StoredOrder = z.infer<typeof StoredOrderSchema>;

export function orderView(order: Order, customerName: string): OrderView {
  return {
    id: order.id,
    conversationId: order.conversationId,
    status: order.status,
    items: order.items,
    total: order.total,
    vat: order.vat,
    provider: order.provider,
    payLink: order.payLink,
    paymentUrl: order.paymentUrl,
    customerName,
    createdAt: order.createdAt,
    updatedAt: order.updatedAt,
    paidAt: order.paidAt,
    replacedBy: order.replacedBy,
  };
}

/** Two carts are the same order when they hold the same products, quantities and prices. */
export function sameLines(a: Order['items'], b: readonly Omit<Order['items'][number], 'lineTotal'>[]): boolean {
  return (
    a.length === b.length &&
    a.every((line, i) => {
      const other = b[i];
      return (
        other !== undefined &&
        line.productId === other.productId &&
        line.quantity === other.quantity &&
        line.unitPrice.amount === other.unitPrice.amount &&
        line.unitPrice.currency === other.unitPrice.currency
      );
    })
  );
}
