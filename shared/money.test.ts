import { describe, expect, it } from 'vitest';
import { decimalToMoney, formatMoney } from './money.js';
import { toWaId } from './phone.js';

describe('money in minor units', () => {
  it('turns WhatsApp decimal prices into cents by the currency’s own exponent', () => {
    expect(decimalToMoney(7.99, 'EUR')).toEqual({ amount: 799, currency: 'EUR' });
    expect(decimalToMoney(0.1 + 0.2, 'EUR')).toEqual({ amount: 30, currency: 'EUR' });
    expect(decimalToMoney(1500, 'JPY')).toEqual({ amount: 1500, currency: 'JPY' });
  });

  it('formats only at the edge, for the reader’s locale', () => {
    expect(formatMoney({ amount: 1299, currency: 'EUR' }, 'nl-BE').replace(/\s/g, ' ')).toBe('€ 12,99');
    expect(formatMoney({ amount: 1299, currency: 'EUR' }, 'en-GB')).toBe('€12.99');
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
