import { z } from 'zod';
import { MoneySchema, type Money } from '../money.js';
import { MAX_CART_LINES, MAX_LINE_QUANTITY, type CartItem } from './cart.js';
import { orderability, type Product } from './catalog.js';

/*
 * A WhatsApp `order` (the customer's own cart from a catalog message) becomes the conversation's
 * cart. Items are matched by retailer id = SKU and priced from the catalog, not from the message:
 * Meta's catalog may lag behind the shop's. Whatever the agent should look at is a warning; an item
 * the relay cannot price (unknown, archived, other currency) is left out of the cart.
 */

export interface OrderMessageItem {
  productRetailerId: string;
  quantity: number;
  unitPrice: Money;
}

const named = { sku: z.string(), name: z.string() };

/** What the agent should look at in a customer's order; `sku` is the retailer id they ordered. */
export const OrderItemWarningSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('unknown'), sku: z.string() }),
  z.object({ kind: z.literal('archived'), ...named }),
  z.object({ kind: z.literal('currency_mismatch'), ...named, currency: z.string() }),
  z.object({ kind: z.literal('out_of_stock'), ...named }),
  z.object({ kind: z.literal('insufficient_stock'), ...named, stock: z.number().int(), quantity: z.number().int() }),
  z.object({ kind: z.literal('price_changed'), ...named, customerSaw: MoneySchema, catalogPrice: MoneySchema }),
  z.object({ kind: z.literal('quantity_limited'), ...named, quantity: z.number().int() }),
  z.object({ kind: z.literal('too_many_items'), sku: z.string() }),
]);
export type OrderItemWarning = z.infer<typeof OrderItemWarningSchema>;

export interface CartFromOrder {
  items: CartItem[];
  warnings: OrderItemWarning[];
}

/** Repeated retailer ids in one order are one line with the quantities added. */
function merged(items: readonly OrderMessageItem[]): OrderMessageItem[] {
  const bySku = new Map<string, OrderMessageItem>();
  for (const item of items) {
    const seen = bySku.get(item.productRetailerId);
    bySku.set(item.productRetailerId, seen ? { ...seen, quantity: seen.quantity + item.quantity } : item);
  }
  return [...bySku.values()].filter((item) => item.quantity > 0);
}

export function cartFromOrderMessage(
  orderItems: readonly OrderMessageItem[],
  findBySku: (sku: string) => Product | undefined,
  currency: string,
): CartFromOrder {
  const items: CartItem[] = [];
  const warnings: OrderItemWarning[] = [];
  for (const item of merged(orderItems)) {
    const sku = item.productRetailerId;
    const product = findBySku(sku);
    if (!product) {
      warnings.push({ kind: 'unknown', sku });
      continue;
    }
    const { name, price } = product;
    if (product.visibility === 'archived') {
      warnings.push({ kind: 'archived', sku, name });
      continue;
    }
    if (price.currency !== currency) {
      warnings.push({ kind: 'currency_mismatch', sku, name, currency: price.currency });
      continue;
    }
    if (items.length >= MAX_CART_LINES) {
      warnings.push({ kind: 'too_many_items', sku });
      continue;
    }
    const quantity = Math.min(item.quantity, MAX_LINE_QUANTITY);
    if (quantity < item.quantity) warnings.push({ kind: 'quantity_limited', sku, name, quantity });
    const stock = orderability(product, quantity);
    if (stock === 'out_of_stock') warnings.push({ kind: 'out_of_stock', sku, name });
    if (stock === 'insufficient_stock') {
      warnings.push({ kind: 'insufficient_stock', sku, name, stock: product.stock ?? 0, quantity });
    }
    if (item.unitPrice.amount !== price.amount || item.unitPrice.currency !== price.currency) {
      warnings.push({ kind: 'price_changed', sku, name, customerSaw: item.unitPrice, catalogPrice: price });
    }
    items.push({ productId: product.id, sku, name, quantity, unitPrice: price, vatRate: product.vatRate });
  }
  return { items, warnings };
}
