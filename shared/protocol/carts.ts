import { z } from 'zod';
import { CartSchema, SetCartQuantitySchema } from '../domain/cart.js';
import { OrderItemWarningSchema } from '../domain/cart-from-order.js';
import { MessageSchema } from '../domain/message.js';
import { ConversationRefSchema } from './conversations.js';
import type { CommandSpecs, EventSchemas } from './spec.js';

/*
 * The conversation's cart: PRODUCT.md's `{items, total, vat}` (every amount `{amount, currency}`),
 * plus what the agent should look at when it came from the customer's own WhatsApp order.
 */

export const ProductIdSchema = z.string().min(1).max(100);

export const CartViewSchema = CartSchema.extend({
  /** Left from the customer's WhatsApp order: unknown, archived, out-of-stock or repriced items. */
  warnings: z.array(OrderItemWarningSchema),
  updatedAt: z.iso.datetime().nullable(),
});
export type CartView = z.infer<typeof CartViewSchema>;

export const CartResponseSchema = z.object({ cart: CartViewSchema });
export { SetCartQuantitySchema };

export const CartItemParamsSchema = z.object({ id: z.string().min(1).max(100), productId: ProductIdSchema });

export const SetCartItemCommandSchema = ConversationRefSchema.extend({ productId: ProductIdSchema }).extend(
  SetCartQuantitySchema.shape,
);

export const CartUpdateEventSchema = z.object({ conversationId: z.string(), cart: CartViewSchema });
export type CartUpdateEvent = z.infer<typeof CartUpdateEventSchema>;

export const cartCommands = {
  'cart:get': { request: ConversationRefSchema, response: CartResponseSchema },
  /** Sets one product's quantity (0 removes it): absolute, so two agents never undo each other. */
  'cart:setItem': { request: SetCartItemCommandSchema, response: CartResponseSchema },
  /** Sends the cart's lines, VAT and total to the customer as a text, as the caller. */
  'cart:sendSummary': { request: ConversationRefSchema, response: z.object({ message: MessageSchema }) },
} satisfies CommandSpecs;

export const cartEvents = {
  /** The cart of a conversation this socket may see changed (anyone's edit, a customer's order). */
  'cart:update': CartUpdateEventSchema,
} satisfies EventSchemas;
