/*
 * Calendar days in the shop's time zone (SHOP_TIMEZONE, else the relay machine's): a Belgian shop's
 * Monday starts at midnight in Brussels, not at 01:00 or 02:00 as a UTC day would.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whether Intl knows this IANA time zone ("Europe/Brussels"). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export interface ShopDays {
  /** The day (YYYY-MM-DD) a moment falls on in the shop's time zone. */
  dayOf(at: number | string): string;
  /** The last `count` days up to today, oldest first. */
  lastDays(now: number, count: number): string[];
}

export function shopDays(timeZone: string): ShopDays {
  // en-CA writes dates as YYYY-MM-DD.
  const format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const dayOf = (at: number | string) => format.format(typeof at === 'string' ? Date.parse(at) : at);
  return {
    dayOf,
    lastDays(now, count) {
      // Counted on the calendar, so a day of 23 or 25 hours (summer time) is still one day.
      const [y = 1970, m = 1, d = 1] = dayOf(now).split('-').map(Number);
      const today = Date.UTC(y, m - 1, d);
      return Array.from({ length: count }, (_, i) =>
        new Date(today - (count - 1 - i) * DAY_MS).toISOString().slice(0, 10),
      );
    },
  };
}
