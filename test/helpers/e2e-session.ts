import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';

/*
 * The two people every end-to-end spec plays, written once: a member of staff signing in to the
 * inbox, and a customer writing from the sandbox phone. Both go through the accessible names the
 * contract gives the controls ("Email", "Password", "Sign in"; the phone's labels and buttons).
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
