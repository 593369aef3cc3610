import { mkdir } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import {
  addProducts,
  customerWrites,
  PHONE_VIEWPORT,
  signIn,
  startShop,
  type E2eShop,
} from '../helpers/e2e-session.js';

/*
 * Selling in the conversation, end to end against the real relay in sandbox mode: an agent finds
 * products in the catalog panel and adds them to the conversation's cart, changes a quantity and
 * requests payment; the customer opens the link on the sandbox phone and pays on the sandbox
 * checkout; the agent and a supervisor both see the order become paid without reloading, and the
 * customer gets the confirmation. And the other way round: the customer builds a cart from a
 * product list on the phone and sends it, and it becomes the conversation's cart. Screenshots of each step go to test-results/selling/.
 */

const SUPERVISOR = { email: 'lotte@shop.test', password: 'supervisor password' };
const AGENT = { email: 'jonas@shop.test', password: 'agent password 1', name: 'Jonas' };
const CUSTOMER = { name: 'Anna Peeters', number: '+32 470 12 34 56' };
const SHOTS = 'test-results/selling';

/** The window size of the staff's screens in this spec. */
const VIEWPORT = { width: 1280, height: 820 };

let shop: E2eShop;
let url: string;

test.beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  shop = await startShop({
    name: 'selling',
    supervisor: SUPERVISOR,
    staff: [AGENT],
    // A Meta catalog linked to the number: product cards go out as native product lists.
    env: { WHATSAPP_CATALOG_ID: '1234567890123456' },
  });
  ({ url } = shop);
  await addProducts(shop, [
    { sku: 'BEANS-1KG', name: 'Coffee beans 1 kg', price: { amount: 1250, currency: 'EUR' }, vatRate: 6, stock: 20 },
    { sku: 'MUG', name: 'Espresso mug', price: { amount: 899, currency: 'EUR' }, vatRate: 21, stock: 8 },
  ]);
});

test.afterAll(async () => {
  await shop.stop();
});

test('an agent builds a cart and requests payment; the customer pays; both screens show Paid', async ({ browser }) => {
  const phone = await customerWrites(browser, url, CUSTOMER, 'Ik wil graag koffie bestellen', PHONE_VIEWPORT);

  const agent = await signIn(browser, url, AGENT, VIEWPORT);
  const supervisor = await signIn(browser, url, SUPERVISOR, VIEWPORT);
  for (const page of [agent, supervisor]) {
    await page
      .getByRole('button', { name: new RegExp(CUSTOMER.name) })
      .first()
      .click();
  }

  // The agent finds the products in the catalog panel and adds them to the cart.
  await agent.getByRole('button', { name: 'Catalog' }).click();
  const search = agent.getByRole('searchbox', { name: 'Search products' });
  await search.fill('beans');
  await agent.getByRole('button', { name: 'Add Coffee beans 1 kg to cart' }).click();
  await search.fill('mug');
  await agent.getByRole('button', { name: 'Add Espresso mug to cart' }).click();
  const agentCart = agent.getByRole('region', { name: 'Cart' });
  await expect(agentCart.getByText('Espresso mug')).toBeVisible();

  // The quantity changes; the supervisor's screen follows without reloading.
  await agentCart.getByRole('textbox', { name: 'Quantity of Coffee beans 1 kg' }).fill('3');
  await expect(agentCart.getByText('€46.49')).toBeVisible();
  const supervisorCart = supervisor.getByRole('region', { name: 'Cart' });
  await expect(supervisorCart.getByText('€46.49')).toBeVisible();
  await expect(supervisorCart.getByText('VAT 6%')).toBeVisible();
  await agent.screenshot({ path: `${SHOTS}/1-agent-cart.png` });
  await supervisor.screenshot({ path: `${SHOTS}/2-supervisor-sees-cart.png` });

  // Request payment: the order awaits payment on both screens, the customer gets the link.
  await agentCart.getByRole('button', { name: 'Request payment' }).click();
  for (const page of [agent, supervisor]) {
    await expect(
      page.getByRole('list', { name: 'Orders in this conversation' }).getByText('Awaiting payment'),
    ).toBeVisible();
  }
  const payNow = phone.getByRole('link', { name: /Pay now/ });
  await expect(payNow).toBeVisible();
  await phone.screenshot({ path: `${SHOTS}/3-phone-payment-link.png` });

  // The customer opens the stable link: 303 to the sandbox checkout, and pays.
  const href = await payNow.getAttribute('href');
  expect(href).toMatch(/\/pay\/ord_/);
  const checkout = await phone.context().newPage();
  await checkout.goto(href ?? '');
  await expect(checkout).toHaveURL(/\/sandbox\/checkout\/sbx_/);
  await expect(checkout.getByText('Sandbox checkout')).toBeVisible();
  await checkout.screenshot({ path: `${SHOTS}/4-sandbox-checkout.png` });
  await checkout.getByRole('button', { name: 'Pay €46.49' }).click();
  await expect(checkout.getByRole('heading', { name: 'Payment received' })).toBeVisible();
  await checkout.screenshot({ path: `${SHOTS}/5-paid-page.png` });

  // Both agents see Paid at once; the paid lines left the cart; the customer got one confirmation.
  for (const page of [agent, supervisor]) {
    await expect(page.getByRole('list', { name: 'Orders in this conversation' }).getByText('Paid')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Cart' })).toBeHidden();
  }
  await expect(phone.getByText(/Payment received — thank you!/)).toBeVisible();
  await expect(phone.getByText(/Payment received — thank you!/)).toHaveCount(1);
  await agent.screenshot({ path: `${SHOTS}/6-agent-paid.png` });
  await supervisor.screenshot({ path: `${SHOTS}/7-supervisor-paid.png` });
  await phone.screenshot({ path: `${SHOTS}/8-phone-confirmation.png` });

  // The orders view lists it with its status, customer and a way back to the conversation.
  await supervisor.getByRole('link', { name: 'Orders' }).click();
  const orders = supervisor.getByRole('region', { name: 'Orders' });
  await expect(orders.getByRole('row', { name: /Anna Peeters.*€46\.49.*Paid/ })).toBeVisible();
  await supervisor.screenshot({ path: `${SHOTS}/9-orders-view.png` });
  await orders.getByRole('link', { name: `Open conversation with ${CUSTOMER.name}` }).click();
  await expect(supervisor.getByRole('region', { name: `Messages with ${CUSTOMER.name}` })).toBeVisible();
});

test("the customer's cart from a product list becomes the conversation's cart", async ({ browser }) => {
  const phone = await customerWrites(
    browser,
    url,
    { name: 'Bram Jacobs', number: '+32 470 98 76 54' },
    'Wat hebben jullie?',
    PHONE_VIEWPORT,
  );

  const agent = await signIn(browser, url, AGENT, VIEWPORT);
  await agent
    .getByRole('button', { name: /Bram Jacobs/ })
    .first()
    .click();
  await agent.getByRole('button', { name: 'Catalog' }).click();
  await agent.getByRole('checkbox', { name: 'Select Coffee beans 1 kg' }).check();
  await agent.getByRole('checkbox', { name: 'Select Espresso mug' }).check();
  await agent.getByRole('button', { name: 'Send 2 products as a list' }).click();

  // On the phone: the product list, two bags of beans and a mug, sent as the customer's cart.
  await phone.getByRole('button', { name: 'View items' }).click();
  await phone.getByRole('button', { name: 'One more Coffee beans 1 kg' }).click();
  await phone.getByRole('button', { name: 'One more Coffee beans 1 kg' }).click();
  await phone.getByRole('button', { name: 'One more Espresso mug' }).click();
  await phone.screenshot({ path: `${SHOTS}/10-phone-product-list-cart.png` });
  await phone.getByRole('button', { name: 'Send cart (3 items)' }).click();

  const cart = agent.getByRole('region', { name: 'Cart' });
  await expect(cart.getByRole('textbox', { name: 'Quantity of Coffee beans 1 kg' })).toHaveValue('2');
  await expect(cart.getByRole('textbox', { name: 'Quantity of Espresso mug' })).toHaveValue('1');
  await expect(cart.getByText('€33.99')).toBeVisible();
  await agent.screenshot({ path: `${SHOTS}/11-agent-cart-from-customer-order.png` });
});
