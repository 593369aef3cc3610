import { z } from 'zod';
import { MoneySchema } from '../money.js';

export const MessageDirectionSchema = z.enum(['in', 'out']);

/** `received` is every inbound message; the rest follow an outbound one through WhatsApp. */
export const MessageStatusSchema = z.enum(['received', 'pending', 'sent', 'delivered', 'read', 'failed']);
export type MessageStatus = z.infer<typeof MessageStatusSchema>;

/** The WhatsApp message types the inbox knows how to show; anything else is `unsupported`. */
export const MessageTypeSchema = z.enum([
  'text',
  'image',
  'video',
  'audio',
  'document',
  'sticker',
  'location',
  'reaction',
  'order',
  'interactive',
  'button',
  'contacts',
  'unsupported',
  /** A line about the conversation itself (the customer changed number, …), not a WhatsApp message. */
  'system',
  /** A private note by an agent for the team: never sent to WhatsApp. */
  'note',
]);
export type MessageType = z.infer<typeof MessageTypeSchema>;

export const MessageErrorSchema = z.object({ code: z.union([z.number(), z.string()]), message: z.string() });
export type MessageError = z.infer<typeof MessageErrorSchema>;

/** What a system line is about. */
export const SystemEventSchema = z.enum([
  'contact_number_changed',
  'contact_user_id_changed',
  /** The conversation's status changed (`from` → `to`). */
  'status_changed',
  /** The assignee changed (`from` → `to`, agent ids, null: nobody). */
  'assignee_changed',
]);
export type SystemEvent = z.infer<typeof SystemEventSchema>;

/** A product as a card showed it when it was sent (the catalog may change later; the message does not). */
export const ProductCardItemSchema = z.object({
  productId: z.string(),
  sku: z.string(),
  name: z.string(),
  price: MoneySchema,
  imageUrl: z.string().nullable(),
  /** Its page in the hosted shop. */
  url: z.string(),
});
export type ProductCardItem = z.infer<typeof ProductCardItemSchema>;

/** Type-specific detail beyond `text`; `text` always holds what a person reads first (body, caption, title). */
export const MessageContentSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('media'),
    mediaId: z.string(),
    mimeType: z.string().optional(),
    filename: z.string().optional(),
    voice: z.boolean().optional(),
  }),
  z.object({
    kind: z.literal('location'),
    latitude: z.number(),
    longitude: z.number(),
    name: z.string().optional(),
    address: z.string().optional(),
  }),
  z.object({ kind: z.literal('reaction'), emoji: z.string().nullable(), targetWaMessageId: z.string() }),
  z.object({
    kind: z.literal('order'),
    catalogId: z.string(),
    items: z.array(z.object({ productRetailerId: z.string(), quantity: z.number().int(), unitPrice: MoneySchema })),
  }),
  z.object({ kind: z.literal('unsupported'), reason: z.string() }),
  /** The agents a private note mentions (`@Name`); each was notified. */
  z.object({ kind: z.literal('note'), mentions: z.array(z.string()) }),
  /**
   * Products the shop sent: with a Meta catalog as native `product` / `product_list` messages, without
   * one as an image with a caption (one product) or a text with links (several). `text` is the body.
   */
  z.object({
    kind: z.literal('products'),
    format: z.enum(['product', 'product_list', 'image', 'text']),
    catalogId: z.string().nullable(),
    /** product_list's header (and its one section's title). */
    header: z.string().optional(),
    /** The image an `image` card sends. */
    imageLink: z.string().optional(),
    items: z.array(ProductCardItemSchema).min(1).max(30),
  }),
  /** A system line: the customer's message ordered this product through a shop link (wa.me prefilled text). */
  z.object({ kind: z.literal('product_mention'), product: ProductCardItemSchema }),
  /** One link button under the text (WhatsApp's `cta_url`): the shop's payment link for an order. */
  z.object({
    kind: z.literal('cta_url'),
    displayText: z.string().min(1).max(20),
    url: z.url(),
    orderId: z.string().optional(),
  }),
  /**
   * What a system line says happened; `text` holds the same in English for anyone without this
   * version. `from`/`to`: the old and new number, user id, status, or assignee id. The message's
   * `authorId` is who did it (null: the relay itself, or the customer).
   */
  z.object({
    kind: z.literal('system'),
    event: SystemEventSchema,
    from: z.string().nullable(),
    to: z.string().nullable(),
    /** Why it happened when nobody did it by hand. */
    cause: z.enum(['customer_wrote', 'snooze_ended', 'auto_assigned']).optional(),
    /** A snooze's end, for `status_changed` to `snoozed`. */
    until: z.string().optional(),
  }),
]);
export type MessageContent = z.infer<typeof MessageContentSchema>;

export const MessageSchema = z.object({
  id: z.string(),
  conversationId: z.string(),
  /**
   * The message's place in its conversation (0, 1, 2 …), given by the relay as it stores it: the
   * order of arrival. WhatsApp's timestamps are whole seconds and can tie or disagree, so this orders.
   */
  seq: z.number().int().nonnegative(),
  direction: MessageDirectionSchema,
  type: MessageTypeSchema,
  text: z.string(),
  status: MessageStatusSchema,
  waMessageId: z.string().nullable(),
  authorId: z.string().nullable(),
  createdAt: z.iso.datetime(),
  /** When the status last changed (ticks), for ordering out-of-order status webhooks. */
  updatedAt: z.iso.datetime(),
  error: MessageErrorSchema.optional(),
  content: MessageContentSchema.optional(),
  /** The sending client's id for this message, so a resent command is not sent twice. */
  clientId: z.string().optional(),
});
export type Message = z.infer<typeof MessageSchema>;
/** A message before the store has given it its place. */
export type NewMessage = Omit<Message, 'seq'>;

/** Outbound statuses only move forward; `failed` may replace any of them. */
const statusRank: Record<MessageStatus, number> = {
  received: 0,
  pending: 1,
  sent: 2,
  delivered: 3,
  read: 4,
  failed: 5,
};
export function isStatusAdvance(from: MessageStatus, to: MessageStatus): boolean {
  if (to === 'failed') return from !== 'failed' && from !== 'read';
  return from !== 'failed' && statusRank[to] > statusRank[from];
}
