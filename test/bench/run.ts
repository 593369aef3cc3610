import { mkdir, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { runFanoutBench, type FanoutConfig, type FanoutResult } from './fanout-bench.js';
import { describeMachine } from './machine.js';
import { fanoutText, machineText, storageText, verdictOf, type Verdict } from './report.js';
import { runStorageBench, type StorageCaseResult } from './storage.js';

/*
 * `npm run bench`: fan-out latency against a bare Socket.IO baseline, and the storage write cost
 * against history. Prints tables, writes bench-results/latest.json, exits 0 whatever the figures
 * (it reports, it does not gate) unless BENCH_STRICT=1. Loopback only; bounded in count and time.
 *
 * Knobs (environment): BENCH_PAGES (5), BENCH_MESSAGES (200), BENCH_RATE (20 per s),
 * BENCH_WARMUP (20), BENCH_ROUNDS (4), BENCH_CUSTOMERS (5), BENCH_APPENDS (200),
 * BENCH_ONLY (fanout | storage), BENCH_STRICT (1: exit 1 on FAIL), BENCH_TIMEOUT_S (600).
 */

function knob(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be an integer from ${min} to ${max} (got ${raw})`);
  }
  return value;
}

const RESULTS_FILE = fileURLToPath(new URL('../../bench-results/latest.json', import.meta.url));

async function main(): Promise<number> {
  const only = process.env.BENCH_ONLY ?? '';
  if (!['', 'fanout', 'storage'].includes(only)) throw new Error('BENCH_ONLY is fanout or storage');
  const timeoutS = knob('BENCH_TIMEOUT_S', 600, 30, 3600);
  const fanoutConfig: FanoutConfig = {
    pages: knob('BENCH_PAGES', 5, 1, 10),
    messages: knob('BENCH_MESSAGES', 200, 10, 2_000),
    ratePerSecond: knob('BENCH_RATE', 20, 1, 200),
    warmup: knob('BENCH_WARMUP', 20, 0, 200),
    rounds: knob('BENCH_ROUNDS', 4, 1, 20),
    customers: knob('BENCH_CUSTOMERS', 5, 1, 8),
  };
  const appends = knob('BENCH_APPENDS', 200, 10, 2_000);

  // Bounded in time whatever happens (a hung browser, a relay that never answers).
  const watchdog = setTimeout(() => {
    console.error(`bench: gave up after ${timeoutS} s`);
    process.exit(2);
  }, timeoutS * 1000);
  watchdog.unref();

  const log = (line: string) => console.log(`  · ${line}`);
  const startedAt = new Date();
  const machine = await describeMachine();
  console.log(`Toonbank benchmark — ${startedAt.toISOString()}`);
  console.log(machineText(machine));
  console.log('');

  let fanout: FanoutResult | null = null;
  let verdict: Verdict | null = null;
  let storage: StorageCaseResult[] | null = null;
  if (only !== 'storage') fanout = await runFanoutBench(fanoutConfig, log);
  if (only !== 'fanout') storage = await runStorageBench(appends, log);
  const durationS = Math.round((Date.now() - startedAt.getTime()) / 100) / 10;
  const loadAverageEnd = Math.round((loadavg()[0] ?? 0) * 100) / 100;

  console.log('');
  if (fanout) {
    verdict = verdictOf(fanout);
    console.log(fanoutText(fanout));
    console.log('');
    console.log(verdict.line);
    console.log('');
  }
  if (storage) {
    console.log(storageText(storage, appends));
    console.log('');
  }

  await mkdir(fileURLToPath(new URL('../../bench-results/', import.meta.url)), { recursive: true });
  const json = {
    startedAt: startedAt.toISOString(),
    durationS,
    machine: { ...machine, loadAverage1mAtEnd: loadAverageEnd },
    fanout,
    verdict,
    storage: storage && { appends, cases: storage },
  };
  await writeFile(RESULTS_FILE, `${JSON.stringify(json, null, 2)}\n`);
  const busiest = Math.max(machine.loadAverage1m, loadAverageEnd);
  if (busiest > machine.cpus) {
    console.log(
      `Note: load average ${busiest} on ${machine.cpus} CPUs — other work shared the machine; tails are noisier than on a quiet one.`,
    );
  }
  console.log(`Figures written to ${RESULTS_FILE} (${durationS} s in all).`);

  return verdict && !verdict.pass && process.env.BENCH_STRICT === '1' ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
