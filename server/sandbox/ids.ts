import { randomBytes } from 'node:crypto';

/*
 * Identifiers shaped like Meta's. A real wamid is base64 of a small binary record holding the
 * recipient's number and a random message key; the relay must treat it as opaque text, and
 * mimicking the shape (including `+`, `/` and `=`) keeps it honest about that.
 */

export function newWamid(waId: string): string {
  const key = randomBytes(10).toString('hex').toUpperCase();
  const record = Buffer.concat([
    Buffer.from([0x1c, 0x18, waId.length]),
    Buffer.from(waId, 'ascii'),
    Buffer.from([0x15, 0x02, 0x00, 0x12, 0x18, key.length]),
    Buffer.from(key, 'ascii'),
    Buffer.from([0x00]),
  ]);
  return `wamid.${record.toString('base64')}`;
}

/** Numeric ids such as media ids: 15–16 digits, never starting with 0. */
export function newNumericId(): string {
  const digits = randomBytes(8).readBigUInt64BE() % 9_000_000_000_000_000n;
  return (digits + 1_000_000_000_000_000n).toString();
}

/** Graph's per-request trace id, echoed in every error. */
export function newFbtraceId(): string {
  return randomBytes(17).toString('base64url').slice(0, 23);
}
