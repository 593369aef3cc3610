import { createHmac, timingSafeEqual } from 'node:crypto';

/*
 * `Stripe-Signature: t=<unix seconds>,v1=<hex>[,v1=<hex>…][,v0=…]` (reference/payments.md §2.5):
 * v1 is HMAC-SHA256 of `${t}.${raw body}` keyed with the endpoint secret. Any v1 may match (several
 * during a secret roll); other schemes are ignored. A timestamp more than `toleranceSeconds` away
 * from now, in either direction, is refused, so a captured delivery cannot be replayed later.
 */

export const DEFAULT_TOLERANCE_SECONDS = 300;

export function stripeSignature(secret: string, rawBody: Buffer | string, timestamp: number): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex');
  return `t=${timestamp},v1=${mac}`;
}

export type SignatureCheck =
  { ok: true; timestamp: number } | { ok: false; reason: 'missing' | 'malformed' | 'no_match' | 'stale' };

export function verifyStripeSignature(
  secret: string,
  rawBody: Buffer | string,
  header: string | undefined,
  nowSeconds: number,
  toleranceSeconds = DEFAULT_TOLERANCE_SECONDS,
): SignatureCheck {
  if (!header) return { ok: false, reason: 'missing' };
  const parts = header.split(',').map((part) => {
    const at = part.indexOf('=');
    return at === -1 ? ['', ''] : [part.slice(0, at).trim(), part.slice(at + 1).trim()];
  });
  const timestamps = parts.filter(([key]) => key === 't').map(([, value]) => value ?? '');
  const signatures = parts.filter(([key]) => key === 'v1').map(([, value]) => value ?? '');
  const [t] = timestamps;
  if (timestamps.length !== 1 || t === undefined || !/^\d{1,12}$/.test(t) || signatures.length === 0) {
    return { ok: false, reason: 'malformed' };
  }
  const timestamp = Number(t);
  const expected = Buffer.from(createHmac('sha256', secret).update(`${t}.`).update(rawBody).digest('hex'));
  const matches = signatures.some((signature) => {
    const given = Buffer.from(signature);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!matches) return { ok: false, reason: 'no_match' };
  if (Math.abs(nowSeconds - timestamp) > toleranceSeconds) return { ok: false, reason: 'stale' };
  return { ok: true, timestamp };
}
