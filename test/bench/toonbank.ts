import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import pino from 'pino';
import { connectRelay, createAgent, login, type RelaySocket } from '../../shared/client/relay-client.js';
import { createRelay, type Relay } from '../../server/relay.js';
import { FakeGraph } from '../helpers/fake-graph.js';
import { cloudTestConfig } from '../helpers/relay-harness.js';
import { inboundText, postWebhook, type Customer } from '../helpers/webhooks.js';
import type { SystemOptions } from './baseline.js';
import { newPage, wallNow } from './browser.js';
import { seqIn, type FanoutSystem } from './fanout.js';

/*
 * The real thing: createRelay in this process, in Cloud API mode against a fake Graph API,
 * storing in a fresh DATA_DIR on disk (real files, real fsync), logging nothing. Agents sign in
 * through the renderer the relay serves at `/`, as a person would, and wait on the inbox list.
 */

const ADMIN = { email: 'owner@bench.test', password: 'bench owner password' };
const AGENT_PASSWORD = 'bench agent password';

/**
 * The probe counts text only inside the inbox's conversation list, found the way PRODUCT.md
 * promises it can be: each conversation is a button named with the customer's name. Their
 * nearest common ancestor is the list; it is marked with this attribute once signed in.
 */
export const INBOX_LIST_SCOPE = '[data-bench-scope="inbox-list"]';

export interface Toonbank {
  system: FanoutSystem;
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

/** Creates bench agent `n` through the API; resolves with their email. */
async function addAgent(url: string, adminToken: string, n: number): Promise<string> {
  const email = `agent${n}@bench.test`;
  await createAgent(url, adminToken, { name: `Agent ${n}`, email, password: AGENT_PASSWORD, role: 'agent' });
  return email;
}

/** A conversation row: a button whose accessible name contains the customer's name. */
const rowOf = (page: Page, customer: Customer) => page.getByRole('button', { name: customer.name }).first();

/**
 * Signs in through the renderer at `url` and waits until the rows of `customers` (who must be on
 * the first screen) are listed; marks the list they are in with INBOX_LIST_SCOPE.
 */
export async function signIn(
  page: Page,
  url: string,
  account: { email: string; password: string },
  customers: Customer[],
): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // The inbox has synced when every customer's conversation is in the list.
  for (const customer of customers) await rowOf(page, customer).waitFor({ timeout: 30_000 });
  for (const customer of customers) {
    await rowOf(page, customer).evaluate((row: { setAttribute(name: string, value: string): void }) => {
      row.setAttribute('data-bench-row', '');
    });
  }
  const marked = await page.evaluate(`(() => {
    const rows = [...document.querySelectorAll('[data-bench-row]')];
    let list = rows[0] ?? null;
    while (list && !rows.every((row) => list.contains(row))) list = list.parentElement;
    if (!list || list === document.body) return false;
    list.setAttribute('data-bench-scope', 'inbox-list');
    return true;
  })()`);
  if (marked !== true) throw new Error('could not find the inbox list around the conversation rows');
}

/**
 * Starts the relay, creates `pages` agents and signs each in in its own browser context.
 * `customers` each write once first, so their conversations exist before anyone signs in.
 */
export async function startToonbank(
  browser: Browser,
  customers: Customer[],
  { pages, bodyOf, prefix }: SystemOptions,
): Promise<Toonbank> {
  const dataDir = await mkdtemp(join(tmpdir(), 'toonbank-bench-relay-'));
  const graph = new FakeGraph();
  await graph.start();
  const config = cloudTestConfig(dataDir, graph.url, { admin: ADMIN });
  let relay: Relay | undefined;
  let observer: RelaySocket | undefined;
  const contexts: BrowserContext[] = [];
  const stop = async (): Promise<void> => {
    observer?.close();
    await Promise.all(contexts.map((c) => c.close()));
    await relay?.close();
    await graph.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    relay = await createRelay({ config, logger: pino({ level: 'silent' }) });
    const url = await relay.listen();
    const adminToken = (await login(url, ADMIN.email, ADMIN.password)).token;

    for (const [i, customer] of customers.entries()) {
      const response = await postWebhook(url, inboundText(customer, `Hello from ${customer.name} (${i + 1})`));
      if (!response.ok) throw new Error(`seeding a conversation: webhook answered ${response.status}`);
    }

    const system: FanoutSystem = {
      name: 'Toonbank',
      pages: [],
      scope: INBOX_LIST_SCOPE,
      async send(seq, text) {
        const response = await postWebhook(url, null, { rawBody: bodyOf(seq, text) });
        await response.arrayBuffer();
        if (!response.ok) throw new Error(`webhook answered ${response.status}`);
      },
      socketSeen: new Map(),
    };
    // One more agent, in Node: when does the event the list renders from leave the relay's socket?
    const observerEmail = await addAgent(url, adminToken, pages + 1);
    const socket = connectRelay(url, (await login(url, observerEmail, AGENT_PASSWORD)).token);
    observer = socket;
    socket.on('message:new', ({ conversation }) => {
      const seq = seqIn(conversation.lastMessage?.text ?? '', prefix);
      if (seq !== undefined && !system.socketSeen.has(seq)) system.socketSeen.set(seq, wallNow());
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    for (let n = 1; n <= pages; n++) {
      const email = await addAgent(url, adminToken, n);
      const { context, page } = await newPage(browser);
      contexts.push(context);
      await signIn(page, url, { email, password: AGENT_PASSWORD }, customers);
      system.pages.push(page);
    }
    return { system, url, dataDir, stop };
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
}
