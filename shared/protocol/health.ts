import { z } from 'zod';
import type { EventSchemas } from './spec.js';

/*
 * The relay's own health, as its screens need it: whether it can write (if not, sending is paused
 * and WhatsApp is asked to retry), and — for supervisors — the data files it had to set aside.
 */

export const QuarantinedFileSchema = z.object({
  /** Where the file was, relative to the data folder. */
  file: z.string(),
  /** Where it is now, relative to the data folder. */
  movedTo: z.string(),
  reason: z.string(),
  at: z.iso.datetime(),
});
export type QuarantinedFile = z.infer<typeof QuarantinedFileSchema>;

export const RelayHealthSchema = z.object({
  /** `failing`: the disk refuses writes; nothing new is stored until it takes them again. */
  writes: z.enum(['ok', 'failing']),
  /** Files set aside because they could not be read; only supervisors are told which. */
  quarantined: z.array(QuarantinedFileSchema),
});
export type RelayHealth = z.infer<typeof RelayHealthSchema>;

export const healthEvents = {
  'relay:health': RelayHealthSchema,
} satisfies EventSchemas;
