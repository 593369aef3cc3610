import type { ChildProcess } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { login } from '../../shared/client/relay-client.js';
import { MessageListResponseSchema } from '../../shared/protocol/messages.js';
import { launchRelay, stopRelay } from '../helpers/spawn-relay.js';
import { BENCH_ADMIN, cachedShop, EMPTY_SHOP, linkCopy, SHOP_100K, SHOP_1M, type ShopSpec } from './fixture-cache.js';
import { median, round } from './stats.js';

/*
 * Relay start against history: the real relay process, spawned exactly as `npm run server` runs it
 * (the esbuild bundle, sandbox mode, logging at its default level), on shops of 0, 100,000 and
 * 1,000,000 stored messages. From the spawn, the time until its first HTTP answer (GET /healthz,
 * polled every 5 ms), until a sign-in succeeds, and until a conversation's latest page
 * (GET …/messages?limit=50) answers: "ready". Then its resident memory 10 s after it was ready
 * (VmRSS of /proc/<pid>/status) and the peak until then (VmHWM). Starts of the shops alternate,
 * so a noisy moment of the machine does not land on one size only.
 */

export interface StartCase {
  name: string;
  shop: ShopSpec;
}

export const START_CASES: StartCase[] = [
  { name: '0 msgs', shop: EMPTY_SHOP },
  { name: '100,000 msgs / 1,000 convs', shop: SHOP_100K },
  { name: '1,000,000 msgs / 10,000 convs', shop: SHOP_1M },
];

const POLL_MS = 5;
const PAGE = 50;
export const RSS_AFTER_MS = 10_000;

export interface StartTimes {
  httpMs: number;
  signInMs: number;
  readyMs: number;
}

export interface StartCaseResult {
  name: string;
  storedMessages: number;
  conversations: number;
  /** The fixture was written in this run (not found in the cache), in this many ms. */
  fixtureWrittenMs: number | null;
  starts: StartTimes[];
  median: StartTimes;
  /** What "ready" waited for: a conversation's latest page, or (no conversation at all) the list. */
  readyRequest: string;
  rssMB: number;
  peakRssMB: number;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

/** The relay's memory in MB (10^6 bytes; /proc counts KiB) on Linux: resident now, and the peak so far. */
async function memoryOf(pid: number): Promise<{ rss: number; peak: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const mb = (field: string): number =>
    round((Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024) / 1e6, 1);
  return { rss: mb('VmRSS'), peak: mb('VmHWM') };
}

/** Polls until `attempt` resolves true; a refused connection (not listening yet) counts as not yet. */
async function until(attempt: () => Promise<boolean>, child: ChildProcess, what: string): Promise<void> {
  const deadline = performance.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the relay exited (${child.exitCode}) before ${what}`);
    if (await attempt().catch(() => false)) return;
    if (performance.now() > deadline) throw new Error(`the relay did not get to ${what} within 60 s`);
    await sleep(POLL_MS);
  }
}

interface Prepared {
  spec: StartCase;
  dataDir: string;
  conversations: { id: string; messageCount: number }[];
  fixtureWrittenMs: number | null;
  starts: StartTimes[];
  memory?: { rss: number; peak: number };
}

async function startOnce(c: Prepared, measureMemory: boolean): Promise<void> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // Some conversation in the middle of the list: not the newest, not the oldest.
  const target = c.conversations[Math.floor(c.conversations.length / 2)];
  const t0 = performance.now();
  const child = launchRelay({ PORT: String(port), HOST: '127.0.0.1', DATA_DIR: c.dataDir }, 'built');
  const lines: string[] = [];
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
    lines.push(line);
    if (lines.length > 50) lines.shift();
  });
  try {
    await until(async () => (await fetch(`${url}/healthz`)).ok, child, 'answering HTTP');
    const httpMs = performance.now() - t0;
    let token = '';
    await until(
      async () => {
        token = (await login(url, BENCH_ADMIN.email, BENCH_ADMIN.password)).token;
        return true;
      },
      child,
      'a sign-in',
    );
    const signInMs = performance.now() - t0;
    const path = target ? `/api/v1/conversations/${target.id}/messages?limit=${PAGE}` : '/api/v1/conversations';
    const response = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    const body: unknown = await response.json();
    const readyMs = performance.now() - t0;
    if (!response.ok) throw new Error(`GET ${path} answered ${response.status}`);
    if (target && MessageListResponseSchema.parse(body).messages.length !== Math.min(PAGE, target.messageCount)) {
      throw new Error(`GET ${path} did not answer the conversation's latest ${PAGE} messages`);
    }
    c.starts.push({ httpMs, signInMs, readyMs });
    if (measureMemory) {
      await sleep(Math.max(0, t0 + readyMs + RSS_AFTER_MS - performance.now()));
      if (child.pid === undefined) throw new Error('no relay pid');
      c.memory = await memoryOf(child.pid);
    }
  } catch (error) {
    throw new Error(`${c.spec.name}: ${(error as Error).message}\n${lines.join('\n')}`, { cause: error });
  } finally {
    await stopRelay(child);
  }
}

const medianOf = (starts: StartTimes[], key: keyof StartTimes): number => round(median(starts.map((s) => s[key])));

/** `starts` starts per shop, the shops in turn; the memory is read in the last round. */
export async function runStartBench(starts: number, log: (line: string) => void): Promise<StartCaseResult[]> {
  const cases: Prepared[] = [];
  try {
    for (const spec of START_CASES) {
      log(`start: the ${spec.name} shop …`);
      const shop = await cachedShop(spec.shop);
      log(
        shop.written
          ? `start: wrote it in ${Math.round(shop.writeMs)} ms (cached for the next runs)`
          : 'start: found it in the cache',
      );
      const dataDir = join(tmpdir(), `toonbank-bench-start-${spec.shop.name}-${process.pid}`);
      await linkCopy(shop.dataDir, dataDir);
      cases.push({
        spec,
        dataDir,
        conversations: shop.conversations,
        fixtureWrittenMs: shop.written ? round(shop.writeMs, 0) : null,
        starts: [],
      });
    }
    for (let r = 0; r < starts; r++) {
      const last = r === starts - 1;
      for (const c of cases) {
        log(
          `start: ${c.spec.name}, start ${r + 1}/${starts}${last ? `, then ${RSS_AFTER_MS / 1000} s for the memory` : ''} …`,
        );
        await startOnce(c, last);
      }
    }
    return cases.map((c) => ({
      name: c.spec.name,
      storedMessages: c.spec.shop.counts.reduce((a, b) => a + b, 0),
      conversations: c.spec.shop.counts.length,
      fixtureWrittenMs: c.fixtureWrittenMs,
      starts: c.starts.map((s) => ({
        httpMs: round(s.httpMs),
        signInMs: round(s.signInMs),
        readyMs: round(s.readyMs),
      })),
      median: {
        httpMs: medianOf(c.starts, 'httpMs'),
        signInMs: medianOf(c.starts, 'signInMs'),
        readyMs: medianOf(c.starts, 'readyMs'),
      },
      readyRequest: c.conversations.length > 0 ? `GET …/messages?limit=${PAGE}` : 'GET /api/v1/conversations',
      rssMB: c.memory?.rss ?? Number.NaN,
      peakRssMB: c.memory?.peak ?? Number.NaN,
    }));
  } finally {
    await Promise.all(cases.map((c) => rm(c.dataDir, { recursive: true, force: true })));
  }
}
