import { z } from 'zod';
import { BsuidSchema, WaIdSchema } from '../../shared/phone.js';

/*
 * The Cloud API webhook (reference §1.2–1.4, §1.7), with every field range-checked at the boundary.
 * Unknown keys are stripped, not refused (Meta adds fields over time). Limits are WhatsApp's own
 * where it has them, and otherwise far above anything Meta sends: a value beyond them cannot come
 * from WhatsApp and is refused (400) before anything is stored. Timestamps are only checked for
 * form here; one out of range is repaired later (the time of receipt), since the words still count.
 */

const IdString = z.string().min(1).max(256);
/** Unix seconds as a string; 16 digits is already far beyond any real date. */
const UnixSeconds = z.string().regex(/^\d{1,16}$/, 'a Unix timestamp in seconds, as a string');
/** What a customer types in one message: WhatsApp lets users send up to 65,536 characters. */
const CustomerText = z.string().max(65_536);
const ShortText = z.string().max(1_024);

export const CloudErrorSchema = z.object({
  code: z.number().int(),
  title: ShortText.optional(),
  message: ShortText.optional(),
  error_data: z.object({ details: ShortText.optional() }).optional(),
});
export type CloudError = z.infer<typeof CloudErrorSchema>;

const MediaSchema = z.object({
  id: IdString,
  mime_type: z.string().max(256).optional(),
  caption: CustomerText.optional(),
  filename: z.string().max(1_024).optional(),
  voice: z.boolean().optional(),
});

const SystemSchema = z.object({
  type: z.string().max(64),
  body: CustomerText.optional(),
  /** user_changed_number: the new number. */
  wa_id: WaIdSchema.optional(),
  /** user_changed_user_id (and a number change that renewed it): the new BSUID. */
  user_id: BsuidSchema.optional(),
});

/** One inbound message: the common keys, then the object named after its type, all optional. */
export const InboundMessageSchema = z.object({
  /** The customer's phone; absent for a customer who hides it behind a username. */
  from: WaIdSchema.optional(),
  from_user_id: BsuidSchema.optional(),
  id: IdString,
  timestamp: UnixSeconds,
  type: z.string().min(1).max(64),
  text: z.object({ body: CustomerText }).optional(),
  image: MediaSchema.optional(),
  video: MediaSchema.optional(),
  audio: MediaSchema.optional(),
  document: MediaSchema.optional(),
  sticker: MediaSchema.optional(),
  location: z
    .object({
      latitude: z.number().min(-90).max(90),
      longitude: z.number().min(-180).max(180),
      name: ShortText.optional(),
      address: ShortText.optional(),
    })
    .optional(),
  reaction: z.object({ message_id: IdString, emoji: z.string().max(32).optional() }).optional(),
  order: z
    .object({
      catalog_id: z.string().max(256),
      text: CustomerText.optional(),
      product_items: z
        .array(
          z.object({
            product_retailer_id: z.string().min(1).max(100),
            quantity: z.number().int().positive().max(1_000_000),
            item_price: z.number().nonnegative().max(1_000_000_000),
            currency: z.string().regex(/^[A-Z]{3}$/),
          }),
        )
        .max(1_000),
    })
    .optional(),
  interactive: z
    .object({
      type: z.string().max(64),
      button_reply: z.object({ id: z.string().max(256), title: ShortText }).optional(),
      list_reply: z.object({ id: z.string().max(256), title: ShortText, description: ShortText.optional() }).optional(),
    })
    .optional(),
  button: z.object({ payload: ShortText.optional(), text: ShortText }).optional(),
  contacts: z
    .array(z.object({ name: z.object({ formatted_name: ShortText.optional() }).optional() }))
    .max(100)
    .optional(),
  system: SystemSchema.optional(),
  errors: z.array(CloudErrorSchema).max(10).optional(),
});
export type InboundMessage = z.infer<typeof InboundMessageSchema>;

export const StatusSchema = z.object({
  id: IdString,
  status: z.string().max(32),
  timestamp: UnixSeconds,
  /** The customer's phone; absent when the message went to a BSUID of a customer who hides it. */
  recipient_id: WaIdSchema.optional(),
  recipient_user_id: BsuidSchema.optional(),
  errors: z.array(CloudErrorSchema).max(10).optional(),
});
export type Status = z.infer<typeof StatusSchema>;

export const WebhookContactSchema = z.object({
  wa_id: WaIdSchema.optional(),
  user_id: BsuidSchema.optional(),
  profile: z.object({ name: z.string().max(256).optional(), username: z.string().max(100).optional() }).optional(),
});
export type WebhookContact = z.infer<typeof WebhookContactSchema>;

export const ChangeValueSchema = z.object({
  messaging_product: z.literal('whatsapp'),
  metadata: z.object({ display_phone_number: z.string().max(32), phone_number_id: IdString }),
  contacts: z.array(WebhookContactSchema).max(1_000).optional(),
  messages: z.array(InboundMessageSchema).max(1_000).optional(),
  statuses: z.array(StatusSchema).max(1_000).optional(),
  errors: z.array(CloudErrorSchema).max(100).optional(),
});
export type ChangeValue = z.infer<typeof ChangeValueSchema>;

export const WebhookPayloadSchema = z.object({
  object: z.literal('whatsapp_business_account'),
  entry: z
    .array(
      z.object({
        id: z.string().max(256),
        changes: z.array(z.object({ field: z.string().max(64), value: z.unknown() })).max(100),
      }),
    )
    .max(100),
});
