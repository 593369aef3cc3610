/*
 * ISO 4217 currencies and their minor-unit exponents, written out rather than asked of Intl: Intl
 * answers with CLDR's display digits (HUF 0, IDR 0, IQD 0), while prices, Mollie's amount strings and
 * Meta's feeds follow ISO 4217 (HUF 2, IDR 2, IQD 3). Funds codes (BOV, CLF, …), precious metals and
 * XDR are not money a shop sells in; HRK left the list when Croatia took the euro in 2023.
 */

const EXPONENT_0 = 'BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX VND VUV XAF XOF XPF';
const EXPONENT_3 = 'BHD IQD JOD KWD LYD OMR TND';
const EXPONENT_2 =
  'AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BRL BSD BTN BWP BYN BZD CAD CDF ' +
  'CHF CNY COP CRC CUC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GTQ GYD HKD ' +
  'HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD LSL MAD MDL MGA MKD MMK MNT ' +
  'MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR ' +
  'SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD SSP STN SVC SYP SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD ' +
  'UYU UZS VED VES WST XCD XCG YER ZAR ZMW ZWG ZWL';

const exponents = new Map<string, number>();
for (const [codes, exponent] of [
  [EXPONENT_0, 0],
  [EXPONENT_2, 2],
  [EXPONENT_3, 3],
] as const) {
  for (const code of codes.split(' ')) exponents.set(code, exponent);
}

/** The ISO 4217 minor-unit exponent of a currency (EUR 2, JPY 0, KWD 3), or undefined when unknown. */
export function isoExponent(currency: string): number | undefined {
  return exponents.get(currency);
}

export function isIsoCurrency(code: string): boolean {
  return exponents.has(code);
}
