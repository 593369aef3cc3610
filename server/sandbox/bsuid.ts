import { createHash } from 'node:crypto';

/*
 * Each sandbox customer's business-scoped user id, made up the way Meta's look (a country code, a
 * dot, digits) and stable: the same number always gets the same id, so a customer keeps theirs
 * across sandbox restarts like a real one keeps it across conversations.
 */

const COUNTRY_OF_CALLING_CODE: [string, string][] = [
  ['32', 'BE'],
  ['31', 'NL'],
  ['33', 'FR'],
  ['49', 'DE'],
  ['44', 'GB'],
  ['352', 'LU'],
  ['1', 'US'],
];

export function bsuidOf(waId: string): string {
  const country = COUNTRY_OF_CALLING_CODE.find(([code]) => waId.startsWith(code))?.[1] ?? 'ZZ';
  const digits = BigInt(`0x${createHash('sha256').update(`toonbank-sandbox:${waId}`).digest('hex').slice(0, 16)}`);
  return `${country}.${digits.toString().padStart(20, '0')}`;
}
