import { z } from 'zod';

/*
 * The Cloud API webhook envelope (reference §1.2–1.4). Only what the relay uses is checked;
 * unknown keys are kept out of the way, not rejected, since Meta adds fields over time.
 */

const IdString = z.string().min(1);
const UnixSeconds = z.string().regex(/^\d+$/, 'a Unix timestamp in seconds, as a string');

export const CloudErrorSchema = z.object({
  code: z.number(),
  title: z.string().optional(),
  message: z.string().optional(),
  error_data: z.object({ details: z.string().optional() }).optional(),
});
export type CloudError = z.infer<typeof CloudErrorSchema>;

const MediaSchema = z.object({
  id: IdString,
  mime_type: z.string().optional(),
  caption: z.string().optional(),
  filename: z.string().optional(),
  voice: z.boolean().optional(),
});

/** One inbound message: the common keys, then the object named after its type, all optional. */
export const InboundMessageSchema = z.object({
  from: IdString,
  id: IdString,
  timestamp: UnixSeconds,
  type: z.string().min(1),
  text: z.object({ body: z.string() }).optional(),
  image: MediaSchema.optional(),
  video: MediaSchema.optional(),
  audio: MediaSchema.optional(),
  document: MediaSchema.optional(),
  sticker: MediaSchema.optional(),
  location: z
    .object({
      latitude: z.number(),
      longitude: z.number(),
      name: z.string().optional(),
      address: z.string().optional(),
    })
    .optional(),
  reaction: z.object({ message_id: IdString, emoji: z.string().optional() }).optional(),
  order: z
    .object({
      catalog_id: z.string(),
      text: z.string().optional(),
      product_items: z.array(
        z.object({
          product_retailer_id: z.string(),
          quantity: z.number().int().positive(),
          item_price: z.number().nonnegative(),
          currency: z.string().regex(/^[A-Z]{3}$/),
        }),
      ),
    })
    .optional(),
  interactive: z
    .object({
      type: z.string(),
      button_reply: z.object({ id: z.string(), title: z.string() }).optional(),
      list_reply: z.object({ id: z.string(), title: z.string(), description: z.string().optional() }).optional(),
    })
    .optional(),
  button: z.object({ payload: z.string().optional(), text: z.string() }).optional(),
  contacts: z.array(z.object({ name: z.object({ formatted_name: z.string().optional() }).optional() })).optional(),
  errors: z.array(CloudErrorSchema).optional(),
});
export type InboundMessage = z.infer<typeof InboundMessageSchema>;

export const StatusSchema = z.object({
  id: IdString,
  status: z.enum(['sent', 'delivered', 'read', 'failed', 'played', 'deleted']).or(z.string()),
  timestamp: UnixSeconds,
  recipient_id: IdString,
  errors: z.array(CloudErrorSchema).optional(),
});
export type Status = z.infer<typeof StatusSchema>;

export const ChangeValueSchema = z.object({
  messaging_product: z.literal('whatsapp'),
  metadata: z.object({ display_phone_number: z.string(), phone_number_id: IdString }),
  contacts: z.array(z.object({ wa_id: IdString, profile: z.object({ name: z.string() }).optional() })).optional(),
  messages: z.array(InboundMessageSchema).optional(),
  statuses: z.array(StatusSchema).optional(),
  errors: z.array(CloudErrorSchema).optional(),
});
export type ChangeValue = z.infer<typeof ChangeValueSchema>;

export const WebhookPayloadSchema = z.object({
  object: z.literal('whatsapp_business_account'),
  entry: z.array(
    z.object({
      id: z.string(),
      changes: z.array(z.object({ field: z.string(), value: z.unknown() })),
    }),
  ),
});
