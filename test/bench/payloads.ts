import { inboundText, type Customer } from '../helpers/webhooks.js';

/*
 * The messages of the fan-out run: Cloud API text webhooks from a handful of customers, built
 * once per sequence number so Toonbank and the baseline receive the same JSON, byte for byte.
 */

export const CUSTOMERS: Customer[] = [
  { waId: '32470111001', name: 'Anke Peeters' },
  { waId: '32470111002', name: 'Lucas Dubois' },
  { waId: '31612345003', name: 'Sanne de Vries' },
  { waId: '32470111004', name: 'Camille Lambert' },
  { waId: '31612345005', name: 'Daan Jansen' },
  { waId: '32470111006', name: 'Noor Claes' },
  { waId: '31612345007', name: 'Julie Maes' },
  { waId: '32470111008', name: 'Milan Willems' },
];

const LINES = [
  'Hallo, hebben jullie deze jas nog in maat M?',
  'Bonjour, je voudrais commander deux bougies.',
  'Can I pick the order up on Saturday morning?',
  'Is verzending naar Gent gratis vanaf 50 euro?',
];

export const customerOf = (seq: number, customers: number): Customer => {
  const customer = CUSTOMERS[seq % customers];
  if (!customer) throw new Error(`only ${CUSTOMERS.length} bench customers`);
  return customer;
};

/** A unique, greppable token per message: `${prefix}${seq}~`. */
export const tokenOf = (prefix: string, seq: number): string => `${prefix}${seq}~`;

/** What the customer writes: the token first, so the list's one-line preview always contains it. */
export const textOf = (token: string, seq: number): string => `${token} ${LINES[seq % LINES.length] ?? ''}`;

/** The webhook JSON for message `seq`, identical for both systems. */
export function webhookBody(runId: string, seq: number, text: string, customers: number): string {
  const wamid = `wamid.HBgLBENCH${runId}${String(seq).padStart(6, '0')}`;
  return JSON.stringify(inboundText(customerOf(seq, customers), text, { wamid }));
}
