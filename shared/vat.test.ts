import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MoneyError } from './money.js';
import { VatRateSchema, splitVat, vatInGross } from './vat.js';

const eur = (amount: number) => ({ amount, currency: 'EUR' });

describe('VAT contained in VAT-inclusive prices', () => {
  it('is exact where the arithmetic is', () => {
    expect(vatInGross(1210, 21)).toBe(210);
    expect(vatInGross(1060, 6)).toBe(60);
    expect(vatInGross(1055, 5.5)).toBe(55);
    expect(vatInGross(999, 0)).toBe(0);
    expect(vatInGross(0, 21)).toBe(0);
  });

  it('rounds to the nearest minor unit, halves away from zero', () => {
    expect(vatInGross(100, 21)).toBe(17); // 17.355…
    expect(vatInGross(1000, 6)).toBe(57); // 56.60…
    expect(vatInGross(3, 20)).toBe(1); // exactly 0.5
    expect(vatInGross(9, 20)).toBe(2); // exactly 1.5
    expect(vatInGross(-3, 20)).toBe(-1);
    expect(vatInGross(1, 21)).toBe(0); // 0.17…
  });

  it('is the nearest integer to gross × r / (100 + r) for any amount and rate', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 40 }), fc.integer({ min: 0, max: 10_000 }), (gross, r) => {
        const vat = BigInt(vatInGross(gross, r / 100));
        const divisor = 10_000n + BigInt(r);
        const twiceError = 2n * vat * divisor - 2n * BigInt(gross) * BigInt(r);
        // |vat − exact| ≤ ½, and a tie goes up.
        return twiceError <= divisor && twiceError > -divisor;
      }),
    );
  });

  it('accepts percentages with at most two decimals', () => {
    for (const rate of [0, 6, 21, 5.5, 2.1, 8.1, 100]) expect(VatRateSchema.safeParse(rate).success).toBe(true);
    for (const rate of [-1, 100.01, 5.555, Number.NaN]) expect(VatRateSchema.safeParse(rate).success).toBe(false);
    expect(() => vatInGross(100, 5.555)).toThrow(MoneyError);
  });
});

describe('the VAT split of a total', () => {
  it('computes each rate once, on its own total, and the parts add up', () => {
    // Three lines at 21 % of 1.00 each: per line 0.17 × 3 = 0.51; on the 3.00 at that rate 0.52.
    const parts = splitVat(
      [
        { gross: eur(100), vatRate: 21 },
        { gross: eur(100), vatRate: 21 },
        { gross: eur(100), vatRate: 21 },
        { gross: eur(1250), vatRate: 6 },
        { gross: eur(499), vatRate: 0 },
      ],
      'EUR',
    );
    expect(parts).toEqual([
      { rate: 0, gross: eur(499), net: eur(499), vat: eur(0) },
      { rate: 6, gross: eur(1250), net: eur(1179), vat: eur(71) },
      { rate: 21, gross: eur(300), net: eur(248), vat: eur(52) },
    ]);
  });

  it('adds up to the total for any mix of lines', () => {
    const line = fc.record({
      gross: fc.integer({ min: 0, max: 10_000_000 }),
      vatRate: fc.constantFrom(0, 6, 9, 12, 21, 5.5, 2.1),
    });
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), (lines) => {
        const parts = splitVat(
          lines.map((l) => ({ gross: eur(l.gross), vatRate: l.vatRate })),
          'EUR',
        );
        const total = lines.reduce((sum, l) => sum + l.gross, 0);
        const sum = parts.reduce((s, p) => s + p.net.amount + p.vat.amount, 0);
        return sum === total && parts.every((p) => p.net.amount + p.vat.amount === p.gross.amount);
      }),
    );
  });

  it('treats equal rates written differently as one rate', () => {
    const parts = splitVat(
      [
        { gross: eur(100), vatRate: 0.1 + 0.2 },
        { gross: eur(100), vatRate: 0.3 },
      ],
      'EUR',
    );
    expect(parts.map((p) => [p.rate, p.gross.amount])).toEqual([[0.3, 200]]);
  });

  it('works in currencies without decimals and refuses a mix', () => {
    expect(splitVat([{ gross: { amount: 1100, currency: 'JPY' }, vatRate: 10 }], 'JPY')).toEqual([
      {
        rate: 10,
        gross: { amount: 1100, currency: 'JPY' },
        net: { amount: 1000, currency: 'JPY' },
        vat: { amount: 100, currency: 'JPY' },
      },
    ]);
    expect(() => splitVat([{ gross: { amount: 1, currency: 'USD' }, vatRate: 21 }], 'EUR')).toThrow(
      'EUR and USD amounts cannot be added together',
    );
    expect(splitVat([], 'EUR')).toEqual([]);
  });
});
