import { z } from 'zod';
import { LabelSchema, SettingsSchema } from '../domain/label.js';
import { ConversationRefSchema, ConversationResponseSchema } from './conversations.js';
import type { CommandSpecs, EventSchemas } from './spec.js';

/* Labels (supervisors manage them, anyone labels what they see) and the shop's settings. */

export const LabelIdSchema = z.string().min(1).max(100);
export const CreateLabelRequestSchema = LabelSchema.omit({ id: true });
export type CreateLabelRequest = z.infer<typeof CreateLabelRequestSchema>;
export const UpdateLabelRequestSchema = z.strictObject({
  name: LabelSchema.shape.name.optional(),
  color: LabelSchema.shape.color.optional(),
});
export type UpdateLabelRequest = z.infer<typeof UpdateLabelRequestSchema>;
export const LabelResponseSchema = z.object({ label: LabelSchema });
export const LabelListResponseSchema = z.object({ labels: z.array(LabelSchema) });

/** `PUT /api/v1/conversations/:id/labels`: the conversation's labels, all of them. */
export const SetLabelsRequestSchema = z.object({
  labelIds: z
    .array(LabelIdSchema)
    .max(20)
    .refine((ids) => new Set(ids).size === ids.length, 'a label appears once'),
});
export const SetLabelsCommandSchema = ConversationRefSchema.extend(SetLabelsRequestSchema.shape);

export const UpdateSettingsRequestSchema = z.strictObject({ autoAssign: z.boolean().optional() });
export type UpdateSettingsRequest = z.infer<typeof UpdateSettingsRequestSchema>;
export const SettingsResponseSchema = z.object({ settings: SettingsSchema });

export const labelCommands = {
  'conversation:setLabels': { request: SetLabelsCommandSchema, response: ConversationResponseSchema },
  'labels:list': { request: null, response: LabelListResponseSchema },
  'settings:get': { request: null, response: SettingsResponseSchema },
} satisfies CommandSpecs;

export const labelEvents = {
  /** A label was created or changed: sent to everyone. */
  'label:upsert': LabelSchema,
  /** A label was deleted (conversations carrying it lose it, each with its own upsert). */
  'label:remove': z.object({ id: z.string() }),
  'settings:update': SettingsSchema,
} satisfies EventSchemas;
