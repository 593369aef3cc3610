import { z } from 'zod';
import { ConversationStatusSchema } from '../domain/conversation.js';
import { ConversationRefSchema, ConversationResponseSchema } from './conversations.js';
import type { CommandSpecs } from './spec.js';

/* The conversation's workflow: its status (open, pending, snoozed until a time, resolved). */

/** `PATCH /api/v1/conversations/:id`: `snoozed` needs `snoozedUntil`, a time in the future. */
export const UpdateConversationRequestSchema = z
  .strictObject({
    status: ConversationStatusSchema,
    snoozedUntil: z.iso.datetime({ offset: true }).optional(),
  })
  .refine((r) => (r.status === 'snoozed') === (r.snoozedUntil !== undefined), {
    message: 'snoozedUntil is needed with status snoozed, and only then',
    path: ['snoozedUntil'],
  });
export type UpdateConversationRequest = z.infer<typeof UpdateConversationRequestSchema>;

export const SetStatusCommandSchema = ConversationRefSchema.extend({
  status: ConversationStatusSchema,
  snoozedUntil: z.iso.datetime({ offset: true }).optional(),
});

export const workflowCommands = {
  /** The same as `PATCH /api/v1/conversations/:id`. */
  'conversation:setStatus': { request: SetStatusCommandSchema, response: ConversationResponseSchema },
} satisfies CommandSpecs;
