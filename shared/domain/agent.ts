import { z } from 'zod';

export const AgentRoleSchema = z.enum(['agent', 'supervisor']);
export type AgentRole = z.infer<typeof AgentRoleSchema>;

/** `online` while an app of theirs is connected (unless they chose `away`); `offline` once none is. */
export const PresenceSchema = z.enum(['online', 'away', 'offline']);
export type Presence = z.infer<typeof PresenceSchema>;

/** What an agent may choose; `offline` is what the relay sees, never a choice. */
export const ChosenPresenceSchema = z.enum(['online', 'away']);
export type ChosenPresence = z.infer<typeof ChosenPresenceSchema>;

/** How many open chats auto-assignment gives an agent unless a supervisor sets another number. */
export const DEFAULT_CAPACITY = 10;
export const MAX_CAPACITY = 1000;
export const CapacitySchema = z.number().int().min(0).max(MAX_CAPACITY);

/** An agent as every client may see it: never the password hash. */
export const AgentSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: AgentRoleSchema,
  /** A deactivated agent cannot sign in; their sessions ended when they were deactivated. */
  active: z.boolean(),
  /** The most open or pending chats auto-assignment gives them. */
  capacity: CapacitySchema,
  presence: PresenceSchema,
});
export type Agent = z.infer<typeof AgentSchema>;
