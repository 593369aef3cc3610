/** Dates, times and money for the phone page: only the edges format, always with Intl. */

export function formatTime(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeStyle: 'short' }).format(new Date(iso));
}

export function dayKey(iso: string): string {
  const date = new Date(iso);
  return `${date.getFullYear()}-${date.getMonth()}-${date.getDate()}`;
}

/** "Today", "Yesterday" or a date, like a phone's chat. */
export function formatDay(
  iso: string,
  locale: string,
  words: { today: string; yesterday: string },
  now = new Date(),
): string {
  const key = dayKey(iso);
  if (key === dayKey(now.toISOString())) return words.today;
  const yesterday = new Date(now);
  yesterday.setDate(now.getDate() - 1);
  if (key === dayKey(yesterday.toISOString())) return words.yesterday;
  return new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long' }).format(new Date(iso));
}

/** WhatsApp order prices are decimal units of the currency (reference §1.3). */
export function formatPrice(amount: number, currency: string, locale: string): string {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount);
  } catch {
    return `${amount} ${currency}`;
  }
}

/** "+32 470 12 34 56" / "+1 555 000 1234": a WhatsApp id grouped for reading, display only. */
export function formatNumber(waId: string): string {
  if (waId.startsWith('1') && waId.length === 11) {
    return `+1 ${waId.slice(1, 4)} ${waId.slice(4, 7)} ${waId.slice(7)}`;
  }
  const [country, rest] = [waId.slice(0, 2), waId.slice(2)];
  const pairs = rest.slice(3).match(/.{1,2}/g) ?? [];
  return [`+${country}`, rest.slice(0, 3), ...pairs].join(' ');
}
