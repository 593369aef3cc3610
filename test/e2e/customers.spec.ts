import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { customerWrites, signIn, startShop, type E2eShop } from '../helpers/e2e-session.js';

/*
 * Customers as WhatsApp knows them in 2026, and a relay that carried on over a damaged file: in
 * Chromium against the real relay in sandbox mode, started over a data folder with a damaged
 * conversation file planted in it.
 */

const SUPERVISOR = { email: 'lotte@shop.test', password: 'supervisor password' };

let shop: E2eShop;
let url: string;

test.beforeAll(async () => {
  shop = await startShop({
    name: 'customers',
    supervisor: SUPERVISOR,
    // A conversation whose meta cannot be read: the relay must start all the same, and say so.
    beforeStart: async (dataDir) => {
      await mkdir(join(dataDir, 'conversations', 'broken'), { recursive: true });
      await writeFile(join(dataDir, 'conversations', 'broken', 'meta.json'), '{"summary": tru');
    },
  });
  ({ url } = shop);
});

test.afterAll(async () => {
  await shop.stop();
});

test('a customer who hides their number behind a username is answered like any other', async ({ browser }) => {
  const inbox = await signIn(browser, url, SUPERVISOR);
  // The damaged file was set aside, and the supervisor is told.
  await expect(inbox.getByRole('status').filter({ hasText: '1 data file could not be read' })).toBeVisible();
  await expect(inbox.getByText('conversations/broken/meta.json')).toBeVisible();

  const phone = await customerWrites(
    browser,
    url,
    { name: 'Fien Maes', number: '+32 470 11 22 33', username: '@fien.maes', hideNumber: true },
    'Hoi! Ik zie alleen jullie winkel.',
  );

  const row = inbox.getByRole('button', { name: /Fien Maes/ }).first();
  await expect(row).toContainText('Hoi! Ik zie alleen jullie winkel.');
  await row.click();
  // No number anywhere: the header shows the username instead.
  const conversation = inbox.getByRole('region', { name: 'Fien Maes' });
  await expect(conversation.getByText('@fien.maes')).toBeVisible();
  await expect(inbox.getByText('+32470112233')).toHaveCount(0);
  const composer = inbox.getByRole('textbox', { name: 'Message' });
  await composer.fill('Dag Fien, welkom!');
  await composer.press('Enter');
  await expect(phone.getByText('Dag Fien, welkom!')).toBeVisible();
  await inbox.screenshot({ path: 'test-results/customer-with-username.png' });
});
