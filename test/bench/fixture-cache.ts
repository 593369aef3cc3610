import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pino from 'pino';
import { createRelay } from '../../server/relay.js';
import { DATA_FORMAT } from '../../server/storage/data-format.js';
import { cloudTestConfig } from '../helpers/relay-harness.js';
import { FIXTURE_REVISION, writeShop, type WrittenConversation } from './storage-fixture.js';

/*
 * Shops that are only started and read (the start and inbox sections) are written once and kept
 * under the OS temp folder, keyed by the data format and the fixture's revision, so a second run
 * does not write a million messages again. Each run works on a hard-linked copy: the relay writes
 * only new files (journal segments) and replaces files by rename (durable writes), so the cached
 * inodes are never changed and the cache stays as it was written.
 *
 *   $TMPDIR/toonbank-bench-<name>-f<format>r<revision>/data            the DATA_DIR, with a supervisor
 *   $TMPDIR/toonbank-bench-<name>-f<format>r<revision>/manifest.json   its conversations' ids
 */

const run = promisify(execFile);
const CACHE_KEY = `f${DATA_FORMAT}r${FIXTURE_REVISION}`;
const PREFIX = 'toonbank-bench-';

export interface ShopSpec {
  /** The cache's name for it. */
  name: string;
  /** Messages of each conversation; the last conversation is the newest. */
  counts: number[];
}

export const EMPTY_SHOP: ShopSpec = { name: 'empty', counts: [] };
export const SHOP_50: ShopSpec = { name: '50', counts: Array<number>(50).fill(100) };
export const SHOP_100K: ShopSpec = { name: '100k', counts: Array<number>(1_000).fill(100) };
export const SHOP_1M: ShopSpec = { name: '1m', counts: Array<number>(10_000).fill(100) };

/** The supervisor every cached shop has (created by the relay itself, at the fixture's first start). */
export const BENCH_ADMIN = { email: 'owner@bench.test', password: 'bench owner password' };

export interface CachedShop {
  /** The cached DATA_DIR: never start a relay on it, copy it with `linkCopy`. */
  dataDir: string;
  conversations: WrittenConversation[];
  /** False when the cache already held it. */
  written: boolean;
  writeMs: number;
}

interface Manifest {
  key: string;
  counts: number;
  conversations: WrittenConversation[];
}

/** The cached shop, written first if the cache does not hold it. */
export async function cachedShop({ name, counts }: ShopSpec): Promise<CachedShop> {
  const dir = join(tmpdir(), `${PREFIX}${name}-${CACHE_KEY}`);
  const manifestPath = join(dir, 'manifest.json');
  if (existsSync(manifestPath)) {
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as Manifest;
    if (manifest.key === CACHE_KEY && manifest.counts === counts.length) {
      return { dataDir: join(dir, 'data'), conversations: manifest.conversations, written: false, writeMs: 0 };
    }
  }
  await removeStale(name);
  const t = performance.now();
  const partial = `${dir}.partial-${process.pid}`;
  await rm(partial, { recursive: true, force: true });
  const dataDir = join(partial, 'data');
  await mkdir(dataDir, { recursive: true });
  const conversations = await writeShop(dataDir, counts, { durable: false });
  await addSupervisor(dataDir);
  const manifest: Manifest = { key: CACHE_KEY, counts: counts.length, conversations };
  await writeFile(join(partial, 'manifest.json'), JSON.stringify(manifest));
  // One flush of the whole filesystem instead of one fsync per file: the dirty pages of a million
  // messages must not be written back while a start is being timed.
  await run('sync', ['-f', partial]);
  await rm(dir, { recursive: true, force: true });
  await rename(partial, dir);
  return { dataDir: join(dir, 'data'), conversations, written: true, writeMs: performance.now() - t };
}

/** Older revisions and half-written copies of `name` (a run that was stopped) go. */
async function removeStale(name: string): Promise<void> {
  for (const entry of await readdir(tmpdir())) {
    if (entry.startsWith(`${PREFIX}${name}-`)) await rm(join(tmpdir(), entry), { recursive: true, force: true });
  }
}

/** The relay creates the first supervisor itself, at the fixture's first start (sandbox mode, not listening). */
async function addSupervisor(dataDir: string): Promise<void> {
  const config = { ...cloudTestConfig(dataDir, 'http://127.0.0.1:9'), admin: BENCH_ADMIN };
  const relay = await createRelay({
    config: { ...config, whatsapp: { mode: 'sandbox' } },
    logger: pino({ level: 'silent' }),
  });
  await relay.close();
}

/** A copy of `from` at `to` made of hard links: instant, and safe because the relay never writes in place. */
export async function linkCopy(from: string, to: string): Promise<void> {
  await rm(to, { recursive: true, force: true });
  await run('cp', ['-al', from, to]);
}
