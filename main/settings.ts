/*
 * Runs in: Electron main (no Electron import — unit-tested in settings.test.ts against a temp folder).
 * The desktop app's own settings: one small JSON file in the user-data folder, parsed through its
 * schema when read back, written atomically (temp file, fsync, rename) so a crash leaves either the
 * old or the new file, never half of one.
 */
import { mkdir, open, readFile, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Logger } from 'pino';
import { z } from 'zod';
import { RelayUrlSchema } from '../shared/ipc-schemas.js';

export const SettingsSchema = z.object({ relayUrl: RelayUrlSchema });
export type Settings = z.infer<typeof SettingsSchema>;

/** Fields a file may lack (written by an older version): each falls back to its default. */
const StoredSettingsSchema = SettingsSchema.partial();

export const FALLBACK_RELAY_URL = 'http://127.0.0.1:4000';

/** The relay URL used until the person sets one: `TOONBANK_RELAY_URL`, else the local relay. */
export function defaultRelayUrl(env: Readonly<Record<string, string | undefined>>, log: Logger): string {
  const fromEnv = env.TOONBANK_RELAY_URL;
  if (fromEnv === undefined || fromEnv === '') return FALLBACK_RELAY_URL;
  const parsed = RelayUrlSchema.safeParse(fromEnv);
  if (parsed.success) return parsed.data;
  log.warn({ value: fromEnv }, `TOONBANK_RELAY_URL is not an http(s) URL; using ${FALLBACK_RELAY_URL}`);
  return FALLBACK_RELAY_URL;
}

export interface SettingsStore {
  read(): Promise<Settings>;
  setRelayUrl(url: string): Promise<void>;
}

export interface SettingsStoreOptions {
  /** Absolute path of the JSON file, e.g. `<userData>/settings.json`. */
  readonly file: string;
  readonly defaults: Settings;
  readonly log: Logger;
}

function isMissingFile(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}

async function writeDurably(file: string, text: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  const handle = await open(temp, 'w');
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, file);
  // The rename itself is durable only once the folder is synced (not possible on Windows).
  if (process.platform !== 'win32') {
    const folder = await open(dirname(file), 'r');
    try {
      await folder.sync();
    } finally {
      await folder.close();
    }
  }
}

export function createSettingsStore({ file, defaults, log }: SettingsStoreOptions): SettingsStore {
  let cached: Promise<Settings> | undefined;
  // Writes run one after another so the last call wins on disk as in memory.
  let writing: Promise<void> = Promise.resolve();

  async function load(): Promise<Settings> {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if (isMissingFile(error)) return { ...defaults };
      throw error;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      log.warn({ file }, 'settings file is not valid JSON; using the defaults until a setting is saved');
      return { ...defaults };
    }
    const parsed = StoredSettingsSchema.safeParse(json);
    if (!parsed.success) {
      log.warn({ file, issues: parsed.error.issues }, 'settings file does not match its schema; using the defaults');
      return { ...defaults };
    }
    return { ...defaults, ...parsed.data };
  }

  function read(): Promise<Settings> {
    cached ??= load().catch((error: unknown) => {
      cached = undefined; // an unreadable file (permissions, I/O) is retried on the next read
      throw error;
    });
    return cached;
  }

  function update(change: Partial<Settings>): Promise<void> {
    const run = writing.then(async () => {
      const next = SettingsSchema.parse({ ...(await read()), ...change });
      await writeDurably(file, `${JSON.stringify(next, null, 2)}\n`);
      cached = Promise.resolve(next);
    });
    writing = run.catch(() => undefined);
    return run;
  }

  return {
    read,
    setRelayUrl: async (url) => {
      await update({ relayUrl: RelayUrlSchema.parse(url) });
    },
  };
}
