import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { createAgent, login } from '../../shared/client/relay-client.js';
import type { Agent, AgentRole } from '../../shared/domain/agent.js';
import { spawnRelay, stopRelay } from './spawn-relay.js';

/*
 * What every end-to-end spec sets up, written once: the shop (the relay as `npm run server` starts
 * it, in sandbox mode, on a data folder of its own, with its supervisor and staff), a member of
 * staff signing in to the inbox, and a customer writing from the sandbox phone. The people go
 * through the accessible names the contract gives the controls ("Email", "Password", "Sign in";
 * the phone's labels and buttons).
 */

export interface Account {
  email: string;
  password: string;
}

export interface Viewport {
  width: number;
  height: number;
}

/**
 * Signs `account` in at `url` in a new page: of `where` when it is a browser context (a second
 * app of the same person), else of a context of its own. Resolves once the inbox has replaced the form.
 */
export async function signIn(
  where: Browser | BrowserContext,
  url: string,
  account: Account,
  viewport?: Viewport,
): Promise<Page> {
  const context = 'newContext' in where ? await where.newContext(viewport ? { viewport } : {}) : where;
  const page = await context.newPage();
  await page.goto(url);
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill(account.email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('textbox', { name: 'Email' })).toBeHidden();
  return page;
}

export interface PhoneCustomer {
  name: string;
  /** As a person types it, e.g. "+32 470 55 66 77". */
  number: string;
  /** A WhatsApp username, and whether the number is hidden behind it. */
  username?: string;
  hideNumber?: boolean;
}

/**
 * A customer opens the sandbox phone of the relay at `url` in a context of their own and writes
 * `text` to the shop. Answers the phone's page, for what the customer sees next.
 */
export async function customerWrites(
  browser: Browser,
  url: string,
  customer: PhoneCustomer,
  text: string,
  viewport?: Viewport,
): Promise<Page> {
  const phone = await (await browser.newContext(viewport ? { viewport } : {})).newPage();
  await phone.goto(`${url}/sandbox`);
  await phone.getByLabel('Customer name').fill(customer.name);
  await phone.getByLabel('Phone number').fill(customer.number);
  if (customer.username !== undefined) await phone.getByLabel('Username (optional)').fill(customer.username);
  if (customer.hideNumber) await phone.getByLabel('Hide my number from the shop').check();
  await phone.getByRole('button', { name: 'Start chatting' }).click();
  await phone.getByRole('textbox', { name: 'Customer message' }).fill(text);
  await phone.getByRole('button', { name: 'Send as customer' }).click();
  return phone;
}

/** The phone's size in the specs that look at it (a phone, not a desktop window). */
export const PHONE_VIEWPORT: Viewport = { width: 420, height: 820 };

export interface E2eShop {
  url: string;
  dataDir: string;
  /** The supervisor's session, for setting the shop up through the API. */
  token: string;
  /** The staff accounts made at start, in the order given. */
  agents: Agent[];
  /** Stops the relay and removes its data folder. */
  stop(): Promise<void>;
}

/**
 * Starts the relay on a fresh data folder (`toonbank-e2e-<name>-…`) with `supervisor` as the first
 * supervisor and `staff` created through the API. `env` is added to the relay's environment;
 * `beforeStart` may plant files in the data folder before the relay reads it.
 */
export async function startShop(options: {
  name: string;
  supervisor: Account;
  staff?: (Account & { name: string; role?: AgentRole })[];
  env?: Record<string, string>;
  beforeStart?: (dataDir: string) => Promise<void>;
}): Promise<E2eShop> {
  const dataDir = await mkdtemp(join(tmpdir(), `toonbank-e2e-${options.name}-`));
  await options.beforeStart?.(dataDir);
  let relay: ChildProcess;
  let url: string;
  try {
    ({ child: relay, url } = await spawnRelay({
      DATA_DIR: dataDir,
      ADMIN_EMAIL: options.supervisor.email,
      ADMIN_PASSWORD: options.supervisor.password,
      ...options.env,
    }));
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  const { token } = await login(url, options.supervisor.email, options.supervisor.password);
  const agents: Agent[] = [];
  for (const { role = 'agent', ...account } of options.staff ?? []) {
    agents.push(await createAgent(url, token, { ...account, role }));
  }
  return {
    url,
    dataDir,
    token,
    agents,
    async stop() {
      await stopRelay(relay);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Adds products to the shop's catalog as its supervisor (each must be created: 201). */
export async function addProducts(shop: Pick<E2eShop, 'url' | 'token'>, products: unknown[]): Promise<void> {
  const headers = { authorization: `Bearer ${shop.token}`, 'content-type': 'application/json' };
  for (const product of products) {
    const response = await fetch(`${shop.url}/api/v1/products`, {
      method: 'POST',
      headers,
      body: JSON.stringify(product),
    });
    expect(response.status).toBe(201);
  }
}
