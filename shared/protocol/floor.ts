import { z } from 'zod';
import { AgentSchema } from '../domain/agent.js';
import type { CommandSpecs } from './spec.js';

/* The supervisor's floor: the queue, each agent's load, and how fast the team answers and resolves. */

export const FloorAgentSchema = AgentSchema.extend({
  /** Chats assigned to them that are open or pending. */
  openChats: z.number().int().nonnegative(),
});

/** One agent's figures on one day (in the shop's time zone, SHOP_TIMEZONE), averages in milliseconds. */
export const FloorDaySchema = z.object({
  agentId: z.string(),
  day: z.string(),
  firstResponses: z.number().int().nonnegative(),
  firstResponseMs: z.number().nonnegative().nullable(),
  resolutions: z.number().int().nonnegative(),
  resolutionMs: z.number().nonnegative().nullable(),
});
export type FloorDay = z.infer<typeof FloorDaySchema>;

export const FloorSchema = z.object({
  generatedAt: z.iso.datetime(),
  /** The days the figures cover, oldest first (YYYY-MM-DD, in the shop's time zone). */
  days: z.array(z.string()),
  queue: z.object({
    /** Unassigned chats that are open or pending. */
    length: z.number().int().nonnegative(),
    oldest: z
      .object({ conversationId: z.string(), customerName: z.string(), waitingSince: z.iso.datetime() })
      .nullable(),
  }),
  agents: z.array(FloorAgentSchema),
  stats: z.array(FloorDaySchema),
});
export type Floor = z.infer<typeof FloorSchema>;

export const FloorResponseSchema = z.object({ floor: FloorSchema });

export const floorCommands = {
  /** Supervisors only; the same as `GET /api/v1/floor`. */
  'floor:get': { request: null, response: FloorResponseSchema },
} satisfies CommandSpecs;
