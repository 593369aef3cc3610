import { z } from 'zod';

export const AgentRoleSchema = z.enum(['agent', 'supervisor']);
export type AgentRole = z.infer<typeof AgentRoleSchema>;

/** An agent as every client may see it: never the password hash. */
export const AgentSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: AgentRoleSchema,
});
export type Agent = z.infer<typeof AgentSchema>;
