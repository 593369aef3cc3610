import type { ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { customerWrites, signIn } from '../helpers/e2e-session.js';
import { spawnRelay, stopRelay } from '../helpers/spawn-relay.js';

/*
 * Customers as WhatsApp knows them in 2026, and a relay that carried on over a damaged file: in
 * Chromium against the real relay in sandbox mode, started over a data folder with a damaged
 * conversation file planted in it.
 */

const SUPERVISOR = { email: 'lotte@shop.test', password: 'supervisor password' };

let relay: ChildProcess;
let url: string;
let dataDir: string;

test.beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'toonbank-e2e-customers-'));
  // A conversation whose meta cannot be read: the relay must start all the same, and say so.
  await mkdir(join(dataDir, 'conversations', 'broken'), { recursive: true });
  await writeFile(join(dataDir, 'conversations', 'broken', 'meta.json'), '{"summary": tru');
  ({ child: relay, url } = await spawnRelay({
    DATA_DIR: dataDir,
    ADMIN_EMAIL: SUPERVISOR.email,
    ADMIN_PASSWORD: SUPERVISOR.password,
  }));
});

test.afterAll(async () => {
  await stopRelay(relay);
  await rm(dataDir, { recursive: true, force: true });
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
