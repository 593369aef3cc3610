import { z } from 'zod';
import { MessageSchema } from '../domain/message.js';
import { ConversationRefSchema } from './conversations.js';
import { MAX_TEXT_LENGTH } from './messages.js';
import type { CommandSpecs, EventSchemas } from './spec.js';

/*
 * Private notes: written by agents inside a conversation for the team, never sent to WhatsApp.
 * `@Name` of a colleague who may see the chat mentions them, and they are notified.
 */

export const AddNoteRequestSchema = z.object({
  text: z
    .string()
    .max(MAX_TEXT_LENGTH)
    .refine((text) => text.trim().length > 0, 'a note needs some text'),
});

export const NoteSchema = z.object({
  id: z.string(),
  authorId: z.string(),
  text: z.string(),
  mentions: z.array(z.string()),
  createdAt: z.iso.datetime(),
});
export type Note = z.infer<typeof NoteSchema>;

export const NoteResponseSchema = z.object({ note: NoteSchema });

/** A mention of the caller in a note, until they open it. */
export const MentionSchema = z.object({
  id: z.string(),
  agentId: z.string(),
  conversationId: z.string(),
  /** The note's message id in the conversation. */
  messageId: z.string(),
  authorId: z.string(),
  customerName: z.string(),
  text: z.string(),
  createdAt: z.iso.datetime(),
});
export type Mention = z.infer<typeof MentionSchema>;

export const MentionListResponseSchema = z.object({ mentions: z.array(MentionSchema) });

export const noteCommands = {
  'note:add': {
    request: ConversationRefSchema.extend(AddNoteRequestSchema.shape),
    response: NoteResponseSchema.extend({ message: MessageSchema }),
  },
  /** The caller's mentions they have not opened yet, newest first (asked at every connect). */
  'mention:list': { request: null, response: MentionListResponseSchema },
  /** The caller opened these mentions: they go. */
  'mention:dismiss': {
    request: z.object({ ids: z.array(z.string().max(100)).max(500) }),
    response: MentionListResponseSchema,
  },
} satisfies CommandSpecs;

export const noteEvents = {
  /** To the mentioned agent only. */
  'mention:new': MentionSchema,
} satisfies EventSchemas;
