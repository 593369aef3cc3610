import { describe, expect, it } from 'vitest';
import { isTimeZone, shopDays } from './shop-days.js';

describe('shopDays', () => {
  it("counts days in the shop's time zone, across the change to winter time", () => {
    const brussels = shopDays('Europe/Brussels');
    // 23:30 UTC on 25 October is already the 26th in Brussels.
    expect(brussels.dayOf('2026-10-25T23:30:00.000Z')).toBe('2026-10-26');
    expect(shopDays('UTC').dayOf('2026-10-25T23:30:00.000Z')).toBe('2026-10-25');
    // 25 October 2026 has 25 hours in Brussels; the days are still one each.
    expect(brussels.lastDays(Date.parse('2026-10-26T00:30:00.000Z'), 3)).toEqual([
      '2026-10-24',
      '2026-10-25',
      '2026-10-26',
    ]);
  });

  it('knows a time zone from a typo', () => {
    expect(isTimeZone('Europe/Brussels')).toBe(true);
    expect(isTimeZone('Europe/Brusels')).toBe(false);
  });
});
