import type { Page } from '@playwright/test';
import { installProbe, probeCount, probeTake, wallNow } from './browser.js';

/*
 * The fan-out measurement, the same for Toonbank and the baseline: messages go out open-loop at a
 * fixed rate (message i leaves at start + i/rate whether or not earlier ones were answered, so a
 * slow answer cannot hide the queueing it causes), and each page's probe says when each message's
 * text was in its DOM. Latency = page-clock render time − Node-clock time just before the POST.
 */

export interface FanoutSystem {
  name: string;
  pages: Page[];
  /** CSS selector of the container where the text must appear (the inbox list, the baseline log). */
  scope: string;
  /** Sends message `seq` with text `text`: one HTTP POST; rejects unless the server answered 2xx. */
  send(seq: number, text: string): Promise<void>;
  /**
   * Filled by one extra Socket.IO client in Node: seq → when the event the page renders from
   * arrived there. Splits the latency into "server + socket" and "in the browser".
   */
  socketSeen: Map<number, number>;
}

/** Reads the sequence number back out of a text carrying a token of this run. */
export function seqIn(text: string, prefix: string): number | undefined {
  const match = new RegExp(`${prefix}(\\d+)~`).exec(text);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

export interface RoundSamples {
  /** One per (message, page): ms from send to that page's render. */
  perPage: number[];
  /** One per message: ms from send until the last of the N pages rendered it. */
  allPages: number[];
  /** One per message: ms from send until the HTTP answer (Toonbank: webhook stored durably). */
  httpAnswer: number[];
  /** One per message: ms from send until the rendering event reached the Node socket client. */
  socketEvent: number[];
  /** One per (message, page): ms from the event at the Node client to the page's DOM. */
  inBrowser: number[];
  /** One per message: how late the send left against its schedule (a busy event loop shows here). */
  sendLag: number[];
  /** (message, page) pairs that never rendered within the deadline. */
  missing: number;
}

export interface RoundOptions {
  firstSeq: number;
  count: number;
  ratePerSecond: number;
  /** Builds the message body around the token the probes look for. */
  textOf: (token: string, seq: number) => string;
  tokenOf: (seq: number) => string;
  /** How long after the last answer to wait for stragglers. */
  settleTimeoutMs: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));

export async function prepareProbes(system: FanoutSystem, prefix: string): Promise<void> {
  await Promise.all(system.pages.map((page) => installProbe(page, system.scope, prefix)));
}

async function waitForRendered(pages: Page[], expected: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const counts = await Promise.all(pages.map(probeCount));
    if (counts.every((c) => c >= expected) || Date.now() > deadline) return;
    await sleep(100);
  }
}

/**
 * Sends `count` messages at the given rate and collects every page's render time for each.
 * Probes count cumulatively, so rounds of one system must use increasing, disjoint seq ranges.
 */
export async function runRound(system: FanoutSystem, options: RoundOptions): Promise<RoundSamples> {
  const interval = 1000 / options.ratePerSecond;
  const sentAt = new Map<number, number>();
  const sendLag: number[] = [];
  const answeredAt = new Map<number, number>();
  const inFlight: Promise<void>[] = [];
  const start = wallNow() + 20;
  for (let i = 0; i < options.count; i++) {
    const due = start + i * interval;
    await sleep(due - wallNow());
    const seq = options.firstSeq + i;
    const text = options.textOf(options.tokenOf(seq), seq);
    const now = wallNow();
    sentAt.set(seq, now);
    sendLag.push(Math.max(0, now - due));
    inFlight.push(system.send(seq, text).then(() => void answeredAt.set(seq, wallNow())));
  }
  await Promise.all(inFlight);
  await waitForRendered(system.pages, options.firstSeq + options.count, options.settleTimeoutMs);

  const seen = await Promise.all(system.pages.map(probeTake));
  const samples: RoundSamples = {
    perPage: [],
    allPages: [],
    httpAnswer: [],
    socketEvent: [],
    inBrowser: [],
    sendLag,
    missing: 0,
  };
  for (const [seq, sent] of sentAt) {
    let slowest = -Infinity;
    let complete = true;
    const atSocket = system.socketSeen.get(seq);
    if (atSocket !== undefined) samples.socketEvent.push(atSocket - sent);
    for (const page of seen) {
      const at = page.get(seq);
      if (at === undefined) {
        samples.missing += 1;
        complete = false;
        continue;
      }
      samples.perPage.push(at - sent);
      if (atSocket !== undefined) samples.inBrowser.push(at - atSocket);
      slowest = Math.max(slowest, at - sent);
    }
    if (complete) samples.allPages.push(slowest);
    const answered = answeredAt.get(seq);
    if (answered !== undefined) samples.httpAnswer.push(answered - sent);
  }
  return samples;
}

export function mergeSamples(rounds: RoundSamples[]): RoundSamples {
  return {
    perPage: rounds.flatMap((r) => r.perPage),
    allPages: rounds.flatMap((r) => r.allPages),
    httpAnswer: rounds.flatMap((r) => r.httpAnswer),
    socketEvent: rounds.flatMap((r) => r.socketEvent),
    inBrowser: rounds.flatMap((r) => r.inBrowser),
    sendLag: rounds.flatMap((r) => r.sendLag),
    missing: rounds.reduce((sum, r) => sum + r.missing, 0),
  };
}
