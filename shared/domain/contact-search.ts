import type { Contact } from './conversation.js';

/**
 * Whether a search for `query` finds this customer: by name, by number (typed any way: "+32 470…",
 * "0032…", digits), by username (with or without "@") or by business-scoped user id. A customer
 * with no number is found like any other.
 */
export function contactMatches(contact: Contact, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (q === '') return true;
  const bare = q.replace(/^@/, '');
  if (contact.name.toLowerCase().includes(q)) return true;
  if (contact.username?.toLowerCase().includes(bare)) return true;
  if (contact.userId?.toLowerCase().includes(q)) return true;
  const digits = q.replace(/[\s\-().+]/g, '').replace(/^00/, '');
  return /^\d{3,}$/.test(digits) && contact.waId !== null && contact.waId.includes(digits);
}
