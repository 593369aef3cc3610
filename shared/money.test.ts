import { describe, expect, it } from 'vitest';
import {
  MoneyError,
  PriceSchema,
  addMoney,
  currencyExponent,
  decimalToMoney,
  formatDecimal,
  formatMoney,
  formatPriceText,
  multiplyMoney,
  parseDecimal,
  parsePriceText,
  sumMoney,
} from './money.js';
import { toWaId } from './phone.js';

const eur = (amount: number) => ({ amount, currency: 'EUR' });

function moneyError(work: () => unknown): MoneyError {
  try {
    work();
  } catch (error) {
    if (error instanceof MoneyError) return error;
    throw error;
  }
  throw new Error('expected a MoneyError');
}

describe('money in minor units', () => {
  it('turns WhatsApp decimal prices into cents by the currency’s own exponent', () => {
    expect(decimalToMoney(7.99, 'EUR')).toEqual({ amount: 799, currency: 'EUR' });
    expect(decimalToMoney(0.1 + 0.2, 'EUR')).toEqual({ amount: 30, currency: 'EUR' });
    expect(decimalToMoney(1500, 'JPY')).toEqual({ amount: 1500, currency: 'JPY' });
    // ISO 4217, not Intl's display digits: a forint has 100 fillér, a dinar 1000 fils.
    expect(decimalToMoney(1299.5, 'HUF')).toEqual({ amount: 129950, currency: 'HUF' });
    expect(decimalToMoney(1.25, 'IQD')).toEqual({ amount: 1250, currency: 'IQD' });
    // A currency WhatsApp names and the relay does not know is still stored, read as cents.
    expect(decimalToMoney(1.5, 'XYZ')).toEqual({ amount: 150, currency: 'XYZ' });
  });

  it('formats only at the edge, for the reader’s locale', () => {
    expect(formatMoney({ amount: 1299, currency: 'EUR' }, 'nl-BE').replace(/\s/g, ' ')).toBe('€ 12,99');
    expect(formatMoney({ amount: 1299, currency: 'EUR' }, 'en-GB')).toBe('€12.99');
    expect(formatMoney({ amount: 1500, currency: 'JPY' }, 'en-US')).toBe('¥1,500');
    // Beyond 2^53 / 100 a float division would lose the cents; the decimal string does not.
    expect(formatMoney({ amount: 9_007_199_254_740_991, currency: 'EUR' }, 'en-GB')).toBe('€90,071,992,547,409.91');
  });

  it('knows ISO exponents and refuses unknown currencies', () => {
    expect([currencyExponent('EUR'), currencyExponent('JPY'), currencyExponent('KWD')]).toEqual([2, 0, 3]);
    expect(moneyError(() => currencyExponent('XYZ')).code).toBe('UNKNOWN_CURRENCY');
    expect(moneyError(() => currencyExponent('eur')).code).toBe('UNKNOWN_CURRENCY');
    expect(PriceSchema.safeParse(eur(100)).success).toBe(true);
    expect(PriceSchema.safeParse({ amount: 100, currency: 'XYZ' }).error?.issues[0]?.message).toBe(
      '"XYZ" is not an ISO 4217 currency code',
    );
    expect(PriceSchema.safeParse(eur(-1)).success).toBe(false);
    expect(PriceSchema.safeParse(eur(1.5)).success).toBe(false);
  });
});

describe('decimal strings', () => {
  it('parses exactly, by the currency’s exponent', () => {
    expect(parseDecimal('12.50', 'EUR')).toEqual(eur(1250));
    expect(parseDecimal('12.5', 'EUR')).toEqual(eur(1250));
    expect(parseDecimal('12', 'EUR')).toEqual(eur(1200));
    expect(parseDecimal('0.07', 'EUR')).toEqual(eur(7));
    expect(parseDecimal('12.500', 'EUR')).toEqual(eur(1250));
    expect(parseDecimal('1500', 'JPY')).toEqual({ amount: 1500, currency: 'JPY' });
    expect(parseDecimal('1500.00', 'JPY')).toEqual({ amount: 1500, currency: 'JPY' });
    expect(parseDecimal('1.250', 'KWD')).toEqual({ amount: 1250, currency: 'KWD' });
    expect(parseDecimal('-3.10', 'EUR')).toEqual(eur(-310));
    expect(parseDecimal('-0.00', 'EUR')).toEqual(eur(0));
    // Floats would say 1.005 * 100 = 100.49999…; strings have no such trouble.
    expect(parseDecimal('1.10', 'EUR')).toEqual(eur(110));
    expect(parseDecimal('90071992547409.91', 'EUR')).toEqual(eur(9_007_199_254_740_991));
  });

  it('never rounds and says why a value is refused', () => {
    expect(moneyError(() => parseDecimal('12.505', 'EUR')).message).toBe('"12.505": EUR allows at most 2 decimals');
    expect(moneyError(() => parseDecimal('1500.5', 'JPY')).message).toBe('"1500.5": JPY allows no decimals');
    for (const bad of ['', '.5', '12.', '1,50', '1e3', '12.50 EUR', '+1', 'NaN']) {
      expect(moneyError(() => parseDecimal(bad, 'EUR')).code).toBe('INVALID_AMOUNT');
    }
    expect(moneyError(() => parseDecimal('90071992547409.92', 'EUR')).code).toBe('OUT_OF_RANGE');
    expect(moneyError(() => parseDecimal('1.00', 'ABC')).code).toBe('UNKNOWN_CURRENCY');
  });

  it('formats with exactly the currency’s decimals, as Mollie wants them', () => {
    expect(formatDecimal(eur(1250))).toBe('12.50');
    expect(formatDecimal(eur(7))).toBe('0.07');
    expect(formatDecimal(eur(0))).toBe('0.00');
    expect(formatDecimal(eur(-310))).toBe('-3.10');
    expect(formatDecimal({ amount: 1500, currency: 'JPY' })).toBe('1500');
    expect(formatDecimal({ amount: 5, currency: 'BHD' })).toBe('0.005');
  });

  it('round-trips every amount', () => {
    for (const currency of ['EUR', 'JPY', 'KWD']) {
      for (const amount of [0, 1, 9, 10, 99, 100, 101, 123456789, -42]) {
        expect(parseDecimal(formatDecimal({ amount, currency }), currency)).toEqual({ amount, currency });
      }
    }
  });

  it('reads and writes Meta feed prices', () => {
    expect(parsePriceText('9.99 EUR')).toEqual(eur(999));
    expect(parsePriceText('  1234.5   eur ')).toEqual(eur(123450));
    expect(parsePriceText('1500 JPY')).toEqual({ amount: 1500, currency: 'JPY' });
    expect(formatPriceText(eur(999))).toBe('9.99 EUR');
    expect(moneyError(() => parsePriceText('9,99 EUR')).message).toContain('"." as the decimal separator');
    expect(moneyError(() => parsePriceText('1,234.50 EUR')).message).toContain('no thousands separator');
    expect(moneyError(() => parsePriceText('EUR 9.99')).message).toBe('"EUR 9.99" is not a price such as "9.99 EUR"');
    expect(moneyError(() => parsePriceText('9.99')).message).toBe('"9.99" is not a price such as "9.99 EUR"');
    expect(moneyError(() => parsePriceText('9.99 ZZZ')).code).toBe('UNKNOWN_CURRENCY');
    expect(moneyError(() => parsePriceText('€9.99 EUR')).code).toBe('INVALID_AMOUNT');
  });
});

describe('arithmetic', () => {
  it('adds, multiplies and sums within one currency', () => {
    expect(addMoney(eur(250), eur(199))).toEqual(eur(449));
    expect(multiplyMoney(eur(333), 3)).toEqual(eur(999));
    expect(sumMoney([eur(1), eur(2), eur(3)], 'EUR')).toEqual(eur(6));
    expect(sumMoney([], 'JPY')).toEqual({ amount: 0, currency: 'JPY' });
  });

  it('never mixes currencies or leaves the safe integers', () => {
    const usd = { amount: 100, currency: 'USD' };
    const mixed = moneyError(() => addMoney(eur(100), usd));
    expect(mixed.code).toBe('CURRENCY_MISMATCH');
    expect(mixed.message).toBe('EUR and USD amounts cannot be added together');
    expect(moneyError(() => sumMoney([eur(1), usd], 'EUR')).code).toBe('CURRENCY_MISMATCH');
    expect(moneyError(() => sumMoney([eur(1)], 'USD')).code).toBe('CURRENCY_MISMATCH');
    expect(moneyError(() => multiplyMoney(eur(Number.MAX_SAFE_INTEGER), 2)).code).toBe('OUT_OF_RANGE');
    expect(moneyError(() => multiplyMoney(eur(1), 1.5)).code).toBe('INVALID_AMOUNT');
  });
});

describe('WhatsApp ids', () => {
  it('accepts what people type and keeps digits with country code', () => {
    expect(toWaId('+32 470 12-34-56')).toBe('32470123456');
    expect(toWaId('0031 6 12345678')).toBe('31612345678');
    expect(toWaId('12')).toBeNull();
    expect(toWaId('not a number')).toBeNull();
  });
});
