import { z } from 'zod';
import { CartLineSchema, buildCart, type CartItem } from '../../shared/domain/cart.js';
import { OrderItemWarningSchema } from '../../shared/domain/cart-from-order.js';
import type { CartView } from '../../shared/protocol/carts.js';

/** A cart as stored: its lines without totals (always computed), and its one currency. */
export const StoredCartSchema = z.object({
  conversationId: z.string().min(1),
  /** The currency of its lines; null while it is empty (the first product decides). */
  currency: z.string().nullable(),
  items: z.array(CartLineSchema.omit({ lineTotal: true })),
  warnings: z.array(OrderItemWarningSchema),
  updatedAt: z.iso.datetime(),
});
export type StoredCart = z.infer<typeof StoredCartSchema>;

/** An empty cart still has a currency to show a zero total in. */
const FALLBACK_CURRENCY = 'EUR';

export function cartView(stored: StoredCart | undefined): CartView {
  const items: CartItem[] = stored?.items ?? [];
  const cart = buildCart(items, stored?.currency ?? items[0]?.unitPrice.currency ?? FALLBACK_CURRENCY);
  return { ...cart, warnings: stored?.warnings ?? [], updatedAt: stored?.updatedAt ?? null };
}
