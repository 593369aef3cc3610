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

/**
 * A business-scoped user id (BSUID): how WhatsApp identifies a customer to one business since 2026,
 * with or without their phone number. A country code, a dot, then up to 128 letters and digits
 * (`BE.13491208655302741918`); a parent BSUID has `ENT.` after the country code.
 */
export const BsuidSchema = z
  .string()
  .regex(
    /^[A-Z]{2}\.(?:ENT\.)?[A-Za-z0-9]{1,128}$/,
    'a business-scoped user id is a country code, a dot and up to 128 letters and digits',
  );
export type Bsuid = z.infer<typeof BsuidSchema>;

/** "+32 470123456"-style display of a WhatsApp id: only the edges format it. */
export function formatWaId(waId: WaId): string {
  return `+${waId}`;
}
