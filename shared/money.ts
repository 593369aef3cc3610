import { z } from 'zod';

/** Money in integer minor units (cents) plus an ISO 4217 currency. */
export const MoneySchema = z.object({
  amount: z.number().int(),
  currency: z.string().regex(/^[A-Z]{3}$/),
});
export type Money = z.infer<typeof MoneySchema>;

/** How many minor units a currency has (EUR 2, JPY 0), as Intl knows it. */
export function minorUnitDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** A decimal price as WhatsApp sends it in an `order` (7.99) to integer minor units (799). */
export function decimalToMoney(value: number, currency: string): Money {
  return { amount: Math.round(value * 10 ** minorUnitDigits(currency)), currency };
}

export function formatMoney(money: Money, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency: money.currency }).format(
    money.amount / 10 ** minorUnitDigits(money.currency),
  );
}
