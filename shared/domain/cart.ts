import { z } from 'zod';
import { MoneySchema, multiplyMoney, sumMoney, type Money } from '../money.js';
import { VatRateSchema, splitVat } from '../vat.js';
import { SkuSchema, type Product } from './catalog.js';

/*
 * A conversation's cart, in PRODUCT.md's shape. A line keeps the product's name, price and VAT rate
 * as they were when it was set, so the cart the customer was shown does not change under them; it
 * also carries `vatRate`, which the VAT split needs. A cart has one currency: the shop's.
 */

/** Stripe Checkout takes at most 100 line items; a chat cart never needs more. */
export const MAX_CART_LINES = 100;
export const MAX_LINE_QUANTITY = 999;

const QuantitySchema = z.number().int().min(1).max(MAX_LINE_QUANTITY);

export const CartLineSchema = z.object({
  productId: z.string().min(1),
  sku: SkuSchema,
  name: z.string(),
  quantity: QuantitySchema,
  unitPrice: MoneySchema,
  lineTotal: MoneySchema,
  vatRate: VatRateSchema,
});
export type CartLine = z.infer<typeof CartLineSchema>;

/** A line as stored and edited: everything but the total, which is always computed. */
export type CartItem = Omit<CartLine, 'lineTotal'>;

export const VatAmountSchema = z.object({ rate: VatRateSchema, amount: MoneySchema });
export type VatAmount = z.infer<typeof VatAmountSchema>;

export const CartSchema = z.object({
  items: z.array(CartLineSchema).max(MAX_CART_LINES),
  total: MoneySchema,
  vat: z.array(VatAmountSchema),
});
export type Cart = z.infer<typeof CartSchema>;

/** `PUT …/cart/items/:productId {quantity}`: 0 removes the line. */
export const SetCartQuantitySchema = z.object({ quantity: z.number().int().min(0).max(MAX_LINE_QUANTITY) });

export type CartErrorCode = 'TOO_MANY_LINES' | 'QUANTITY_OUT_OF_RANGE' | 'PRODUCT_ARCHIVED' | 'CURRENCY_MISMATCH';

export class CartError extends Error {
  override name = 'CartError';
  constructor(
    readonly code: CartErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function lineTotal(unitPrice: Money, quantity: number): Money {
  return multiplyMoney(unitPrice, quantity);
}

/** The cart with its line totals, total and VAT split; every line must be in `currency`. */
export function buildCart(items: readonly CartItem[], currency: string): Cart {
  const lines = items.map((item) => ({ ...item, lineTotal: lineTotal(item.unitPrice, item.quantity) }));
  for (const line of lines) {
    if (line.unitPrice.currency !== currency) {
      throw new CartError(
        'CURRENCY_MISMATCH',
        `${line.name} is priced in ${line.unitPrice.currency}, and this cart is in ${currency}`,
      );
    }
  }
  const vat = splitVat(
    lines.map((line) => ({ gross: line.lineTotal, vatRate: line.vatRate })),
    currency,
  );
  return {
    items: lines,
    total: sumMoney(
      lines.map((line) => line.lineTotal),
      currency,
    ),
    vat: vat.map((part) => ({ rate: part.rate, amount: part.vat })),
  };
}

/**
 * Sets one product's quantity (0 removes it) and returns the new items, in the order lines were
 * first added. The line takes the product as it is now. Absolute quantities, not increments: two
 * agents setting different products never undo each other, and a repeated request changes nothing.
 */
export function setCartItem(
  items: readonly CartItem[],
  product: Pick<Product, 'id' | 'sku' | 'name' | 'price' | 'vatRate' | 'visibility'>,
  quantity: number,
  currency: string,
): CartItem[] {
  if (!Number.isInteger(quantity) || quantity < 0 || quantity > MAX_LINE_QUANTITY) {
    throw new CartError('QUANTITY_OUT_OF_RANGE', `A quantity is a whole number from 0 to ${MAX_LINE_QUANTITY}`);
  }
  const index = items.findIndex((item) => item.productId === product.id);
  if (quantity === 0) return items.filter((item) => item.productId !== product.id);
  if (product.visibility === 'archived') {
    throw new CartError('PRODUCT_ARCHIVED', `${product.name} is archived and cannot be added to a cart`);
  }
  if (product.price.currency !== currency) {
    throw new CartError(
      'CURRENCY_MISMATCH',
      `${product.name} is priced in ${product.price.currency}, and this cart is in ${currency}`,
    );
  }
  if (index === -1 && items.length >= MAX_CART_LINES) {
    throw new CartError('TOO_MANY_LINES', `A cart holds at most ${MAX_CART_LINES} different products`);
  }
  const line: CartItem = {
    productId: product.id,
    sku: product.sku,
    name: product.name,
    quantity,
    unitPrice: product.price,
    vatRate: product.vatRate,
  };
  return index === -1 ? [...items, line] : items.map((item, i) => (i === index ? line : item));
}
