import { z } from 'zod';
import { MAX_TEXT_LENGTH } from '../protocol/messages.js';

/** A reply the shop uses often, typed as `/shortcut` in the composer. */
export const CannedReplySchema = z.object({
  id: z.string(),
  shortcut: z
    .string()
    .trim()
    .min(1)
    .max(32)
    .regex(/^[\p{L}\p{N}_-]+$/u, 'a shortcut is letters, digits, - and _ (no spaces)'),
  text: z
    .string()
    .max(MAX_TEXT_LENGTH)
    .refine((text) => text.trim().length > 0, 'a canned reply needs some text'),
});
export type CannedReply = z.infer<typeof CannedReplySchema>;

export interface PlaceholderValues {
  /** The customer's name as WhatsApp gave it. */
  customerName: string;
  /** The agent who inserts the reply. */
  agentName: string;
}

/**
 * Fills `{{firstName}}`, `{{name}}` and `{{agentName}}`. A customer with no name gets none: the
 * placeholder and a space before it go, so "Hi {{firstName}}," becomes "Hi,".
 */
export function fillPlaceholders(text: string, values: PlaceholderValues): string {
  const name = values.customerName.trim();
  const firstName = name.split(/\s+/)[0] ?? '';
  const byKey: Record<string, string> = { firstName, name, agentName: values.agentName.trim() };
  return text.replace(/( ?)\{\{\s*(firstName|name|agentName)\s*\}\}/g, (_match, space: string, key: string) => {
    const value = byKey[key] ?? '';
    return value === '' ? '' : `${space}${value}`;
  });
}
