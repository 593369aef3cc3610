import { expect, test, type Page } from '@playwright/test';
import { customerWrites, signIn, startShop, type E2eShop } from '../helpers/e2e-session.js';

/*
 * The team workflow in Chromium against the relay in sandbox mode: the list's views (Mine,
 * Unassigned, All), a supervisor assigning a chat to an agent, a label made by the supervisor and
 * put on the chat by the agent, resolving it, the status and label filters, and the search.
 */

const BOSS = { email: 'lotte@shop.test', password: 'supervisor password' };
const ANNA = { name: 'Anna Claes', email: 'anna@shop.test', password: 'anna password 1' };

/** The window size of the staff's screens in this spec. */
const VIEWPORT = { width: 1280, height: 800 };

let shop: E2eShop;
let url: string;

test.beforeAll(async () => {
  shop = await startShop({ name: 'workflow', supervisor: BOSS, staff: [ANNA] });
  ({ url } = shop);
});

test.afterAll(async () => {
  await shop.stop();
});

test('views, assignment, labels, resolving, filters and search', async ({ browser }) => {
  const boss = await signIn(browser, url, BOSS, VIEWPORT);
  const anna = await signIn(browser, url, ANNA, VIEWPORT);
  await customerWrites(
    browser,
    url,
    { name: 'Jef Peeters', number: '+32 470 55 66 77' },
    'Hebben jullie nog speculoos?',
  );

  const jefOn = (page: Page) => page.getByRole('button', { name: /Jef Peeters/ }).first();
  await expect(jefOn(boss)).toContainText('Hebben jullie nog speculoos?');
  await boss.getByRole('tab', { name: 'Unassigned' }).click();
  await expect(jefOn(boss)).toBeVisible();
  await boss.getByRole('tab', { name: 'Mine' }).click();
  await expect(jefOn(boss)).toHaveCount(0);
  await boss.getByRole('tab', { name: 'All' }).click();

  // The supervisor makes a label and gives the chat to Anna.
  await boss.getByRole('button', { name: 'Labels' }).first().click();
  const manager = boss.getByRole('dialog', { name: 'Labels' });
  await manager.getByRole('textbox', { name: 'Label name' }).fill('Speculoos');
  await manager.getByRole('button', { name: 'Add label' }).click();
  await expect(manager.getByRole('textbox', { name: 'Name of Speculoos' })).toBeVisible();
  await boss.keyboard.press('Escape');
  await jefOn(boss).click();
  await boss.getByRole('combobox', { name: 'Assigned to' }).selectOption({ label: 'Anna Claes' });

  // Anna sees it arrive in Mine, labels it and resolves it.
  await anna.getByRole('tab', { name: 'Mine' }).click();
  await expect(jefOn(anna)).toBeVisible();
  await jefOn(anna).click();
  const conversation = anna.getByRole('region', { name: 'Jef Peeters' });
  await conversation.getByRole('button', { name: 'Labels' }).click();
  await anna.getByRole('menu').getByText('Speculoos').click();
  await anna.keyboard.press('Escape');
  await conversation.getByRole('button', { name: 'Resolve' }).click();
  await expect(conversation.getByRole('button', { name: 'Reopen' })).toBeVisible();
  await expect(conversation.getByText('Anna Claes resolved the conversation')).toBeVisible();
  await anna.screenshot({ path: 'test-results/workflow-agent-resolved.png' });

  // The supervisor's screen follows: the label on the row, the filters keep it, the search finds it.
  await expect(jefOn(boss)).toContainText('Speculoos');
  await boss.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Open' });
  await expect(jefOn(boss)).toHaveCount(0);
  await boss.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Resolved' });
  await expect(jefOn(boss)).toBeVisible();
  await boss.getByRole('combobox', { name: 'Label' }).selectOption({ label: 'Speculoos' });
  await expect(jefOn(boss)).toBeVisible();
  await boss.screenshot({ path: 'test-results/workflow-supervisor-filters.png' });
  await boss.getByRole('searchbox', { name: 'Search' }).fill('speculoos');
  await expect(boss.getByRole('button', { name: /Jef Peeters/ }).first()).toBeVisible();
  await boss.screenshot({ path: 'test-results/workflow-search.png' });
});

test('the contact panel: number, first contact, labels, earlier conversations and orders', async ({ browser }) => {
  const boss = await signIn(browser, url, BOSS, VIEWPORT);
  await customerWrites(
    browser,
    url,
    { name: 'Mieke Janssens', number: '+32 470 11 22 33' },
    'Is de rode <b>fiets</b> nog leverbaar?',
  );
  const row = boss.getByRole('button', { name: /Mieke Janssens/ }).first();
  await row.click();
  const conversation = boss.getByRole('region', { name: 'Mieke Janssens' });
  await conversation.getByRole('button', { name: 'Contact' }).click();
  const panel = boss.getByRole('complementary', { name: 'Contact' });
  await expect(panel.getByRole('heading', { name: 'Mieke Janssens' })).toBeVisible();
  await expect(panel).toContainText('+32470112233');
  await expect(panel).toContainText('First contact');
  await expect(panel).toContainText('None yet: this is the first conversation.');
  await expect(panel).toContainText('No orders yet.');

  // Resolved, then the customer comes back: the first conversation is now an earlier one.
  await conversation.getByRole('button', { name: 'Resolve' }).click();
  await expect(conversation.getByRole('button', { name: 'Reopen' })).toBeVisible();
  await customerWrites(browser, url, { name: 'Mieke Janssens', number: '+32 470 11 22 33' }, 'En een helm?');
  await expect(conversation.getByRole('button', { name: 'Resolve' })).toBeVisible();
  const earlier = panel.getByRole('listitem').filter({ hasText: /Resolved by/ });
  await expect(earlier).toHaveCount(1);
  // Customer text is text: the tag shows as typed, nothing is made bold.
  await expect(earlier).toContainText('Is de rode <b>fiets</b> nog leverbaar?');
  await expect(earlier).toContainText('1 message from the customer');
  await expect(panel.locator('b')).toHaveCount(0);
  await boss.screenshot({ path: 'test-results/contact-panel.png' });

  // It stays open from chat to chat and across a reload; the button closes it.
  await boss.reload();
  await boss
    .getByRole('button', { name: /Mieke Janssens/ })
    .first()
    .click();
  await expect(boss.getByRole('complementary', { name: 'Contact' })).toBeVisible();
  await boss.getByRole('region', { name: 'Mieke Janssens' }).getByRole('button', { name: 'Contact' }).click();
  await expect(boss.getByRole('complementary', { name: 'Contact' })).toHaveCount(0);
});

test('the row menu opens by mouse and by keyboard, gives the focus back, and reassigns', async ({ browser }) => {
  await customerWrites(browser, url, { name: 'Lien Maes', number: '+32 470 12 34 56' }, 'Hebben jullie nog kaarsen?');
  const boss = await signIn(browser, url, BOSS, VIEWPORT);
  const row = boss.getByRole('listitem').filter({ has: boss.getByRole('button', { name: /Lien Maes/ }) });
  await expect(row).toContainText('Unassigned');
  // The row mounts its menu only when it is first used; before, the button says what it opens.
  const menuButton = () => row.getByRole('button', { name: 'Change assignee' });
  await expect(menuButton()).toHaveAttribute('aria-haspopup', 'menu');

  // By keyboard: Enter opens it, Escape closes it and the focus is back on the button.
  await menuButton().focus();
  await boss.keyboard.press('Enter');
  await expect(boss.getByRole('menu').getByRole('menuitem', { name: /Anna Claes/ })).toBeVisible();
  await expect(menuButton()).toHaveAttribute('aria-expanded', 'true');
  await boss.keyboard.press('Escape');
  await expect(boss.getByRole('menu')).toBeHidden();
  await expect(menuButton()).toBeFocused();

  // By mouse: a choice gives the chat to Anna.
  await menuButton().click();
  await boss.getByRole('menuitem', { name: /Anna Claes/ }).click();
  await expect(boss.getByRole('listitem').filter({ hasText: 'Lien Maes' })).toContainText('Anna Claes');
});

test('a search hit and an earlier conversation open the thread at that message, far back', async ({ browser }) => {
  const waId = '32470556600';
  const customerSays = async (text: string) => {
    const response = await fetch(`${url}/sandbox/api/customers/${waId}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Wout Claes', text }),
    });
    expect(response.status).toBe(200);
  };
  await customerSays('Mijn fiets heeft een lekke band sinds zaterdag');
  for (let n = 1; n <= 130; n++) await customerSays(`Bericht ${n}`);

  const boss = await signIn(browser, url, BOSS, VIEWPORT);
  await boss.getByRole('searchbox', { name: 'Search' }).fill('lekke');
  await boss.getByRole('button', { name: /lekke band/ }).click();
  const thread = boss.getByRole('region', { name: 'Messages with Wout Claes' });
  // Three pages back, brought to the middle and marked.
  await expect(thread.getByText('Mijn fiets heeft een lekke band sinds zaterdag')).toBeVisible();
  await expect(thread.locator('[data-marked]')).toContainText('lekke band');
  await boss.screenshot({ path: 'test-results/search-hit-shown.png' });

  // The first conversation is resolved; the customer writes again: it is an earlier one now.
  const conversation = boss.getByRole('region', { name: 'Wout Claes' });
  await conversation.getByRole('button', { name: 'Resolve' }).click();
  await expect(conversation.getByRole('button', { name: 'Reopen' })).toBeVisible();
  await customerSays('Nog een vraag over de band');
  await boss.getByRole('searchbox', { name: 'Search' }).fill('');
  await boss
    .getByRole('button', { name: /Wout Claes/ })
    .first()
    .click();
  await expect(thread.getByText('Nog een vraag over de band')).toBeVisible();
  await expect(thread.getByText('Mijn fiets heeft een lekke band sinds zaterdag')).toHaveCount(0);
  await conversation.getByRole('button', { name: 'Contact' }).click();
  await boss
    .getByRole('complementary', { name: 'Contact' })
    .getByRole('button', { name: /Show the conversation of/ })
    .click();
  await expect(thread.getByText('Mijn fiets heeft een lekke band sinds zaterdag')).toBeVisible();
});
