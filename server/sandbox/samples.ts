import type { Customer } from '../../shared/protocol/sandbox.js';

/** Customers to play at once: Belgian and Dutch names and mobile numbers, as WhatsApp ids. */
export const SAMPLE_CUSTOMERS: readonly Customer[] = [
  { name: 'Anouk Janssens', waId: '32470123456' },
  { name: 'Camille Dubois', waId: '32478901234' },
  { name: 'Mehdi El Amrani', waId: '32495778812' },
  { name: 'Sanne de Vries', waId: '31612345678' },
  { name: 'Daan Bakker', waId: '31687654321' },
];
