import { fork } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { createRelay, type Relay } from '../../server/relay.js';
import { ConversationStore } from '../../server/storage/conversation-store.js';
import { FakeGraph } from '../helpers/fake-graph.js';
import { cloudTestConfig } from '../helpers/relay-harness.js';
import type { Customer } from '../helpers/webhooks.js';
import type { SenderJob, SenderReport } from './inbound-sender.js';
import { round, roundSummary, summarize, type Summary } from './stats.js';

/*
 * Durable inbound messages per second: the real relay (createRelay in this process, Cloud API mode
 * against a fake Graph API, a fresh DATA_DIR on disk) receives signed webhooks of one message each,
 * as Meta delivers them, from K customers at once, each sending its next message as soon as the
 * previous one was answered 200 (K deliveries in flight, closed loop; the senders run in a process
 * of their own, inbound-sender.ts, so they do not share the relay's event loop). The relay answers 200 only
 * once the message is in the journal and fsynced, so every 200 is a durable message; the journal's
 * counters say how many commits shared each fsync (group commit). Afterwards the store is opened
 * again from disk and must hold every message that was answered 200.
 */

export interface InboundCaseResult {
  inFlight: number;
  seconds: number;
  messages: number;
  perSecond: number;
  latencyMs: Summary;
  /** Journal commits and fsyncs during the measured window, and commits per fsync. */
  commits: number;
  flushes: number;
  commitsPerFlush: number;
  failed: number;
}

const logger = pino({ level: 'silent' });
const WARMUP_MS = 500;

const customerOf = (k: number, n: number): Customer => ({
  waId: `32499${String(k).padStart(3, '0')}${String(n).padStart(4, '0')}`,
  name: `Inbound ${k}.${n}`,
});

/** Runs the sender process against `url`; `onMeasuring` is called when its warm-up ends. */
function runSender(job: SenderJob, onMeasuring: () => void): Promise<Extract<SenderReport, { type: 'done' }>> {
  const child = fork(fileURLToPath(new URL('./inbound-sender.ts', import.meta.url)), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.on('message', (message: SenderReport) => {
      if (message.type === 'measuring') onMeasuring();
      else resolve(message);
    });
    child.once('exit', (code) => {
      reject(new Error(`the inbound sender exited with ${code} before reporting`));
    });
    child.send(job);
  });
}

/** Every message answered 200 is on disk: a fresh open of the folder has each customer's count. */
async function verify(dataDir: string, customers: Customer[], accepted: number[]): Promise<void> {
  const store = await ConversationStore.open(dataDir, { logger });
  try {
    for (const [k, customer] of customers.entries()) {
      const conversation = store.find({ waId: customer.waId, userId: null });
      const latest = conversation ? (await store.history(conversation.id, undefined, 1)).messages.at(-1) : undefined;
      const stored = (latest?.seq ?? -1) + 1;
      if (stored !== accepted[k]) {
        throw new Error(
          `inbound: ${customer.name} had ${accepted[k]} messages answered 200, the folder holds ${stored}`,
        );
      }
    }
  } finally {
    await store.close();
  }
}

async function runCase(inFlight: number, caseIndex: number, seconds: number): Promise<InboundCaseResult> {
  const dataDir = await mkdtemp(join(tmpdir(), 'toonbank-bench-inbound-'));
  const graph = new FakeGraph();
  await graph.start();
  let relay: Relay | undefined;
  try {
    relay = await createRelay({ config: cloudTestConfig(dataDir, graph.url), logger });
    const url = await relay.listen();
    const customers = Array.from({ length: inFlight }, (_, k) => customerOf(caseIndex, k));
    const running = relay;
    let before = running.stats();
    const report = await runSender({ url, customers, warmupMs: WARMUP_MS, seconds }, () => {
      before = running.stats();
    });
    const after = running.stats();
    await running.close();
    relay = undefined;
    await verify(dataDir, customers, report.accepted);
    const commits = after.commits - before.commits;
    const flushes = after.flushes - before.flushes;
    return {
      inFlight,
      seconds: round(report.elapsedS, 2),
      messages: report.latencies.length,
      perSecond: round(report.latencies.length / report.elapsedS, 0),
      latencyMs: roundSummary(summarize(report.latencies)),
      commits,
      flushes,
      commitsPerFlush: round(flushes > 0 ? commits / flushes : Number.NaN, 2),
      failed: report.failed,
    };
  } finally {
    await relay?.close().catch(() => undefined);
    await graph.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

export const INBOUND_IN_FLIGHT = [1, 16];

export async function runInboundBench(seconds: number, log: (line: string) => void): Promise<InboundCaseResult[]> {
  const results: InboundCaseResult[] = [];
  for (const [i, inFlight] of INBOUND_IN_FLIGHT.entries()) {
    log(`inbound: ${inFlight} in flight for ${seconds} s (after ${WARMUP_MS} ms of warm-up) …`);
    results.push(await runCase(inFlight, i, seconds));
  }
  return results;
}
