import { z } from 'zod';
import { BsuidSchema, formatWaId, WaIdSchema } from '../phone.js';
import { MessageDirectionSchema, MessageStatusSchema, MessageTypeSchema } from './message.js';

/**
 * `open`: someone should answer; `pending`: waiting on the customer; `snoozed` until `snoozedUntil`
 * (it reopens then, or as soon as the customer writes); `resolved` (a new customer message reopens it).
 */
export const ConversationStatusSchema = z.enum(['open', 'pending', 'snoozed', 'resolved']);
export type ConversationStatus = z.infer<typeof ConversationStatusSchema>;

/**
 * A customer as WhatsApp identifies them: by phone (`waId`) and/or by business-scoped user id
 * (`userId`), at least one of the two; `username` when they chose one (and may hide their number).
 */
export const ContactSchema = z
  .object({
    waId: WaIdSchema.nullable(),
    userId: BsuidSchema.nullable(),
    username: z.string().min(1).max(100).nullable(),
    name: z.string().max(256),
  })
  .refine((c) => c.waId !== null || c.userId !== null, 'a contact has a phone number or a business-scoped user id');
export type Contact = z.infer<typeof ContactSchema>;

/** How to show who the customer is besides their name: the number, else the username, else the BSUID. */
export function contactHandle(contact: Pick<Contact, 'waId' | 'userId' | 'username'>): string {
  if (contact.waId !== null) return formatWaId(contact.waId);
  if (contact.username !== null) return contact.username.startsWith('@') ? contact.username : `@${contact.username}`;
  return contact.userId ?? '';
}

export const LastMessageSchema = z.object({
  text: z.string(),
  type: MessageTypeSchema,
  direction: MessageDirectionSchema,
  status: MessageStatusSchema,
});

export const ConversationSummarySchema = z.object({
  id: z.string(),
  contact: ContactSchema,
  status: ConversationStatusSchema,
  /** When a snoozed conversation reopens by itself; null unless `snoozed`. */
  snoozedUntil: z.iso.datetime().nullable().default(null),
  assigneeId: z.string().nullable(),
  /** Label ids (see `GET /api/v1/labels`), in the order they were added. */
  labels: z.array(z.string()).default([]),
  /**
   * Since when the chat waits in Unassigned for someone to take it (it came in or reopened, or was
   * handed back); null while assigned or not open. Auto-assignment takes the oldest first.
   */
  waitingSince: z.iso.datetime().nullable().default(null),
  createdAt: z.iso.datetime(),
  lastMessageAt: z.iso.datetime().nullable(),
  lastMessage: LastMessageSchema.nullable(),
  unreadCount: z.number().int().nonnegative(),
  /** The customer's last message time; free-form replies are allowed for 24 h after it. */
  lastInboundAt: z.iso.datetime().nullable(),
  /**
   * The relay's own order of arrival of the conversation's last message, across all conversations
   * (larger is later). WhatsApp's times have whole seconds and tie in a burst; this never does.
   */
  activitySeq: z.number().int().nonnegative(),
});
export type ConversationSummary = z.infer<typeof ConversationSummarySchema>;

/**
 * The inbox's order, on the relay and in every client alike: latest activity first, by the relay's
 * arrival sequence; the id keeps conversations with none (seq 0) in a stable order.
 */
export function compareConversations(
  a: Pick<ConversationSummary, 'activitySeq' | 'id'>,
  b: Pick<ConversationSummary, 'activitySeq' | 'id'>,
): number {
  return b.activitySeq - a.activitySeq || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** WhatsApp's customer-service window: 24 hours after the customer's last message. */
export const SERVICE_WINDOW_MS = 24 * 60 * 60 * 1000;

export function serviceWindowEndsAt(conversation: Pick<ConversationSummary, 'lastInboundAt'>): number | null {
  return conversation.lastInboundAt === null ? null : Date.parse(conversation.lastInboundAt) + SERVICE_WINDOW_MS;
}

export function isServiceWindowOpen(conversation: Pick<ConversationSummary, 'lastInboundAt'>, now: number): boolean {
  const endsAt = serviceWindowEndsAt(conversation);
  return endsAt !== null && now < endsAt;
}
