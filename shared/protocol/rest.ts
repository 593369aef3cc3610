import { z } from 'zod';
import { AgentRoleSchema, AgentSchema } from '../domain/agent.js';
import { ConversationSummarySchema } from '../domain/conversation.js';
import { MessageSchema } from '../domain/message.js';

/** Longest text WhatsApp accepts in one message. */
export const MAX_TEXT_LENGTH = 4096;

export const LoginRequestSchema = z.object({ email: z.email(), password: z.string().min(1) });
export const LoginResponseSchema = z.object({ token: z.string(), expiresAt: z.iso.datetime(), agent: AgentSchema });
export type LoginResponse = z.infer<typeof LoginResponseSchema>;

export const CreateAgentRequestSchema = z.object({
  name: z.string().trim().min(1).max(100),
  email: z.email(),
  password: z.string().min(8, 'a password has at least 8 characters').max(200),
  role: AgentRoleSchema,
});
export type CreateAgentRequest = z.infer<typeof CreateAgentRequestSchema>;

export const AgentResponseSchema = z.object({ agent: AgentSchema });
export const AgentListResponseSchema = z.object({ agents: z.array(AgentSchema) });

export const ConversationListResponseSchema = z.object({ conversations: z.array(ConversationSummarySchema) });
export const ConversationResponseSchema = z.object({ conversation: ConversationSummarySchema });

export const SendTextRequestSchema = z.object({
  text: z
    .string()
    .max(MAX_TEXT_LENGTH)
    .refine((text) => text.trim().length > 0, 'a message needs some text'),
  /** Optional idempotency key: the same clientId is sent once. */
  clientId: z.string().min(1).max(100).optional(),
});
export type SendTextRequest = z.infer<typeof SendTextRequestSchema>;

export const MessageResponseSchema = z.object({ message: MessageSchema });
export const MessageListResponseSchema = z.object({ messages: z.array(MessageSchema), hasMore: z.boolean() });

export const HistoryQuerySchema = z.object({
  before: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const AssignRequestSchema = z.object({ agentId: z.string().nullable() });
export type AssignRequest = z.infer<typeof AssignRequestSchema>;
