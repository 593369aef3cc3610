import { randomBytes } from 'node:crypto';
import type { Browser } from '@playwright/test';
import { startBaseline, type Baseline } from './baseline.js';
import { clockOffset, launchBrowser } from './browser.js';
import { addCpu, CpuMeter, noCpu, type CpuTotals } from './cpu.js';
import { mergeSamples, prepareProbes, runRound, type FanoutSystem, type RoundSamples } from './fanout.js';
import { CUSTOMERS, textOf, tokenOf, webhookBody } from './payloads.js';
import { round, roundSummary, summarize, type Summary } from './stats.js';
import { startToonbank, type Toonbank } from './toonbank.js';

/*
 * Toonbank against the bare Socket.IO baseline, in one browser, one run: both are set up, then
 * the measured messages go out in rounds that alternate which system goes first, so a noisy
 * moment on the machine lands on both rather than on one.
 */

export interface FanoutConfig {
  pages: number;
  messages: number;
  ratePerSecond: number;
  warmup: number;
  rounds: number;
  customers: number;
}

export interface SystemResult {
  name: string;
  perPage: Summary;
  allPages: Summary;
  httpAnswer: Summary;
  socketEvent: Summary;
  inBrowser: Summary;
  sendLag: Summary;
  missing: number;
  /** Per measured message: one page's main-thread busy time (ms, wall time of tasks), and the Node process's CPU (ms). */
  perMessage: { pageTask: number; pageScript: number; pageLayout: number; pageStyle: number; node: number };
  perRoundP99: number[];
  /** Raw per-(message, page) latencies in ms, for anyone who wants to plot them. */
  samples: number[];
}

export interface FanoutResult {
  config: FanoutConfig;
  browser: string;
  /** Largest |page clock − Node clock| over all pages, in ms. */
  clockOffsetMs: number;
  baseline: SystemResult;
  toonbank: SystemResult;
}

function resultOf(name: string, rounds: RoundSamples[], cpu: CpuTotals, messages: number, pages: number): SystemResult {
  const all = mergeSamples(rounds);
  const perPage = (ms: number) => round(ms / messages / pages, 3);
  return {
    name,
    perPage: roundSummary(summarize(all.perPage)),
    allPages: roundSummary(summarize(all.allPages)),
    httpAnswer: roundSummary(summarize(all.httpAnswer)),
    socketEvent: roundSummary(summarize(all.socketEvent)),
    inBrowser: roundSummary(summarize(all.inBrowser)),
    sendLag: roundSummary(summarize(all.sendLag)),
    missing: all.missing,
    perMessage: {
      pageTask: perPage(cpu.pageTask),
      pageScript: perPage(cpu.pageScript),
      pageLayout: perPage(cpu.pageLayout),
      pageStyle: perPage(cpu.pageStyle),
      node: round(cpu.node / messages, 3),
    },
    perRoundP99: rounds.map((r) => round(summarize(r.perPage).p99)),
    samples: all.perPage.map((x) => round(x, 3)),
  };
}

export async function runFanoutBench(config: FanoutConfig, log: (line: string) => void): Promise<FanoutResult> {
  const runId = randomBytes(3).toString('hex').toUpperCase();
  const customers = CUSTOMERS.slice(0, config.customers);
  const bodyOf = (seq: number, text: string): string => webhookBody(runId, seq, text, customers.length);
  const prefix = `Q${runId}n`;
  let browser: Browser | undefined;
  let toonbank: Toonbank | undefined;
  let baseline: Baseline | undefined;
  try {
    browser = await launchBrowser();
    log(`fan-out: Chromium ${browser.version()}; starting the relay and signing in ${config.pages} agents …`);
    toonbank = await startToonbank(browser, customers, { pages: config.pages, bodyOf, prefix });
    log(`fan-out: starting the bare Socket.IO baseline with ${config.pages} pages …`);
    baseline = await startBaseline(browser, { pages: config.pages, bodyOf, prefix });
    const systems: FanoutSystem[] = [baseline.system, toonbank.system];

    const offsets = await Promise.all(systems.flatMap((s) => s.pages).map(clockOffset));
    const clockOffsetMs = round(Math.max(...offsets.map(Math.abs)), 3);
    if (clockOffsetMs > 2)
      log(`fan-out: WARNING page and Node clocks differ by ${clockOffsetMs} ms; latencies carry that error`);

    const common = {
      ratePerSecond: config.ratePerSecond,
      textOf,
      tokenOf: (seq: number) => tokenOf(prefix, seq),
      settleTimeoutMs: 15_000,
    };
    for (const system of systems) {
      await prepareProbes(system, prefix);
      log(`fan-out: ${system.name}: ${config.warmup} warm-up messages (not counted) …`);
      await runRound(system, { ...common, firstSeq: 0, count: config.warmup });
    }

    const rounds = new Map<FanoutSystem, RoundSamples[]>(systems.map((s) => [s, []]));
    const meters = new Map<FanoutSystem, CpuMeter>();
    const cpu = new Map<FanoutSystem, CpuTotals>();
    for (const system of systems) {
      meters.set(system, await CpuMeter.attach(system.pages));
      cpu.set(system, noCpu());
    }
    let nextSeq = config.warmup;
    for (let r = 0; r < config.rounds; r++) {
      const count = Math.floor(config.messages / config.rounds) + (r < config.messages % config.rounds ? 1 : 0);
      const order = r % 2 === 0 ? systems : [...systems].reverse();
      for (const system of order) {
        log(
          `fan-out: round ${r + 1}/${config.rounds}, ${system.name}: ${count} messages at ${config.ratePerSecond}/s …`,
        );
        const meter = meters.get(system);
        if (!meter) throw new Error('no CPU meter');
        let samples: RoundSamples | undefined;
        const used = await meter.measure(async () => {
          samples = await runRound(system, { ...common, firstSeq: nextSeq, count });
        });
        if (samples) rounds.get(system)?.push(samples);
        cpu.set(system, addCpu(cpu.get(system) ?? noCpu(), used));
      }
      nextSeq += count;
    }

    const resultFor = (system: FanoutSystem): SystemResult =>
      resultOf(system.name, rounds.get(system) ?? [], cpu.get(system) ?? noCpu(), config.messages, config.pages);
    return {
      config,
      browser: `Chromium ${browser.version()}`,
      clockOffsetMs,
      baseline: resultFor(baseline.system),
      toonbank: resultFor(toonbank.system),
    };
  } finally {
    await baseline?.stop().catch(() => undefined);
    await toonbank?.stop().catch(() => undefined);
    await browser?.close().catch(() => undefined);
  }
}
