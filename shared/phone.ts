import { z } from 'zod';

/**
 * A WhatsApp id: country code and number, digits only, no `+` (how Meta sends `wa_id`/`from`).
 * Numbers are 8–15 digits (E.164 allows at most 15).
 */
export const WaIdSchema = z.string().regex(/^[1-9]\d{7,14}$/, 'a WhatsApp id is 8–15 digits with country code, no +');
export type WaId = z.infer<typeof WaIdSchema>;

/** Turns what a person types ("+32 470 12-34-56") into a WhatsApp id, or null when it cannot be one. */
export function toWaId(input: string): WaId | null {
  const digits = input
    .replace(/[\s\-().]/g, '')
    .replace(/^\+/, '')
    .replace(/^00/, '');
  return WaIdSchema.safeParse(digits).success ? digits : null;
}

/** "+32 470123456"-style display of a WhatsApp id: only the edges format it. */
export function formatWaId(waId: WaId): string {
  return `+${waId}`;
}
