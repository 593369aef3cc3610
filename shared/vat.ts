import { z } from 'zod';
import { MoneyError, assertSameCurrency, zeroMoney, type Money } from './money.js';

/*
 * Prices include VAT, as EU shops show them; VAT is only split out of a total for the receipt.
 *
 * A rate is a percentage with at most two decimals: 21, 12, 6 and 0 in Belgium, 21 and 9 in the
 * Netherlands, 5.5 and 2.1 in France, 8.1 and 2.6 in Switzerland. It is computed as an integer
 * number of hundredths of a percent, so 5.5 is 550 and no float is ever multiplied with money.
 *
 * Rounding: the VAT of each rate is computed once, on the sum of the VAT-inclusive amounts at that
 * rate (as an invoice shows it: "21 % on €24.20"), and rounded to the nearest minor unit, halves away
 * from zero. The net of a rate is its gross minus its VAT, so net + VAT = gross for every rate and
 * the rates add up to the total exactly. Summing per-line VAT instead could differ by a cent per line.
 */

export const VatRateSchema = z
  .number()
  .min(0)
  .max(100)
  .refine((rate) => Math.abs(rate * 100 - Math.round(rate * 100)) < 1e-9, {
    error: 'a VAT rate is a percentage with at most two decimals, such as 21, 6 or 5.5',
  });
export type VatRate = z.infer<typeof VatRateSchema>;

function hundredths(rate: number): bigint {
  const parsed = VatRateSchema.safeParse(rate);
  if (!parsed.success) throw new MoneyError('INVALID_AMOUNT', `VAT rate ${rate} is not a percentage from 0 to 100`);
  return BigInt(Math.round(rate * 100));
}

/** The VAT contained in a VAT-inclusive amount of minor units: gross × r / (100 + r), rounded. */
export function vatInGross(gross: number, rate: number): number {
  const r = hundredths(rate);
  const divisor = 10_000n + r;
  const magnitude = (2n * BigInt(Math.abs(gross)) * r + divisor) / (2n * divisor);
  return Number(gross < 0 ? -magnitude : magnitude);
}

export interface VatPart {
  rate: number;
  /** What the customer pays at this rate, VAT included. */
  gross: Money;
  net: Money;
  vat: Money;
}

/** Splits VAT-inclusive amounts by rate, lowest rate first; every amount must be in `currency`. */
export function splitVat(lines: readonly { gross: Money; vatRate: number }[], currency: string): VatPart[] {
  const byRate = new Map<number, number>();
  const zero = zeroMoney(currency);
  for (const line of lines) {
    assertSameCurrency(zero, line.gross);
    const rate = Number(hundredths(line.vatRate)) / 100; // 0.1 + 0.2 and 0.3 are one rate
    const sum = (byRate.get(rate) ?? 0) + line.gross.amount;
    if (!Number.isSafeInteger(sum)) throw new MoneyError('OUT_OF_RANGE', `${currency} amount out of range`);
    byRate.set(rate, sum);
  }
  return [...byRate.entries()]
    .sort(([a], [b]) => a - b)
    .map(([rate, gross]) => {
      const vat = vatInGross(gross, rate);
      return {
        rate,
        gross: { amount: gross, currency },
        net: { amount: gross - vat, currency },
        vat: { amount: vat, currency },
      };
    });
}
