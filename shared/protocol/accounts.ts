import { z } from 'zod';
import { AgentRoleSchema, AgentSchema, CapacitySchema, ChosenPresenceSchema } from '../domain/agent.js';
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
  capacity: CapacitySchema.optional(),
});
export type CreateAgentRequest = z.infer<typeof CreateAgentRequestSchema>;

const PasswordSchema = CreateAgentRequestSchema.shape.password;

/** `PATCH /api/v1/agents/:id` (supervisors): `active: false` and a new password end the agent's sessions. */
export const UpdateAgentRequestSchema = z.strictObject({
  name: CreateAgentRequestSchema.shape.name.optional(),
  role: AgentRoleSchema.optional(),
  capacity: CapacitySchema.optional(),
  active: z.boolean().optional(),
  password: PasswordSchema.optional(),
});
export type UpdateAgentRequest = z.infer<typeof UpdateAgentRequestSchema>;

export const AgentIdSchema = z.string().min(1).max(100);

/** `PUT /api/v1/me/presence` and `presence:set`: the caller's own choice. */
export const PresenceRequestSchema = z.object({ status: ChosenPresenceSchema });

export const AgentResponseSchema = z.object({ agent: AgentSchema });
export const AgentListResponseSchema = z.object({ agents: z.array(AgentSchema) });

/** The relay ends this session (signed out, expired or revoked); the socket is disconnected next. */
export const SessionEndEventSchema = z.object({ reason: z.string() });

export const accountCommands = {
  /** The caller chooses online or away (the renderer also sets away after inactivity). */
  'presence:set': { request: PresenceRequestSchema, response: AgentResponseSchema },
} satisfies CommandSpecs;

export const accountEvents = {
  'session:end': SessionEndEventSchema,
  /** An agent was created or changed (name, role, capacity, active, presence): sent to everyone. */
  'agent:upsert': AgentSchema,
} satisfies EventSchemas;
