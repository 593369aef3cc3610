import { z } from 'zod';
import { ConversationRefSchema, ConversationResponseSchema } from './conversations.js';
import type { CommandSpecs } from './spec.js';

/* Assignment: who answers a conversation. `agentId: null` unassigns. */

export const AssignRequestSchema = z.object({ agentId: z.string().min(1).max(100).nullable() });
export type AssignRequest = z.infer<typeof AssignRequestSchema>;

export const AssignCommandSchema = ConversationRefSchema.extend(AssignRequestSchema.shape);

export const assignmentCommands = {
  'conversation:assign': { request: AssignCommandSchema, response: ConversationResponseSchema },
} satisfies CommandSpecs;
