import { mkdir, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { catalogText, catalogVerdicts, runCatalogBench } from './catalog-bench.js';
import { runFanoutBench, type FanoutConfig } from './fanout-bench.js';
import type { Verdict } from './format.js';
import { runInboundBench } from './inbound-bench.js';
import { runInboxBench, type InboxConfig } from './inbox-bench.js';
import { describeMachine } from './machine.js';
import { fanoutText, machineText, storageText, verdictOf } from './report.js';
import { inboundReport, inboundVerdicts, inboxText, inboxVerdicts, startText, startVerdicts } from './report-scale.js';
import { runStartBench } from './start-bench.js';
import { runStorageBench } from './storage.js';
import { runTeamBench, teamText, teamVerdicts } from './team-bench.js';

/*
 * `npm run bench`: relay start against history, durable inbound messages per second, fan-out
 * latency against a bare Socket.IO baseline, the inbox at 50 and 10,000 conversations, the
 * storage write cost against history, and the catalog at 10,000 products (import, search, /shop). Prints one report (each section's table, then every target's
 * PASS/FAIL), writes bench-results/latest.json, exits 0 whatever the figures (it reports, it does
 * not gate) unless BENCH_STRICT=1. Loopback only; bounded in count and time.
 *
 * Knobs (environment): BENCH_STARTS (3), BENCH_INBOUND_S (3), BENCH_PAGES (5), BENCH_MESSAGES (200),
 * BENCH_RATE (20 per s), BENCH_WARMUP (20), BENCH_ROUNDS (4), BENCH_CUSTOMERS (5), BENCH_SIGNINS (5),
 * BENCH_LIVE (40), BENCH_LIVE_RATE (5 per s), BENCH_LIVE_ROUNDS (4), BENCH_LIVE_WARMUP (5),
 * BENCH_APPENDS (200), BENCH_ONLY (sections, comma-separated: start, inbound, fanout, inbox, storage,
 * catalog, team),
 * BENCH_STRICT (1: exit 1 on any FAIL), BENCH_TIMEOUT_S (900).
 */

const SECTIONS = ['start', 'inbound', 'fanout', 'inbox', 'storage', 'catalog', 'team'] as const;
type Section = (typeof SECTIONS)[number];

function sectionsToRun(raw: string | undefined): Set<Section> {
  const names = (raw ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  const unknown = names.filter((name) => !(SECTIONS as readonly string[]).includes(name));
  if (unknown.length > 0) throw new Error(`BENCH_ONLY takes ${SECTIONS.join(', ')} (got ${unknown.join(', ')})`);
  return new Set(names.length === 0 ? SECTIONS : (names as Section[]));
}

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
  const only = sectionsToRun(process.env.BENCH_ONLY);
  const timeoutS = knob('BENCH_TIMEOUT_S', 900, 30, 3600);
  const starts = knob('BENCH_STARTS', 3, 1, 10);
  const inboundSeconds = knob('BENCH_INBOUND_S', 3, 1, 30);
  const fanoutConfig: FanoutConfig = {
    pages: knob('BENCH_PAGES', 5, 1, 10),
    messages: knob('BENCH_MESSAGES', 200, 10, 2_000),
    ratePerSecond: knob('BENCH_RATE', 20, 1, 200),
    warmup: knob('BENCH_WARMUP', 20, 0, 200),
    rounds: knob('BENCH_ROUNDS', 4, 1, 20),
    customers: knob('BENCH_CUSTOMERS', 5, 1, 8),
  };
  const inboxConfig: InboxConfig = {
    signIns: knob('BENCH_SIGNINS', 5, 1, 20),
    messages: knob('BENCH_LIVE', 40, 10, 500),
    ratePerSecond: knob('BENCH_LIVE_RATE', 5, 1, 50),
    rounds: knob('BENCH_LIVE_ROUNDS', 4, 1, 20),
    warmup: knob('BENCH_LIVE_WARMUP', 5, 0, 100),
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
  console.log(`Toonbank benchmark — ${startedAt.toISOString()} — sections: ${[...only].join(', ')}`);
  console.log(machineText(machine));
  console.log('');

  // Each section's figures are printed together at the end, so the report reads as one piece.
  const texts: string[] = [];
  const verdicts: Verdict[] = [];
  const json: Record<string, unknown> = {};
  const report = (text: string, sectionVerdicts: Verdict[]): void => {
    texts.push([text, '', ...sectionVerdicts.map((v) => v.line)].join('\n'));
    verdicts.push(...sectionVerdicts);
  };
  if (only.has('start')) {
    const start = await runStartBench(starts, log);
    json['start'] = { starts, cases: start };
    report(startText(start, starts), startVerdicts(start));
  }
  if (only.has('inbound')) {
    const inbound = await runInboundBench(inboundSeconds, log);
    json['inbound'] = inbound;
    report(inboundReport(inbound), inboundVerdicts(inbound));
  }
  if (only.has('fanout')) {
    const fanout = await runFanoutBench(fanoutConfig, log);
    json['fanout'] = fanout;
    report(fanoutText(fanout), [verdictOf(fanout)]);
  }
  if (only.has('inbox')) {
    const inbox = await runInboxBench(inboxConfig, log);
    json['inbox'] = inbox;
    report(inboxText(inbox), inboxVerdicts(inbox));
  }
  if (only.has('storage')) {
    const storage = await runStorageBench(appends, log);
    json['storage'] = { appends, cases: storage };
    report(storageText(storage, appends), []);
  }
  if (only.has('catalog')) {
    const catalog = await runCatalogBench(log);
    json['catalog'] = catalog;
    report(catalogText(catalog), catalogVerdicts(catalog));
  }
  if (only.has('team')) {
    const team = await runTeamBench(log);
    json['team'] = team;
    report(teamText(team), teamVerdicts(team));
  }
  const durationS = Math.round((Date.now() - startedAt.getTime()) / 100) / 10;
  const loadAverageEnd = Math.round((loadavg()[0] ?? 0) * 100) / 100;

  console.log('');
  for (const text of texts) console.log(`${text}\n`);
  if (verdicts.length > 0) {
    const passed = verdicts.filter((v) => v.pass).length;
    console.log(`Targets: ${passed} of ${verdicts.length} met`);
    for (const v of verdicts) console.log(`  ${v.pass ? 'PASS' : 'FAIL'}  ${v.target} (ratio ${v.ratio.toFixed(2)})`);
    console.log('');
  }

  await mkdir(fileURLToPath(new URL('../../bench-results/', import.meta.url)), { recursive: true });
  const results = {
    startedAt: startedAt.toISOString(),
    durationS,
    machine: { ...machine, loadAverage1mAtEnd: loadAverageEnd },
    ...json,
    verdicts,
  };
  await writeFile(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
  const busiest = Math.max(machine.loadAverage1m, loadAverageEnd);
  if (busiest > machine.cpus) {
    console.log(
      `Note: load average ${busiest} on ${machine.cpus} CPUs — other work shared the machine; tails are noisier than on a quiet one.`,
    );
  }
  console.log(`Figures written to ${RESULTS_FILE} (${durationS} s in all).`);

  return verdicts.some((v) => !v.pass) && process.env.BENCH_STRICT === '1' ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
