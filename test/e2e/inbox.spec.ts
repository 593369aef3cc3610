import { expect, test } from '@playwright/test';
import { customerWrites, signIn, startShop, type E2eShop } from '../helpers/e2e-session.js';

/*
 * The whole path, end to end, against the real relay in sandbox mode: a customer writes from the
 * sandbox phone, two agents in two browser contexts see it arrive live, one answers, the phone gets
 * the answer and its ticks go to read, and the other agent sees the answer too.
 */

const SUPERVISOR = { email: 'lotte@shop.test', password: 'supervisor password', name: 'Supervisor' };
const AGENT = { email: 'jonas@shop.test', password: 'agent password 1', name: 'Jonas' };
const CUSTOMER = { name: 'Sofie Willems', number: '+32 470 55 66 77' };

let shop: E2eShop;
let url: string;

test.beforeAll(async () => {
  shop = await startShop({ name: 'inbox', supervisor: SUPERVISOR, staff: [AGENT] });
  ({ url } = shop);
  expect(shop.agents).toMatchObject([{ email: AGENT.email, role: 'agent' }]);
});

test.afterAll(async () => {
  await shop.stop();
});

test('a customer message reaches two agents live, one answers, the phone sees it read', async ({ browser }) => {
  const supervisor = await signIn(browser, url, SUPERVISOR);
  const agent = await signIn(browser, url, AGENT);

  const phone = await customerWrites(browser, url, CUSTOMER, 'Hebben jullie deze jas in maat M?');

  // Both agents see the new conversation and its message without reloading.
  for (const page of [supervisor, agent]) {
    const row = page.getByRole('button', { name: new RegExp(CUSTOMER.name) }).first();
    await expect(row).toBeVisible();
    await expect(row).toContainText('Hebben jullie deze jas in maat M?');
  }

  // The unread message shows in the window title until the chat is opened.
  await expect(agent).toHaveTitle('(1) Toonbank');

  // The agent opens the chat and answers with Enter.
  await agent
    .getByRole('button', { name: new RegExp(CUSTOMER.name) })
    .first()
    .click();
  const agentThread = agent.getByRole('region', { name: `Messages with ${CUSTOMER.name}` });
  await expect(agentThread.getByText('Hebben jullie deze jas in maat M?')).toBeVisible();
  await expect(agent).toHaveTitle('Toonbank');
  const composer = agent.getByRole('textbox', { name: 'Message' });
  await expect(agent.getByRole('button', { name: 'Send', exact: true })).toBeDisabled();
  await composer.fill('Ja! Maat M is er nog, zal ik er een apart leggen?');
  await composer.press('Enter');
  await expect(composer).toHaveValue('');

  // The phone gets the answer and, since the customer is looking at it, the ticks go to read.
  await expect(phone.getByText('Ja! Maat M is er nog, zal ik er een apart leggen?')).toBeVisible();
  await expect(agent.getByRole('region', { name: `Messages with ${CUSTOMER.name}` }).getByLabel('Read')).toBeVisible();

  // The other agent (the supervisor) sees the answer too, in the list and in the chat.
  const supervisorRow = supervisor.getByRole('button', { name: new RegExp(CUSTOMER.name) }).first();
  await expect(supervisorRow).toContainText('Ja! Maat M is er nog');
  await supervisorRow.click();
  const thread = supervisor.getByRole('region', { name: `Messages with ${CUSTOMER.name}` });
  await expect(thread.getByText('Ja! Maat M is er nog, zal ik er een apart leggen?')).toBeVisible();
  await expect(thread.getByLabel('Read')).toBeVisible();

  await supervisor.screenshot({ path: 'test-results/inbox-supervisor.png' });
  await phone.screenshot({ path: 'test-results/sandbox-phone.png' });
});

test('a wrong password is refused with a clear message', async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await page.goto(url);
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill(SUPERVISOR.email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText("That email and password don't match an account");
});

test('customer text is shown as text, never as HTML', async ({ browser }) => {
  const page = await signIn(browser, url, SUPERVISOR);
  await customerWrites(
    browser,
    url,
    { name: '<b>Mallory</b>', number: '+31 6 98765432' },
    '<img src=x onerror="window.pwned=1">hello',
  );
  const row = page.getByRole('button', { name: /Mallory/ }).first();
  await expect(row).toContainText('<img src=x onerror="window.pwned=1">hello');
  await row.click();
  await expect(
    page.getByRole('region', { name: /Messages with/ }).getByText('<img src=x onerror="window.pwned=1">hello'),
  ).toBeVisible();
  expect(await page.evaluate(() => (globalThis as { pwned?: number }).pwned)).toBeUndefined();
  expect(await page.locator('b', { hasText: 'Mallory' }).count()).toBe(0);
});
