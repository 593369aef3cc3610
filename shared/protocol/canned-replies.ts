import { z } from 'zod';
import { CannedReplySchema } from '../domain/canned-reply.js';
import type { CommandSpecs, EventSchemas } from './spec.js';

/* Canned replies: everyone reads them; supervisors write them (REST). */

export const CreateCannedReplyRequestSchema = CannedReplySchema.omit({ id: true });
export const UpdateCannedReplyRequestSchema = CreateCannedReplyRequestSchema.partial().refine(
  (patch) => patch.shortcut !== undefined || patch.text !== undefined,
  'change the shortcut, the text or both',
);
export const CannedReplyListResponseSchema = z.object({ cannedReplies: z.array(CannedReplySchema) });
export const CannedReplyResponseSchema = z.object({ cannedReply: CannedReplySchema });

export const cannedReplyCommands = {
  'cannedReplies:list': { request: null, response: CannedReplyListResponseSchema },
} satisfies CommandSpecs;

export const cannedReplyEvents = {
  /** The whole list, to everyone, after any change. */
  'cannedReplies:changed': CannedReplyListResponseSchema,
} satisfies EventSchemas;
