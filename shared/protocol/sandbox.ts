import { z } from 'zod';
import { WaIdSchema } from '../phone.js';
import { MAX_TEXT_LENGTH } from './messages.js';
import type { CommandListeners, CommandSpecs, EventListeners, EventSchemas } from './spec.js';

/*
 * The sandbox customer phone's protocol: the phone page <-> the sandbox (Socket.IO namespace
 * `/sandbox`) and the sandbox's REST API for tests (`/sandbox/api`). It is the customer's side
 * of WhatsApp, so it knows nothing of the relay's conversations or agents.
 */

export const SANDBOX_NAMESPACE = '/sandbox';
export const SANDBOX_API_PREFIX = '/sandbox/api';

/** A customer message: `pending` until the relay answered its webhook 200, then `sent`, then `read`. */
export const PhoneMessageStatusSchema = z.enum(['pending', 'sent', 'delivered', 'read', 'failed']);
export type PhoneMessageStatus = z.infer<typeof PhoneMessageStatusSchema>;

export const PhoneSenderSchema = z.enum(['customer', 'shop']);
export type PhoneSender = z.infer<typeof PhoneSenderSchema>;

export const MediaTypeSchema = z.enum(['image', 'video', 'audio', 'document', 'sticker']);
export type MediaType = z.infer<typeof MediaTypeSchema>;

const ReplyOptionSchema = z.object({ id: z.string(), title: z.string(), description: z.string().optional() });
export type ReplyOption = z.infer<typeof ReplyOptionSchema>;

/** What a phone shows beyond the text: one variant per family of WhatsApp message types. */
export const PhoneDetailSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('media'),
    mediaType: MediaTypeSchema,
    mediaId: z.string().optional(),
    link: z.string().optional(),
    filename: z.string().optional(),
    mimeType: z.string().optional(),
  }),
  z.object({
    kind: z.literal('location'),
    latitude: z.number(),
    longitude: z.number(),
    name: z.string().optional(),
    address: z.string().optional(),
  }),
  /** `emoji: null` removes the sender's reaction from the target message. */
  z.object({ kind: z.literal('reaction'), targetId: z.string(), emoji: z.string().nullable() }),
  z.object({
    kind: z.literal('buttons'),
    header: z.string().optional(),
    footer: z.string().optional(),
    buttons: z.array(ReplyOptionSchema),
  }),
  z.object({
    kind: z.literal('list'),
    header: z.string().optional(),
    footer: z.string().optional(),
    button: z.string(),
    sections: z.array(z.object({ title: z.string().optional(), rows: z.array(ReplyOptionSchema) })),
  }),
  z.object({
    kind: z.literal('link'),
    header: z.string().optional(),
    footer: z.string().optional(),
    displayText: z.string(),
    url: z.string(),
  }),
  z.object({
    kind: z.literal('products'),
    catalogId: z.string().optional(),
    header: z.string().optional(),
    footer: z.string().optional(),
    sections: z.array(z.object({ title: z.string().optional(), retailerIds: z.array(z.string()) })),
  }),
  z.object({ kind: z.literal('template'), name: z.string(), language: z.string(), parameters: z.array(z.string()) }),
  z.object({
    kind: z.literal('order'),
    catalogId: z.string(),
    items: z.array(
      z.object({ productRetailerId: z.string(), quantity: z.number(), itemPrice: z.number(), currency: z.string() }),
    ),
  }),
  /** The customer tapped a reply button or a list row of a shop message. */
  z.object({ kind: z.literal('reply'), replyType: z.enum(['button_reply', 'list_reply']), option: ReplyOptionSchema }),
]);
export type PhoneDetail = z.infer<typeof PhoneDetailSchema>;

/** One message of a customer's thread with the shop, as the phone sees it. */
export const PhoneMessageSchema = z.object({
  /** The wamid, the same id the relay gets in webhooks and Graph API answers. */
  id: z.string(),
  from: PhoneSenderSchema,
  /** The WhatsApp message type (`text`, `image`, `interactive`, `template`, …). */
  type: z.string(),
  /** What a person reads first: body, caption, title; empty for a bare reaction or location. */
  text: z.string(),
  detail: PhoneDetailSchema.optional(),
  /** The wamid this message quotes or replies to. */
  contextId: z.string().optional(),
  status: PhoneMessageStatusSchema,
  /** Why a customer message is not (yet) with the shop, or why a shop message failed. */
  error: z.string().optional(),
  timestamp: z.iso.datetime(),
});
export type PhoneMessage = z.infer<typeof PhoneMessageSchema>;

export const CustomerNameSchema = z.string().trim().min(1, 'a customer needs a name').max(100);
/** A WhatsApp username as people pick them: letters, digits, dots and underscores (an "@" in front is dropped). */
export const UsernameSchema = z
  .string()
  .trim()
  .transform((u) => u.replace(/^@/, ''))
  .pipe(z.string().regex(/^[A-Za-z0-9._]{3,35}$/, 'a username has 3 to 35 letters, digits, dots or underscores'));

/**
 * A customer as the sandbox plays them. The phone number is the sandbox's own key (WhatsApp always
 * knows it); with a username and `hidesNumber`, the shop is told only the username and the
 * customer's business-scoped user id, as WhatsApp does for such users since 2026.
 */
export const CustomerSchema = z.object({
  waId: WaIdSchema,
  name: CustomerNameSchema,
  username: UsernameSchema.optional(),
  hidesNumber: z.boolean().optional(),
});
export type Customer = z.infer<typeof CustomerSchema>;

const nonBlank = (text: string): boolean => text.trim().length > 0;

/** Everything a customer can send, one variant per `type`. */
export const CustomerMessageSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('text'),
    text: z.string().max(MAX_TEXT_LENGTH).refine(nonBlank, 'a message needs some text'),
    /** Quote a message of the thread. */
    contextId: z.string().min(1).optional(),
  }),
  z.object({
    type: z.literal('image'),
    image: z.object({
      /** A sample photo's media id (see `sandbox:info`); a placeholder id is made up when absent. */
      mediaId: z
        .string()
        .regex(/^\d{1,20}$/, 'a media id is digits')
        .optional(),
      caption: z.string().max(1024).optional(),
    }),
  }),
  z.object({
    type: z.literal('location'),
    location: z.object({
      latitude: z.number().min(-90).max(90),
      longitude: z.number().min(-180).max(180),
      name: z.string().max(200).optional(),
      address: z.string().max(500).optional(),
    }),
  }),
  z.object({
    type: z.literal('reaction'),
    /** `emoji: null` removes the reaction. */
    reaction: z.object({ messageId: z.string().min(1), emoji: z.string().min(1).max(16).nullable() }),
  }),
  z.object({
    type: z.literal('interactive'),
    /** Taps the option `optionId` of the shop's interactive message `messageId`. */
    reply: z.object({ messageId: z.string().min(1), optionId: z.string().min(1) }),
  }),
  z.object({
    type: z.literal('order'),
    order: z.object({
      catalogId: z.string().min(1),
      text: z.string().max(1024).optional(),
      items: z
        .array(
          z.object({
            productRetailerId: z.string().min(1).max(100),
            quantity: z.number().int().positive(),
            itemPrice: z.number().nonnegative(),
            currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 currency code'),
          }),
        )
        .min(1)
        .max(100),
    }),
  }),
]);
export type CustomerMessageInput = z.infer<typeof CustomerMessageSchema>;

/** The REST API's body: as `CustomerMessageSchema`, and a body without `type` is a text message. */
export const CustomerMessageInputSchema = z.preprocess(
  (value) => (typeof value === 'object' && value !== null && !('type' in value) ? { ...value, type: 'text' } : value),
  CustomerMessageSchema,
);

/* ---------- REST: /sandbox/api (tests, benchmark) ---------- */

/** `POST /sandbox/api/customers/:waId/messages`: the message plus the customer's profile name. */
export const SendAsCustomerRequestSchema = z.object({
  name: CustomerNameSchema.optional(),
  username: UsernameSchema.optional(),
  hidesNumber: z.boolean().optional(),
});

/** Answered once the relay accepted the webhook (200); 502 with the same fields when it did not. */
export const SendAsCustomerResponseSchema = z.object({ waMessageId: z.string(), message: PhoneMessageSchema });
export type SendAsCustomerResponse = z.infer<typeof SendAsCustomerResponseSchema>;

export const ThreadResponseSchema = z.object({ customer: CustomerSchema, messages: z.array(PhoneMessageSchema) });
export type ThreadResponse = z.infer<typeof ThreadResponseSchema>;

export const CustomerListResponseSchema = z.object({ customers: z.array(CustomerSchema) });

/** Graph API errors the sandbox can be told to answer with, to try the relay's failure paths. */
export const FaultRequestSchema = z.object({
  code: z.number().int().positive(),
  /** `sync`: the Graph API call fails; `async`: it succeeds and a `failed` status webhook follows. */
  mode: z.enum(['sync', 'async']).default('sync'),
  /** How many of the next sends fail. */
  times: z.number().int().min(1).max(1000).default(1),
  httpStatus: z.number().int().min(400).max(599).optional(),
});
export type FaultRequest = z.infer<typeof FaultRequestSchema>;

/* ---------- Socket.IO: the phone page ---------- */

export const SamplePhotoSchema = z.object({ mediaId: z.string(), label: z.string(), url: z.string() });
export type SamplePhoto = z.infer<typeof SamplePhotoSchema>;

export const SandboxInfoSchema = z.object({
  /** The shop's WhatsApp number (digits), shown in the phone's chat header. */
  displayPhoneNumber: z.string(),
  samples: z.array(CustomerSchema),
  /** Customers who already have a thread since the relay started. */
  recent: z.array(CustomerSchema),
  photos: z.array(SamplePhotoSchema),
});
export type SandboxInfo = z.infer<typeof SandboxInfoSchema>;

export const OpenPhoneResponseSchema = z.object({ customer: CustomerSchema, messages: z.array(PhoneMessageSchema) });
export const VisibilityCommandSchema = z.object({ visible: z.boolean() });
export const PhoneSendResponseSchema = z.object({ message: PhoneMessageSchema });
export const ShopTypingEventSchema = z.object({ typing: z.boolean() });

/** What the phone page asks of the sandbox; every command answers through an ack (result.ts). */
export const phoneCommands = {
  'sandbox:info': { request: null, response: SandboxInfoSchema },
  /** Becomes this customer's phone: answers the thread; shop messages waiting for it are delivered. */
  'phone:open': { request: CustomerSchema, response: OpenPhoneResponseSchema },
  'phone:close': { request: null, response: z.null() },
  /** The chat is on screen and the page visible: shop messages are read. */
  'phone:visibility': { request: VisibilityCommandSchema, response: z.null() },
  /** Answers once the relay answered the webhook; a rejected message comes back `pending` with its error. */
  'phone:send': { request: CustomerMessageSchema, response: PhoneSendResponseSchema },
} satisfies CommandSpecs;

/** What the sandbox tells the phone page of the customer it plays. */
export const phoneEvents = {
  /** A message of the open thread was added or changed (ticks, reactions, failures). */
  'message:upsert': PhoneMessageSchema,
  /** The shop sent a typing indicator (`true`) or it ended. */
  'shop:typing': ShopTypingEventSchema,
} satisfies EventSchemas;

export type PhoneCommands = typeof phoneCommands;
export type PhoneClientToServerEvents = CommandListeners<PhoneCommands>;
export type PhoneServerToClientEvents = EventListeners<typeof phoneEvents>;

export interface PhoneSocketData {
  waId: string | null;
  visible: boolean;
}
