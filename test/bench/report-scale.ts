import { ceiling, floor, int, ms, ratio, table, type Verdict } from './format.js';
import type { InboundCaseResult } from './inbound-bench.js';
import type { InboxResult } from './inbox-bench.js';
import { RSS_AFTER_MS, type StartCaseResult } from './start-bench.js';

/** The sections that measure how Toonbank holds up as a shop grows: start, inbound rate, the inbox. */

export const START_TARGET_MS = 2_000;
export const RSS_TARGET_MB = 300;
export const INBOUND_TARGET_PER_S = 1_000;
export const LIST_TARGET_MS = 500;
export const LIVE_TARGET_RATIO = 1.5;

export function startText(results: StartCaseResult[], starts: number): string {
  return [
    `Relay start — the real relay process, spawned as \`npm run server\` runs it (node --enable-source-maps dist/server/index.js,`,
    `sandbox mode), on hard-linked copies of cached fixture shops; ${starts} start${starts === 1 ? '' : 's'} per shop, shops in turn; medians, ms from the spawn.`,
    '',
    table(
      [
        'shop',
        'stored',
        'convs',
        'HTTP answers',
        'signed in',
        'ready',
        'all ready',
        `RSS +${RSS_AFTER_MS / 1000} s`,
        'peak RSS',
      ],
      results.map((r) => [
        r.name,
        int(r.storedMessages),
        int(r.conversations),
        `${ms(r.median.httpMs)} ms`,
        `${ms(r.median.signInMs)} ms`,
        `${ms(r.median.readyMs)} ms`,
        r.starts.map((s) => int(s.readyMs)).join(', '),
        `${int(r.rssMB)} MB`,
        `${int(r.peakRssMB)} MB`,
      ]),
    ),
    '',
    `  HTTP answers = the first 200 of GET /healthz (polled every 5 ms); signed in = POST /api/v1/auth/login answered 200;`,
    `  ready = then a conversation's latest page answered (GET …/messages?limit=50 of a conversation in the middle of the list;`,
    `  the empty shop has none: GET /api/v1/conversations). RSS = VmRSS of /proc/<pid>/status ${RSS_AFTER_MS / 1000} s after ready, peak = VmHWM`,
    `  until then (MB = 10^6 bytes). Files are in the page cache (the fixture is cached between runs: see the README).`,
  ].join('\n');
}

export function startVerdicts(results: StartCaseResult[]): Verdict[] {
  const largest = results.at(-1);
  if (!largest) return [];
  return [
    ceiling(
      `relay ready ≤ ${int(START_TARGET_MS)} ms with ${largest.name}`,
      'median',
      largest.median.readyMs,
      START_TARGET_MS,
      'ms',
    ),
    ceiling(
      `RSS ≤ ${RSS_TARGET_MB} MB ${RSS_AFTER_MS / 1000} s after start with ${largest.name}`,
      'RSS',
      largest.rssMB,
      RSS_TARGET_MB,
      'MB',
    ),
  ];
}

export function inboundReport(results: InboundCaseResult[]): string {
  return [
    `Durable inbound messages — signed one-message webhooks to the relay (createRelay in this process, Cloud API mode, a fresh`,
    `DATA_DIR on disk), K deliveries in flight for K distinct customers, closed loop from a separate sender process; each 200`,
    `means the message was fsynced. Afterwards the folder is opened again and holds every message answered 200.`,
    '',
    table(
      [
        'in flight',
        'seconds',
        'messages',
        'per second',
        'latency p50',
        'p99',
        'max',
        'commits',
        'fsyncs',
        'commits/fsync',
        'refused',
      ],
      results.map((r) => [
        String(r.inFlight),
        r.seconds.toFixed(2),
        int(r.messages),
        int(r.perSecond),
        `${ms(r.latencyMs.p50)} ms`,
        `${ms(r.latencyMs.p99)} ms`,
        `${ms(r.latencyMs.max)} ms`,
        int(r.commits),
        int(r.flushes),
        r.commitsPerFlush.toFixed(2),
        int(r.failed),
      ]),
    ),
    '',
    `  commits / fsyncs = the journal's own counters (relay.stats()) over the measured window: group commit shares one`,
    `  fdatasync among the commits that arrived while the previous one was being written.`,
  ].join('\n');
}

export function inboundVerdicts(results: InboundCaseResult[]): Verdict[] {
  const widest = results.at(-1);
  if (!widest) return [];
  return [
    floor(
      `≥ ${int(INBOUND_TARGET_PER_S)} durable messages/s with ${widest.inFlight} in flight`,
      'measured',
      widest.perSecond,
      INBOUND_TARGET_PER_S,
      'per s',
    ),
  ];
}

export function inboxText(r: InboxResult): string {
  const c = r.config;
  const row = (s: InboxResult['small']) => [
    s.name,
    `${ms(s.signInToListMs.median)} ms`,
    s.signInToListMs.all.map((x) => int(x)).join(', '),
    `${ms(s.live.p50)} ms`,
    `${ms(s.live.p95)} ms`,
    `${ms(s.live.p99)} ms`,
    `${ms(s.live.max)} ms`,
    int(s.live.count),
    int(s.liveMissing),
  ];
  return [
    `The inbox at 50 and at 10,000 conversations — ${r.browser}, a supervisor (sees every conversation), the renderer served by`,
    `the relay. Sign-in: ${c.signIns} per inbox, each in a fresh browser context, inboxes in turn. Live: ${c.messages} messages per inbox`,
    `at ${c.ratePerSecond}/s (open loop) from the 5 oldest customers, ${c.rounds} alternating rounds after ${c.warmup} warm-up messages.`,
    '',
    table(
      ['inbox', 'sign-in → list', 'all', 'live p50', 'p95', 'p99', 'max', 'samples', 'missing'],
      [
        row(r.small),
        row(r.large),
        [
          '10,000 ÷ 50',
          ratio(r.large.signInToListMs.median, r.small.signInToListMs.median),
          '',
          ratio(r.large.live.p50, r.small.live.p50),
          ratio(r.large.live.p95, r.small.live.p95),
          ratio(r.large.live.p99, r.small.live.p99),
          ratio(r.large.live.max, r.small.live.max),
          '',
          '',
        ],
      ],
    ),
    '',
    `  sign-in → list = page clock from the click on "Sign in" to the first task after the next frame once the newest`,
    `  conversation's row is in the DOM (login, socket, inbox:sync, render). live = Node clock before the webhook POST → page`,
    `  clock when the message's text is in the list (as the fan-out section measures it).`,
  ].join('\n');
}

export function inboxVerdicts(r: InboxResult): Verdict[] {
  const complete = r.small.liveMissing === 0 && r.large.liveMissing === 0;
  const liveRatio = r.large.live.p50 / r.small.live.p50;
  const livePass = complete && liveRatio <= LIVE_TARGET_RATIO;
  const missing = complete ? '' : ` (never rendered: ${r.small.liveMissing} at 50, ${r.large.liveMissing} at 10,000)`;
  return [
    ceiling(
      `10,000-conversation list shown ≤ ${LIST_TARGET_MS} ms after "Sign in"`,
      'median',
      r.large.signInToListMs.median,
      LIST_TARGET_MS,
      'ms',
    ),
    {
      target: `live update p50 at 10,000 conversations ≤ ${LIVE_TARGET_RATIO}× at 50, nothing missing`,
      pass: livePass,
      ratio: liveRatio,
      line: `Target: live update at 10,000 conversations ≤ ${LIVE_TARGET_RATIO}× at 50 → p50 ${ms(r.large.live.p50)} ms vs ${LIVE_TARGET_RATIO} × ${ms(r.small.live.p50)} ms = ${ms(LIVE_TARGET_RATIO * r.small.live.p50)} ms (ratio ${liveRatio.toFixed(2)}×; p99 ratio ${ratio(r.large.live.p99, r.small.live.p99)}): ${livePass ? 'PASS' : 'FAIL'}${missing}`,
    },
  ];
}
