/*
 * Dates, times and numbers for the user's locale, with Intl only. Formatters are costly to build
 * and the conversation list formats on every update, so each is cached per locale.
 */

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, name: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${name}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    cache.set(key, format);
  }
  return format;
}

function startOfDay(time: number): number {
  const date = new Date(time);
  date.setHours(0, 0, 0, 0);
  return date.getTime();
}

/** A stable key for the calendar day of a timestamp, in local time. */
export function dayKey(iso: string): string {
  const date = new Date(iso);
  return `${date.getFullYear()}-${date.getMonth()}-${date.getDate()}`;
}

export function formatTime(iso: string, locale: string): string {
  return formatter(locale, 'time', { hour: 'numeric', minute: '2-digit' }).format(new Date(iso));
}

/** For the conversation list: a time today, a weekday within the week, a date otherwise. */
export function formatListTime(iso: string, locale: string, now: number): string {
  const time = Date.parse(iso);
  const today = startOfDay(now);
  if (time >= today) return formatTime(iso, locale);
  if (time >= today - 6 * 86_400_000) return formatter(locale, 'weekday', { weekday: 'short' }).format(time);
  if (new Date(time).getFullYear() === new Date(now).getFullYear()) {
    return formatter(locale, 'dayMonth', { day: 'numeric', month: 'short' }).format(time);
  }
  return formatter(locale, 'date', { dateStyle: 'short' }).format(time);
}

export type DayLabel = { kind: 'today' } | { kind: 'yesterday' } | { kind: 'date'; text: string };

/** For the day separators between messages. */
export function dayLabel(iso: string, locale: string, now: number): DayLabel {
  const day = startOfDay(Date.parse(iso));
  const today = startOfDay(now);
  if (day === today) return { kind: 'today' };
  if (day === startOfDay(today - 1)) return { kind: 'yesterday' };
  const sameYear = new Date(day).getFullYear() === new Date(now).getFullYear();
  const options: Intl.DateTimeFormatOptions = sameYear
    ? { weekday: 'long', day: 'numeric', month: 'long' }
    : { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' };
  return { kind: 'date', text: formatter(locale, sameYear ? 'dayLong' : 'dayLongYear', options).format(day) };
}

/** A calendar date ("2 Nov 2026"), for when something began. */
export function formatDate(iso: string, locale: string): string {
  return formatter(locale, 'dateMedium', { dateStyle: 'medium' }).format(new Date(iso));
}

/** Full date and time, for tooltips. */
export function formatDateTime(iso: string, locale: string): string {
  return formatter(locale, 'dateTime', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

const numberCache = new Map<string, Intl.NumberFormat>();

function numberFormatter(locale: string, name: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${name}`;
  let format = numberCache.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    numberCache.set(key, format);
  }
  return format;
}

export function formatCoordinate(value: number, locale: string): string {
  return numberFormatter(locale, 'coordinate', { maximumFractionDigits: 5 }).format(value);
}

/** A length of time in the largest unit that keeps it readable: "45 sec", "12.5 min", "3 hr". */
export function formatDuration(ms: number, locale: string): string {
  const seconds = ms / 1_000;
  const [value, unit] =
    seconds < 90 ? [seconds, 'second'] : seconds < 90 * 60 ? [seconds / 60, 'minute'] : [seconds / 3_600, 'hour'];
  return numberFormatter(locale, `duration-${unit}`, {
    style: 'unit',
    unit,
    unitDisplay: 'short',
    maximumFractionDigits: 1,
  }).format(value);
}

/** A count, such as the number of conversations, with the locale's grouping. */
export function formatCount(value: number, locale: string): string {
  return numberFormatter(locale, 'count', {}).format(value);
}

/**
 * Builds the formatters the conversation list needs (the first of each costs milliseconds: the
 * locale's data is loaded), so that is done while someone signs in, not after they clicked.
 */
export function prepareListFormats(locale: string, now: number = Date.now()): void {
  const day = 86_400_000;
  for (const ago of [0, 3 * day, 40 * day, 400 * day]) {
    const iso = new Date(now - ago).toISOString();
    formatListTime(iso, locale, now);
    formatDateTime(iso, locale);
  }
  formatCount(10_000, locale);
}

/** "Anna", "Anna and Ben", "Anna, Ben and Chris" in the user's language. */
export function formatNames(names: readonly string[], locale: string): string {
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(names);
}
