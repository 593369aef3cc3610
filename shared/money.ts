import { z } from 'zod';
import { isIsoCurrency, isoExponent } from './currencies.js';

/*
 * Money is an integer amount of minor units plus an ISO 4217 currency, everywhere. Decimal strings
 * ("12.50" for Mollie, "9.99 EUR" in a Meta feed) are converted here, exactly, by the currency's ISO
 * exponent; nothing goes through a float. Amounts stay within Number.MAX_SAFE_INTEGER.
 */

/** Money in integer minor units (cents) plus an ISO 4217 currency. */
export const MoneySchema = z.object({
  amount: z.number().int(),
  currency: z.string().regex(/^[A-Z]{3}$/),
});
export type Money = z.infer<typeof MoneySchema>;

export const CurrencySchema = z
  .string()
  .refine(isIsoCurrency, { error: (issue) => `${JSON.stringify(issue.input)} is not an ISO 4217 currency code` });

/** A price the shop sets: never negative, in a currency the relay knows the exponent of. */
export const PriceSchema = z.object({
  amount: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  currency: CurrencySchema,
});

export type MoneyErrorCode = 'UNKNOWN_CURRENCY' | 'CURRENCY_MISMATCH' | 'INVALID_AMOUNT' | 'OUT_OF_RANGE';

/** A refusal to compute with money that would be wrong; `message` is fit to show a person. */
export class MoneyError extends Error {
  override name = 'MoneyError';
  constructor(
    readonly code: MoneyErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** The ISO 4217 exponent of a currency; an unknown currency is an error, not a guess. */
export function currencyExponent(currency: string): number {
  const exponent = isoExponent(currency);
  if (exponent === undefined) {
    throw new MoneyError('UNKNOWN_CURRENCY', `${JSON.stringify(currency)} is not an ISO 4217 currency code`);
  }
  return exponent;
}

/**
 * How many minor units a currency has (EUR 2, JPY 0). Lenient on purpose: a WhatsApp `order` may name
 * a currency the relay does not know, and the customer's message is stored all the same (assumed 2).
 */
export function minorUnitDigits(currency: string): number {
  return isoExponent(currency) ?? 2;
}

function checked(amount: number, currency: string): Money {
  if (!Number.isSafeInteger(amount)) throw new MoneyError('OUT_OF_RANGE', `${currency} amount out of range`);
  return { amount, currency };
}

/** A decimal price as WhatsApp sends it in an `order` (7.99) to integer minor units (799). */
export function decimalToMoney(value: number, currency: string): Money {
  return { amount: Math.round(value * 10 ** minorUnitDigits(currency)), currency };
}

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * "12.50" → 1250 EUR cents, "1500" → 1500 JPY, "1.250" → 1250 KWD fils. Digits beyond the currency's
 * exponent are allowed only when they are zeros ("12.500" EUR), so the value is never rounded.
 */
export function parseDecimal(value: string, currency: string): Money {
  const exponent = currencyExponent(currency);
  const match = DECIMAL.exec(value.trim());
  if (!match) {
    throw new MoneyError('INVALID_AMOUNT', `${JSON.stringify(value)} is not a decimal amount such as "12.50"`);
  }
  const [, sign = '', whole = '', fraction = ''] = match;
  if (/[^0]/.test(fraction.slice(exponent))) {
    const allows = exponent === 0 ? 'no decimals' : `at most ${exponent} decimals`;
    throw new MoneyError('INVALID_AMOUNT', `${JSON.stringify(value)}: ${currency} allows ${allows}`);
  }
  const minor = Number(whole + fraction.slice(0, exponent).padEnd(exponent, '0'));
  return checked(sign === '-' && minor !== 0 ? -minor : minor, currency);
}

/** 1250 EUR → "12.50", 1500 JPY → "1500", 1250 KWD → "1.250": the exact digits the currency has. */
export function formatDecimal(money: Money): string {
  return decimalString(money.amount, currencyExponent(money.currency));
}

function decimalString(amount: number, exponent: number): string {
  const digits = Math.abs(amount)
    .toString()
    .padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent);
  const fraction = digits.slice(digits.length - exponent);
  return `${amount < 0 ? '-' : ''}${whole}${exponent > 0 ? `.${fraction}` : ''}`;
}

/** Meta's feed price: a number, a space, the ISO code ("9.99 EUR"), with "." as decimal separator. */
export function parsePriceText(text: string): Money {
  const match = /^\s*(\S+)\s+([A-Za-z]{3})\s*$/.exec(text);
  if (!match) {
    throw new MoneyError('INVALID_AMOUNT', `${JSON.stringify(text)} is not a price such as "9.99 EUR"`);
  }
  const [, number = '', code = ''] = match;
  if (number.includes(',')) {
    throw new MoneyError(
      'INVALID_AMOUNT',
      `${JSON.stringify(text)}: write prices with "." as the decimal separator and no thousands separator, such as "1234.50 EUR"`,
    );
  }
  return parseDecimal(number, code.toUpperCase());
}

export function formatPriceText(money: Money): string {
  return `${formatDecimal(money)} ${money.currency}`;
}

export function zeroMoney(currency: string): Money {
  currencyExponent(currency);
  return { amount: 0, currency };
}

export function assertSameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) {
    throw new MoneyError('CURRENCY_MISMATCH', `${a.currency} and ${b.currency} amounts cannot be added together`);
  }
}

export function addMoney(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return checked(a.amount + b.amount, a.currency);
}

export function multiplyMoney(money: Money, quantity: number): Money {
  if (!Number.isInteger(quantity)) throw new MoneyError('INVALID_AMOUNT', `quantity ${quantity} is not a whole number`);
  return checked(money.amount * quantity, money.currency);
}

/** The sum of amounts that must all be in `currency` (given, so an empty sum has one too). */
export function sumMoney(amounts: readonly Money[], currency: string): Money {
  return amounts.reduce(addMoney, zeroMoney(currency));
}

export function formatMoney(money: Money, locale: string): string {
  // The exact decimal string, not amount / 100: Intl formats a numeric string without a float between.
  const decimal = decimalString(money.amount, minorUnitDigits(money.currency));
  return new Intl.NumberFormat(locale, { style: 'currency', currency: money.currency }).format(
    decimal as Intl.StringNumericLiteral,
  );
}
