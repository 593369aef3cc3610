import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSettingsStore, defaultRelayUrl, FALLBACK_RELAY_URL } from './settings.js';

const log = pino({ level: 'silent' });
let folder: string;
let file: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'toonbank-settings-'));
  file = join(folder, 'settings.json');
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const defaults = { relayUrl: 'http://127.0.0.1:4000' };

describe('defaultRelayUrl', () => {
  it('takes TOONBANK_RELAY_URL when it is an http(s) URL', () => {
    expect(defaultRelayUrl({ TOONBANK_RELAY_URL: 'https://relay.shop.be' }, log)).toBe('https://relay.shop.be');
  });
  it('falls back to the local relay when unset, empty or not http(s)', () => {
    expect(defaultRelayUrl({}, log)).toBe(FALLBACK_RELAY_URL);
    expect(defaultRelayUrl({ TOONBANK_RELAY_URL: '' }, log)).toBe(FALLBACK_RELAY_URL);
    expect(defaultRelayUrl({ TOONBANK_RELAY_URL: 'ftp://relay' }, log)).toBe(FALLBACK_RELAY_URL);
    expect(defaultRelayUrl({ TOONBANK_RELAY_URL: 'relay.shop.be' }, log)).toBe(FALLBACK_RELAY_URL);
  });
});

describe('createSettingsStore', () => {
  it('gives the defaults when there is no file yet, without creating one', async () => {
    const store = createSettingsStore({ file, defaults, log });
    expect(await store.read()).toEqual(defaults);
    expect(await readdir(folder)).toEqual([]);
  });

  it('persists a new relay URL and reads it back in a fresh store', async () => {
    await createSettingsStore({ file, defaults, log }).setRelayUrl('https://relay.shop.be');
    const reopened = createSettingsStore({ file, defaults, log });
    expect(await reopened.read()).toEqual({ relayUrl: 'https://relay.shop.be' });
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ relayUrl: 'https://relay.shop.be' });
    expect(await readdir(folder)).toEqual(['settings.json']); // no temp file left behind
  });

  it('creates the user-data folder when it does not exist yet', async () => {
    const nested = join(folder, 'Toonbank', 'settings.json');
    await createSettingsStore({ file: nested, defaults, log }).setRelayUrl('http://10.0.0.2:4000');
    expect(await createSettingsStore({ file: nested, defaults, log }).read()).toEqual({
      relayUrl: 'http://10.0.0.2:4000',
    });
  });

  it('refuses an invalid URL and keeps what was stored', async () => {
    const store = createSettingsStore({ file, defaults, log });
    await store.setRelayUrl('https://relay.shop.be');
    await expect(store.setRelayUrl('javascript:alert(1)')).rejects.toThrow();
    await expect(store.setRelayUrl('')).rejects.toThrow();
    expect(await store.read()).toEqual({ relayUrl: 'https://relay.shop.be' });
    expect(await createSettingsStore({ file, defaults, log }).read()).toEqual({ relayUrl: 'https://relay.shop.be' });
  });

  it('falls back to the defaults when the file is corrupt or fails its schema', async () => {
    await writeFile(file, '{"relayUrl": "https://rel');
    expect(await createSettingsStore({ file, defaults, log }).read()).toEqual(defaults);
    await writeFile(file, JSON.stringify({ relayUrl: 'file:///etc/passwd' }));
    expect(await createSettingsStore({ file, defaults, log }).read()).toEqual(defaults);
    await writeFile(file, '[]');
    expect(await createSettingsStore({ file, defaults, log }).read()).toEqual(defaults);
  });

  it('fills fields a file from an older version lacks from the defaults', async () => {
    await writeFile(file, '{}');
    expect(await createSettingsStore({ file, defaults, log }).read()).toEqual(defaults);
  });

  it('keeps the last of several concurrent changes, in memory and on disk', async () => {
    const store = createSettingsStore({ file, defaults, log });
    await Promise.all([
      store.setRelayUrl('http://a.example:4000'),
      store.setRelayUrl('http://b.example:4000'),
      store.setRelayUrl('http://c.example:4000'),
    ]);
    expect(await store.read()).toEqual({ relayUrl: 'http://c.example:4000' });
    expect(await createSettingsStore({ file, defaults, log }).read()).toEqual({ relayUrl: 'http://c.example:4000' });
  });
});
