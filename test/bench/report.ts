import type { FanoutResult, SystemResult } from './fanout-bench.js';
import type { Machine } from './machine.js';
import type { Summary } from './stats.js';
import type { StorageCaseResult } from './storage.js';
import { int, ms, kb, ratio, table, type Verdict } from './format.js';

/** Plain-text tables for the terminal; the JSON file carries the same figures. */

export const TARGET_RATIO = 2;

function latencyRows(label: string, base: Summary, tb: Summary, baseExtra = '', tbExtra = ''): string[][] {
  const row = (name: string, s: Summary, extra: string) => [
    name,
    ms(s.p50),
    ms(s.p95),
    ms(s.p99),
    ms(s.max),
    int(s.count),
    extra,
  ];
  return [
    row(`${label}: baseline`, base, baseExtra),
    row(`${label}: Toonbank`, tb, tbExtra),
    [
      `${label}: Toonbank ÷ baseline`,
      ratio(tb.p50, base.p50),
      ratio(tb.p95, base.p95),
      ratio(tb.p99, base.p99),
      ratio(tb.max, base.max),
      '',
      '',
    ],
  ];
}

export function verdictOf(f: FanoutResult): Verdict {
  const base = f.baseline.perPage.p99;
  const tb = f.toonbank.perPage.p99;
  const r = tb / base;
  const complete = f.toonbank.missing === 0 && f.baseline.missing === 0;
  const pass = complete && r <= TARGET_RATIO;
  const why = complete
    ? ''
    : ` (messages never rendered: Toonbank ${f.toonbank.missing}, baseline ${f.baseline.missing})`;
  return {
    target: `Toonbank fan-out p99 ≤ ${TARGET_RATIO}× bare Socket.IO p99, nothing missing`,
    pass,
    ratio: r,
    line: `Target: Toonbank fan-out p99 ≤ ${TARGET_RATIO}× baseline p99 → ${ms(tb)} ms vs ${TARGET_RATIO} × ${ms(base)} ms = ${ms(TARGET_RATIO * base)} ms (ratio ${r.toFixed(2)}×): ${pass ? 'PASS' : 'FAIL'}${why}`,
  };
}

export function machineText(m: Machine): string {
  return [
    `Machine: ${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB RAM, ${m.os}, Node ${m.node}, load avg (1 min) at start ${m.loadAverage1m}`,
    `Temp folder: ${m.tmpdir} on ${m.tmpdirFilesystem}`,
  ].join('\n');
}

function cpuLine(s: SystemResult): string {
  const c = s.perMessage;
  return `${ms(c.pageTask)} ms (script ${ms(c.pageScript)}, style ${ms(c.pageStyle)}, layout ${ms(c.pageLayout)})`;
}

export function fanoutText(f: FanoutResult): string {
  const c = f.config;
  const b = f.baseline;
  const t = f.toonbank;
  return [
    `Fan-out latency — ${f.browser}, one browser, N = ${c.pages} pages (one context each), M = ${c.messages} messages at ${c.ratePerSecond}/s (open loop)`,
    `from ${c.customers} customers, in ${c.rounds} alternating rounds after ${c.warmup} warm-up messages per system. Latency = Node clock just before`,
    `the HTTP POST → page clock when the message's text is in the DOM (a MutationObserver; Toonbank: inside the inbox's conversation`,
    `list, the renderer served by the relay; baseline: a minimal page appending a div). Page vs Node clock: max |offset| ${f.clockOffsetMs} ms.`,
    '',
    table(
      ['ms', 'p50', 'p95', 'p99', 'max', 'samples', 'missing'],
      [
        ...latencyRows('each page', b.perPage, t.perPage, String(b.missing), String(t.missing)),
        ...latencyRows('all N pages', b.allPages, t.allPages),
        ...latencyRows('HTTP answer', b.httpAnswer, t.httpAnswer),
        ...latencyRows('socket event', b.socketEvent, t.socketEvent),
        ...latencyRows('in browser', b.inBrowser, t.inBrowser),
      ],
    ),
    '',
    `  each page   = one sample per (message, page); all N pages = per message, until the slowest page had it;`,
    `  HTTP answer = until the POST was answered (Toonbank answers once the message is fsynced and broadcast);`,
    `  socket event = until the event a page renders from reached one extra Socket.IO client in Node (Toonbank:`,
    `  message:new); in browser = from that moment to the text in a page's DOM (socket receive, React, DOM).`,
    `  Per message, each page's main thread was busy ${cpuLine(b)} (baseline) vs ${cpuLine(t)} (Toonbank)`,
    `  (wall time of its tasks: includes waiting for a CPU); this Node process (server + sender + observer) used`,
    `  ${ms(b.perMessage.node)} ms of CPU (baseline) vs ${ms(t.perMessage.node)} ms (Toonbank).`,
    `  Sends left late against the ${c.ratePerSecond}/s schedule by at most ${ms(b.sendLag.max)} ms (baseline) / ${ms(t.sendLag.max)} ms (Toonbank); latency counts from the actual send.`,
    `  p99 per round: baseline ${b.perRoundP99.map(ms).join(', ')} ms; Toonbank ${t.perRoundP99.map(ms).join(', ')} ms.`,
  ].join('\n');
}

export function storageText(results: StorageCaseResult[], appends: number): string {
  return [
    `Write cost vs history — ConversationStore on real files, the durable path (one journal line, fdatasync; the checkpoint`,
    `writes the conversation files later). K = ${appends} appends to one conversation per shop, shops measured round-robin.`,
    '',
    table(
      [
        'shop',
        'stored',
        'convs',
        'target conv',
        'start (open)',
        '1st append',
        'append p50',
        'p99',
        'max',
        'written p50',
        'max',
      ],
      results.map((r) => [
        r.name,
        int(r.storedMessages),
        int(r.conversations),
        `${int(r.targetMessages)} msgs`,
        `${ms(r.openMs.median)} ms`,
        `${ms(r.firstAppendMs)} ms`,
        `${ms(r.appends.ms.p50)} ms`,
        `${ms(r.appends.ms.p99)} ms`,
        `${ms(r.appends.ms.max)} ms`,
        kb(r.appends.bytes.p50),
        kb(r.appends.bytes.max),
      ]),
    ),
    '',
    `  start (open) = ConversationStore.open, median of repeats (reads and validates every meta.json; files in the page cache).`,
    `  1st append = the first append after start, which also reads and indexes that conversation's chunks (loaded lazily).`,
    `  written = bytes each append added: its journal line (the checkpoint writes the files later, in the background).`,
  ].join('\n');
}
