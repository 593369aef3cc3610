import { z } from 'zod';

/** A label a supervisor made: a name and a colour (`#rrggbb`), put on conversations by anyone who sees them. */
export const LabelSchema = z.object({
  id: z.string(),
  name: z.string().trim().min(1).max(40),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour is #rrggbb'),
});
export type Label = z.infer<typeof LabelSchema>;

/** The shop's settings; supervisors change them. */
export const SettingsSchema = z.object({
  /** New and reopened chats go to the online agent under capacity who has waited longest. */
  autoAssign: z.boolean(),
});
export type Settings = z.infer<typeof SettingsSchema>;
