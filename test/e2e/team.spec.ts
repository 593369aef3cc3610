import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { createAgent, login } from '../../shared/client/relay-client.js';
import { ConversationListResponseSchema } from '../../shared/protocol/conversations.js';
import { MessageListResponseSchema } from '../../shared/protocol/messages.js';
import { customerWrites, signIn } from '../helpers/e2e-session.js';
import { spawnRelay, stopRelay } from '../helpers/spawn-relay.js';

/*
 * Working together, in Chromium against the real relay in sandbox mode: a supervisor assigns a
 * customer's chat to Anna; Ben (a supervisor) sees her viewing and typing, is warned when he starts
 * to type and must confirm his reply; Anna's note with @Ben notifies him; a canned reply fills in
 * the customer's first name; and a reply written while the relay is stopped goes out once after the
 * app was closed and opened again.
 */

const BOSS = { email: 'lotte@shop.test', password: 'supervisor password' };
const ANNA = { email: 'anna@shop.test', password: 'agent password 1', name: 'Anna Peeters' };
const BEN = { email: 'ben@shop.test', password: 'agent password 2', name: 'Ben' };
const CUSTOMER = { name: 'Sofie Willems', number: '+32 470 55 66 77' };

let relay: ChildProcess;
let url: string;
let port: string;
let dataDir: string;
let bossToken: string;

async function freePort(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return String(typeof address === 'object' && address ? address.port : 0);
}

async function startRelay(): Promise<void> {
  ({ child: relay, url } = await spawnRelay({
    DATA_DIR: dataDir,
    PORT: port,
    ADMIN_EMAIL: BOSS.email,
    ADMIN_PASSWORD: BOSS.password,
  }));
}

async function rest(token: string, method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  expect(response.ok).toBe(true);
  return response.status === 204 ? null : response.json();
}

test.beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'toonbank-e2e-team-'));
  port = await freePort();
  await startRelay();
  bossToken = (await login(url, BOSS.email, BOSS.password)).token;
  await createAgent(url, bossToken, { ...ANNA, role: 'agent' });
  await createAgent(url, bossToken, { ...BEN, role: 'supervisor' });
  await rest(bossToken, 'POST', '/api/v1/canned-replies', {
    shortcut: 'hours',
    text: 'Hi {{firstName}}, we are open from 9 to 18. — {{agentName}}',
  });
});

test.afterAll(async () => {
  await stopRelay(relay);
  await rm(dataDir, { recursive: true, force: true });
});

async function conversationId(): Promise<string> {
  const { conversations } = ConversationListResponseSchema.parse(await rest(bossToken, 'GET', '/api/v1/conversations'));
  return conversations.find((c) => c.contact.name === CUSTOMER.name)?.id ?? '';
}

const openChat = async (page: Page) => {
  await page
    .getByRole('button', { name: new RegExp(CUSTOMER.name) })
    .first()
    .click();
  await expect(page.getByRole('region', { name: `Messages with ${CUSTOMER.name}` })).toBeVisible();
};

test('viewing, typing, the collision warning, a note with a mention, a canned reply, and the offline outbox', async ({
  browser,
}) => {
  // Five pages, a relay stopped and started again: near the 30 s default on a 2-core CI machine.
  test.slow();
  const phone = await customerWrites(browser, url, CUSTOMER, 'Zijn jullie zaterdag open?');
  await expect.poll(conversationId).not.toBe('');
  const id = await conversationId();

  const annaContext = await browser.newContext();
  const anna = await signIn(annaContext, url, ANNA);
  const ben = await signIn(await browser.newContext(), url, BEN);
  // The supervisor gives the chat to Anna; it arrives in her inbox.
  const annaId = (await login(url, ANNA.email, ANNA.password)).agent.id;
  await rest(bossToken, 'POST', `/api/v1/conversations/${id}/assign`, { agentId: annaId });
  await openChat(anna);
  await openChat(ben);

  // Each sees the other viewing; Ben sees Anna typing.
  await expect(anna.getByText('Ben is viewing')).toBeVisible();
  await expect(ben.getByText('Anna Peeters is viewing')).toBeVisible();
  await anna.getByRole('textbox', { name: 'Message' }).fill('Ja, zaterdag');
  await expect(ben.getByText('Anna Peeters is typing…')).toBeVisible();

  // Ben starts typing: he is told before he sends, and sending takes a confirmation.
  const benComposer = ben.getByRole('textbox', { name: 'Message' });
  await benComposer.fill('Ik neem het even over');
  await expect(
    ben.getByRole('alert').filter({ hasText: 'Anna Peeters is answering this chat right now' }),
  ).toBeVisible();
  await expect(ben.getByRole('alert').filter({ hasText: 'This chat is assigned to Anna Peeters' })).toBeVisible();
  await ben.screenshot({ path: 'test-results/team-collision.png' });
  await benComposer.press('Enter');
  const dialog = ben.getByRole('dialog', { name: "Reply to Anna Peeters's chat?" });
  await expect(dialog).toBeVisible();
  await ben.screenshot({ path: 'test-results/team-confirm.png' });
  await dialog.getByRole('button', { name: 'Send anyway' }).click();
  await expect(phone.getByText('Ik neem het even over')).toBeVisible();

  // Ben moves on (a mention in the chat he has open counts as seen at once).
  await ben.goBack();
  await expect(ben.getByText('Select a conversation')).toBeVisible();
  // Anna writes a private note mentioning Ben; he is notified, and the note never reaches the phone.
  await anna.getByRole('textbox', { name: 'Message' }).fill('');
  await anna.getByRole('button', { name: 'Private note' }).click();
  await anna.getByRole('textbox', { name: 'Message' }).fill('@Ben kun jij de voorraad checken?');
  await anna.getByRole('textbox', { name: 'Message' }).press('Enter');
  const annaThread = anna.getByRole('region', { name: `Messages with ${CUSTOMER.name}` });
  await expect(annaThread.getByRole('article', { name: 'Private note' })).toContainText('kun jij de voorraad checken?');
  const bell = ben.getByRole('button', { name: 'Notifications (1)' });
  await expect(bell).toBeVisible();
  await bell.click();
  await expect(ben.getByRole('menuitem', { name: /Anna Peeters mentioned you in Sofie Willems/ })).toBeVisible();
  await ben.screenshot({ path: 'test-results/team-mention.png' });
  await ben.getByRole('menuitem', { name: /Anna Peeters mentioned you in Sofie Willems/ }).click();
  await expect(ben.getByRole('button', { name: 'Notifications' })).toBeVisible();
  await anna.getByRole('button', { name: 'Private note' }).click();

  // A canned reply through "/": a listbox, filtered as she types, fills in the customer's first name.
  const annaComposer = anna.getByRole('textbox', { name: 'Message' });
  await annaComposer.fill('');
  await annaComposer.pressSequentially('/ho');
  const listbox = anna.getByRole('listbox', { name: 'Canned replies' });
  await expect(listbox.getByRole('option', { name: /\/hours/ })).toBeVisible();
  await anna.screenshot({ path: 'test-results/team-canned.png' });
  await annaComposer.press('Enter');
  await expect(annaComposer).toHaveValue('Hi Sofie, we are open from 9 to 18. — Anna Peeters');
  await expect(listbox).toBeHidden();
  await annaComposer.fill('');
  await expect(phone.getByText('voorraad')).toBeHidden();

  // The relay stops: Anna's reply waits in the outbox, shown as pending.
  await stopRelay(relay);
  await expect(anna.getByText('Reconnecting…').first()).toBeVisible();
  await annaComposer.fill('Geschreven terwijl de relay weg was');
  await annaComposer.press('Enter');
  await expect(annaThread.getByText('Geschreven terwijl de relay weg was')).toBeVisible();
  await expect(annaThread.getByLabel('Sending')).toBeVisible();
  await expect(anna.getByText('1 message waiting to send')).toBeVisible();
  await anna.screenshot({ path: 'test-results/team-outbox-pending.png' });

  // She closes the app; the relay comes back; she opens it again: the reply goes out, once.
  await anna.close();
  await startRelay();
  const annaAgain = await signIn(annaContext, url, ANNA);
  await expect(annaAgain.getByText('1 message waiting to send')).toBeHidden();
  const stored = async () =>
    MessageListResponseSchema.parse(
      await rest(bossToken, 'GET', `/api/v1/conversations/${id}/messages`),
    ).messages.filter((m) => m.text === 'Geschreven terwijl de relay weg was');
  // Stored once and delivered by WhatsApp (the sandbox, which like WhatsApp still knows the
  // customer wrote within 24 hours), never twice.
  await expect
    .poll(async () => (await stored()).map((m) => ['sent', 'delivered', 'read'].includes(m.status)))
    .toEqual([true]);
  const history = MessageListResponseSchema.parse(await rest(bossToken, 'GET', `/api/v1/conversations/${id}/messages`));
  expect(history.messages.filter((m) => m.type === 'note')).toHaveLength(1);
  await openChat(annaAgain);
  await expect(
    annaAgain
      .getByRole('region', { name: `Messages with ${CUSTOMER.name}` })
      .getByText('Geschreven terwijl de relay weg was'),
  ).toHaveCount(1);
  await annaAgain.screenshot({ path: 'test-results/team-outbox-sent.png' });

  // The supervisor's floor: the team's load and how fast they answer, as charts.
  await ben.getByRole('link', { name: 'Floor' }).click();
  await expect(ben.getByRole('heading', { name: 'The floor' })).toBeVisible();
  await expect(
    ben
      .getByRole('figure', { name: /First response time/ })
      .locator('svg')
      .first(),
  ).toBeVisible();
  await ben.screenshot({ path: 'test-results/team-floor.png', fullPage: true });
});
