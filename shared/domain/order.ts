import { z } from 'zod';
import { MoneySchema } from '../money.js';
import { CartLineSchema, VatAmountSchema, type Cart } from './cart.js';

/*
 * An order is a cart frozen for payment. It is paid through attempts: each attempt is one payment
 * at the provider (a Mollie payment, a Stripe Checkout Session, a sandbox payment). A checkout
 * expires; the customer's link does not: it is the relay's `payLink`, which sends them to the live
 * attempt or starts the next one (see server/payments/order-payments.ts). `paymentUrl` is the
 * current attempt's checkout URL, as PRODUCT.md's REST answers name it.
 */

export const OrderStatusSchema = z.enum(['awaiting_payment', 'paid', 'expired', 'canceled', 'failed']);
export type OrderStatus = z.infer<typeof OrderStatusSchema>;

export const PaymentProviderNameSchema = z.enum(['mollie', 'stripe', 'sandbox']);
export type PaymentProviderName = z.infer<typeof PaymentProviderNameSchema>;

/** A payment's status at its provider, in Mollie's words (the Stripe adapter maps onto them). */
export const PaymentStatusSchema = z.enum(['open', 'pending', 'authorized', 'paid', 'canceled', 'expired', 'failed']);
export type PaymentStatus = z.infer<typeof PaymentStatusSchema>;

export const PaymentAttemptSchema = z.object({
  number: z.number().int().positive(),
  provider: PaymentProviderNameSchema,
  /** `<orderId>-<number>`: a retried create after a crash or timeout is the same payment. */
  idempotencyKey: z.string().min(1).max(255),
  /** Null between asking the provider and hearing back: the attempt is then retried, same key. */
  paymentId: z.string().nullable(),
  checkoutUrl: z.string().nullable(),
  status: PaymentStatusSchema,
  /** What the relay asked for (Stripe, sandbox) or the provider said (Mollie); null when unknown. */
  expiresAt: z.iso.datetime({ offset: true }).nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type PaymentAttempt = z.infer<typeof PaymentAttemptSchema>;

export const OrderSchema = z.object({
  id: z.string().min(1),
  conversationId: z.string().min(1),
  status: OrderStatusSchema,
  items: z.array(CartLineSchema).min(1),
  total: MoneySchema,
  vat: z.array(VatAmountSchema),
  provider: PaymentProviderNameSchema,
  /** The relay's stable URL the customer gets: it outlives every checkout. */
  payLink: z.url(),
  paymentUrl: z.string().nullable(),
  attempts: z.array(PaymentAttemptSchema),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  paidAt: z.iso.datetime().nullable(),
  /** After this the link starts no new payment (prices and stock move on); a live checkout still works. */
  payableUntil: z.iso.datetime(),
  /**
   * The newer order of the same chat that took this one's place (the cart changed and a new link
   * went out): this one is canceled and its link sends nobody to pay. Money that still arrives wins.
   */
  replacedBy: z.string().nullable().default(null),
});
export type Order = z.infer<typeof OrderSchema>;

/** A week: long enough for "I'll pay tonight", short enough that prices and stock still hold. */
export const DEFAULT_PAYABLE_FOR_MS = 7 * 24 * 60 * 60 * 1000;

export type OrderErrorCode = 'EMPTY_CART' | 'NOTHING_TO_PAY';

export class OrderError extends Error {
  override name = 'OrderError';
  constructor(
    readonly code: OrderErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * What an order's status is while this is its latest attempt's status. Mollie's `authorized`
 * (Klarna, manual capture) is money reserved, not taken: the order still awaits payment.
 */
export function orderStatusOf(payment: PaymentStatus): OrderStatus {
  switch (payment) {
    case 'open':
    case 'pending':
    case 'authorized':
      return 'awaiting_payment';
    case 'paid':
    case 'canceled':
    case 'expired':
    case 'failed':
      return payment;
  }
}

export interface NewOrder {
  id: string;
  conversationId: string;
  cart: Cart;
  provider: PaymentProviderName;
  payLink: string;
  now: number;
  payableForMs?: number;
}

export function createOrder(input: NewOrder): Order {
  const { cart } = input;
  if (cart.items.length === 0) throw new OrderError('EMPTY_CART', 'The cart is empty: add products first');
  if (cart.total.amount <= 0) throw new OrderError('NOTHING_TO_PAY', 'The cart total is zero: there is nothing to pay');
  const at = new Date(input.now).toISOString();
  return {
    id: input.id,
    conversationId: input.conversationId,
    status: 'awaiting_payment',
    items: cart.items,
    total: cart.total,
    vat: cart.vat,
    provider: input.provider,
    payLink: input.payLink,
    paymentUrl: null,
    attempts: [],
    createdAt: at,
    updatedAt: at,
    paidAt: null,
    payableUntil: new Date(input.now + (input.payableForMs ?? DEFAULT_PAYABLE_FOR_MS)).toISOString(),
    replacedBy: null,
  };
}
