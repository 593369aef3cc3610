import { z } from 'zod';
import { AgentRoleSchema, AgentSchema } from '../domain/agent.js';
import type { CommandSpecs, EventSchemas } from './spec.js';

/* Accounts: signing in and out, the agents of the shop, and the end of a session. */

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

/** The relay ends this session (signed out, expired or revoked); the socket is disconnected next. */
export const SessionEndEventSchema = z.object({ reason: z.string() });

export const accountCommands = {} satisfies CommandSpecs;

export const accountEvents = {
  'session:end': SessionEndEventSchema,
} satisfies EventSchemas;
