import { z } from 'zod';
import { CartLineSchema, VatAmountSchema } from '../domain/cart.js';
import { OrderStatusSchema, PaymentProviderNameSchema } from '../domain/order.js';
import { MoneySchema } from '../money.js';
import { ConversationIdSchema, ConversationRefSchema } from './conversations.js';
import type { CommandSpecs, EventSchemas } from './spec.js';

/*
 * Orders as agents see them (PRODUCT.md: `{id, conversationId, status, items, total, paymentUrl,
 * provider}`), without the payment attempts' bookkeeping. `payLink` is the relay's stable link the
 * customer got; `paymentUrl` the live checkout behind it, if any.
 */

export const OrderViewSchema = z.object({
  id: z.string(),
  conversationId: z.string(),
  status: OrderStatusSchema,
  items: z.array(CartLineSchema),
  total: MoneySchema,
  vat: z.array(VatAmountSchema),
  provider: PaymentProviderNameSchema,
  payLink: z.string(),
  paymentUrl: z.string().nullable(),
  customerName: z.string(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  paidAt: z.iso.datetime().nullable(),
  /** The newer order of the chat that took this unpaid one's place (it is then canceled). */
  replacedBy: z.string().nullable(),
});
export type OrderView = z.infer<typeof OrderViewSchema>;

export const PaymentLinkRequestSchema = z.object({ provider: PaymentProviderNameSchema.optional() });

export const OrderResponseSchema = z.object({ order: OrderViewSchema });
export const OrderListResponseSchema = z.object({ orders: z.array(OrderViewSchema) });

export const OrderListQuerySchema = z.object({
  conversationId: ConversationIdSchema.optional(),
  status: OrderStatusSchema.optional(),
});

export const RequestPaymentCommandSchema = ConversationRefSchema.extend(PaymentLinkRequestSchema.shape);

export const orderCommands = {
  /** The cart becomes an order and the customer gets the payment link; the same cart twice is one order. */
  'order:requestPayment': { request: RequestPaymentCommandSchema, response: OrderResponseSchema },
  /** Orders of the conversations the caller may see, newest first. */
  'order:list': { request: OrderListQuerySchema, response: OrderListResponseSchema },
} satisfies CommandSpecs;

export const orderEvents = {
  /** An order of a conversation this socket may see was created or changed status. */
  'order:update': OrderViewSchema,
} satisfies EventSchemas;
