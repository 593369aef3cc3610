import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from './config.js';

describe('readConfig: the shop', () => {
  it("takes the shop's time zone, and refuses one Intl does not know with the reason", () => {
    expect(readConfig({ SHOP_TIMEZONE: 'Europe/Brussels' }).shop?.timeZone).toBe('Europe/Brussels');
    expect(readConfig({}).shop?.timeZone).toBeUndefined();
    expect(() => readConfig({ SHOP_TIMEZONE: 'Europe/Brusels' })).toThrow(ConfigError);
    expect(() => readConfig({ SHOP_TIMEZONE: 'Europe/Brusels' })).toThrow(/SHOP_TIMEZONE: an IANA time zone/);
  });
});
