import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import pino from 'pino';
import { createRelay, type Relay } from '../../server/relay.js';
import { FakeGraph } from '../helpers/fake-graph.js';
import { cloudTestConfig } from '../helpers/relay-harness.js';
import { inboundText, postWebhook, type Customer } from '../helpers/webhooks.js';
import { launchBrowser, newPage } from './browser.js';
import { mergeSamples, prepareProbes, runRound, type FanoutSystem, type RoundSamples } from './fanout.js';
import { BENCH_ADMIN, cachedShop, linkCopy, SHOP_1M, SHOP_50, type ShopSpec } from './fixture-cache.js';
import { textOf, tokenOf } from './payloads.js';
import { fixtureCustomer } from './storage-fixture.js';
import { median, round, roundSummary, summarize, type Summary } from './stats.js';
import { INBOX_LIST_SCOPE, signIn } from './toonbank.js';

/*
 * The inbox at two sizes, side by side in one browser: a shop of 50 conversations and one of
 * 10,000 (the storage fixture, then the real relay started on that folder: createRelay in this
 * process, Cloud API mode against a fake Graph API), a supervisor who sees every conversation.
 *
 * Sign-in → list shown: in a fresh browser context each time, from the click on "Sign in" to the
 * frame after the newest conversation's row is in the DOM (a click listener and a MutationObserver
 * in the page, its own clock; "after the frame": the first task after the next animation frame).
 *
 * Live update: one signed-in page per inbox; webhooks from the five oldest customers (the first
 * message of each moves its row from the bottom of the list to the top), open loop, measured as
 * the fan-out section measures (Node clock before the POST → page clock when the text is in the
 * list), in rounds that alternate which inbox goes first.
 */

export interface InboxConfig {
  signIns: number;
  messages: number;
  warmup: number;
  rounds: number;
  ratePerSecond: number;
}

export interface InboxSizeResult {
  name: string;
  conversations: number;
  signInToListMs: { median: number; all: number[] };
  live: Summary;
  liveMissing: number;
}

export interface InboxResult {
  config: InboxConfig;
  browser: string;
  small: InboxSizeResult;
  large: InboxSizeResult;
}

const LIVE_CUSTOMERS = 5;

interface Inbox {
  name: string;
  shop: ShopSpec;
  relay: Relay;
  url: string;
  dataDir: string;
  newest: Customer;
  signIns: number[];
  system?: FanoutSystem;
  rounds: RoundSamples[];
}

/** Page-side: when "Sign in" is clicked, and when the frame after `name`'s row appeared has run. */
const SIGN_IN_PROBE = String.raw`(({ name }) => {
  const now = () => performance.timeOrigin + performance.now();
  const state = { clickedAt: null, shownAt: null };
  document.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('button') : null;
    if (state.clickedAt === null && button && button.textContent.includes('Sign in')) state.clickedAt = now();
  }, true);
  const listed = () => [...document.querySelectorAll('button')].some((b) => b.textContent.includes(name));
  const observer = new MutationObserver(() => {
    if (state.clickedAt === null || !listed()) return;
    observer.disconnect();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => { state.shownAt = now(); };
      channel.port2.postMessage(null);
    });
  });
  observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  window.__signInProbe = state;
})`;

interface ProbeWindow {
  __signInProbe: { clickedAt: number; shownAt: number | null };
}

/** One sign-in in a fresh context: ms from the click on "Sign in" to the list shown. */
async function timeSignIn(browser: Browser, inbox: Inbox): Promise<number> {
  const { context, page } = await newPage(browser);
  try {
    await page.goto(inbox.url);
    await page.getByLabel('Email').fill(BENCH_ADMIN.email);
    await page.getByLabel('Password').fill(BENCH_ADMIN.password);
    await page.evaluate(`${SIGN_IN_PROBE}(${JSON.stringify({ name: inbox.newest.name })})`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // Functions, not strings: the relay's CSP forbids eval in the page. They run there, so no closures.
    await page.waitForFunction(() => (globalThis as unknown as ProbeWindow).__signInProbe.shownAt !== null, undefined, {
      timeout: 30_000,
    });
    return await page.evaluate(() => {
      const probe = (globalThis as unknown as ProbeWindow).__signInProbe;
      return (probe.shownAt ?? Number.NaN) - probe.clickedAt;
    });
  } finally {
    await context.close();
  }
}

async function openInbox(name: string, shop: ShopSpec, graphUrl: string, log: (line: string) => void): Promise<Inbox> {
  const cached = await cachedShop(shop);
  log(
    `inbox: ${name}: ${cached.written ? `wrote the shop in ${Math.round(cached.writeMs)} ms (cached for the next runs)` : 'shop found in the cache'}`,
  );
  const dataDir = join(tmpdir(), `toonbank-bench-inbox-${shop.name}-${process.pid}`);
  await linkCopy(cached.dataDir, dataDir);
  const config = cloudTestConfig(dataDir, graphUrl, { admin: BENCH_ADMIN });
  const relay = await createRelay({ config, logger: pino({ level: 'silent' }) });
  const url = await relay.listen();
  return { name, shop, relay, url, dataDir, newest: fixtureCustomer(shop.counts.length - 1), signIns: [], rounds: [] };
}

/** A page signed in to `inbox`, its list marked and probed, as a system the fan-out rounds can drive. */
async function liveSystem(browser: Browser, inbox: Inbox, prefix: string, runId: string): Promise<FanoutSystem> {
  const { page } = await newPage(browser);
  const top = [1, 2, 3].map((n) => fixtureCustomer(inbox.shop.counts.length - n));
  await signIn(page, inbox.url, BENCH_ADMIN, top);
  const customers = Array.from({ length: LIVE_CUSTOMERS }, (_, k) => fixtureCustomer(k));
  const system: FanoutSystem = {
    name: inbox.name,
    pages: [page],
    scope: INBOX_LIST_SCOPE,
    async send(seq, text) {
      const customer = customers[seq % customers.length] ?? fixtureCustomer(0);
      const wamid = `wamid.HBgLLIVE${runId}${inbox.shop.name}${String(seq).padStart(6, '0')}`;
      const response = await postWebhook(inbox.url, inboundText(customer, text, { wamid }));
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`webhook answered ${response.status}`);
    },
    socketSeen: new Map(),
  };
  await prepareProbes(system, prefix);
  return system;
}

function resultOf(inbox: Inbox): InboxSizeResult {
  const samples = mergeSamples(inbox.rounds);
  return {
    name: inbox.name,
    conversations: inbox.shop.counts.length,
    signInToListMs: { median: round(median(inbox.signIns)), all: inbox.signIns.map((x) => round(x)) },
    live: roundSummary(summarize(samples.perPage)),
    liveMissing: samples.missing,
  };
}

export async function runInboxBench(config: InboxConfig, log: (line: string) => void): Promise<InboxResult> {
  const runId = randomBytes(3).toString('hex').toUpperCase();
  const prefix = `L${runId}n`;
  const graph = new FakeGraph();
  await graph.start();
  const inboxes: Inbox[] = [];
  const pages: Page[] = [];
  let browser: Browser | undefined;
  try {
    inboxes.push(await openInbox('50 conversations', SHOP_50, graph.url, log));
    inboxes.push(await openInbox('10,000 conversations', SHOP_1M, graph.url, log));
    browser = await launchBrowser();
    for (let r = 0; r < config.signIns; r++) {
      for (const inbox of r % 2 === 0 ? inboxes : [...inboxes].reverse()) {
        log(`inbox: sign-in ${r + 1}/${config.signIns}, ${inbox.name} …`);
        inbox.signIns.push(await timeSignIn(browser, inbox));
      }
    }
    for (const inbox of inboxes) {
      log(`inbox: ${inbox.name}: signing in the live page, ${config.warmup} warm-up messages …`);
      inbox.system = await liveSystem(browser, inbox, prefix, runId);
      pages.push(...inbox.system.pages);
    }
    const common = {
      ratePerSecond: config.ratePerSecond,
      textOf,
      tokenOf: (seq: number) => tokenOf(prefix, seq),
      settleTimeoutMs: 15_000,
    };
    for (const inbox of inboxes)
      if (inbox.system) await runRound(inbox.system, { ...common, firstSeq: 0, count: config.warmup });
    let nextSeq = config.warmup;
    for (let r = 0; r < config.rounds; r++) {
      const count = Math.floor(config.messages / config.rounds) + (r < config.messages % config.rounds ? 1 : 0);
      for (const inbox of r % 2 === 0 ? inboxes : [...inboxes].reverse()) {
        if (!inbox.system) continue;
        log(
          `inbox: live round ${r + 1}/${config.rounds}, ${inbox.name}: ${count} messages at ${config.ratePerSecond}/s …`,
        );
        inbox.rounds.push(await runRound(inbox.system, { ...common, firstSeq: nextSeq, count }));
      }
      nextSeq += count;
    }
    const [small, large] = inboxes;
    if (!small || !large) throw new Error('inbox: both inboxes are needed');
    return { config, browser: `Chromium ${browser.version()}`, small: resultOf(small), large: resultOf(large) };
  } finally {
    await Promise.all(
      pages.map((page) =>
        page
          .context()
          .close()
          .catch(() => undefined),
      ),
    );
    await browser?.close().catch(() => undefined);
    for (const inbox of inboxes) {
      await inbox.relay.close().catch(() => undefined);
      await rm(inbox.dataDir, { recursive: true, force: true });
    }
    await graph.stop();
  }
}
