import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import {
  addProducts,
  customerWrites,
  PHONE_VIEWPORT,
  signIn,
  startShop,
  type E2eShop,
} from '../helpers/e2e-session.js';

/*
 * The catalog end to end, in sandbox mode: a supervisor adds a product and its picture on the
 * Products screen; a customer writes from the sandbox phone; an agent opens the chat, opens the
 * Catalog beside it, searches, and sends the product; the phone shows the card (picture, name,
 * price, shop link) and the agent's thread shows it as the customer sees it.
 */

const SUPERVISOR = { email: 'lotte@shop.test', password: 'supervisor password' };
const AGENT = { email: 'jonas@shop.test', password: 'agent password 1', name: 'Jonas' };
const CUSTOMER = { name: 'Sofie Willems', number: '+32 470 55 66 77' };
const PRODUCT = { sku: 'JAS-M-NAVY', name: 'Wollen jas navy', price: '149.95' };

/** The window size of the staff's screens in this spec. */
const VIEWPORT = { width: 1360, height: 820 };

let shop: E2eShop;
let url: string;
let picture: string;
let feed: string;

test.beforeAll(async () => {
  shop = await startShop({
    name: 'catalog',
    supervisor: SUPERVISOR,
    staff: [AGENT],
    env: { SHOP_NAME: 'Boetiek Sofie' },
    beforeStart: async (dataDir) => {
      picture = join(dataDir, 'jas.png');
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="600"><rect width="600" height="600" fill="#e9e4da"/><rect x="170" y="110" width="260" height="380" rx="40" fill="#1f2f4d"/><rect x="290" y="110" width="20" height="380" fill="#c9b37e"/></svg>`;
      await writeFile(picture, await sharp(Buffer.from(svg)).png().toBuffer());
      feed = join(dataDir, 'feed.csv');
      await writeFile(
        feed,
        [
          'id,title,description,availability,condition,price,link,image_link,brand',
          'SJAAL-ROOD,Sjaal rood,Zachte wol,in stock,new,29.95 EUR,https://shop.example/p/1,https://shop.example/1.jpg,Boetiek',
          'MUTS-X,Muts,Warm,in stock,new,gratis,https://shop.example/p/2,https://shop.example/2.jpg,Boetiek',
          'WANT-3,Wanten,Gebreid,in stock,new,19.95 EUR,https://shop.example/p/3,https://shop.example/3.jpg,Boetiek',
        ].join('\n'),
      );
    },
  });
  ({ url } = shop);
});

test.afterAll(async () => {
  await shop.stop();
});

test('a supervisor adds a product, an agent finds it in the Catalog and sends it, the phone shows the card', async ({
  browser,
}) => {
  // The supervisor adds the product and its picture.
  const supervisor = await signIn(browser, url, SUPERVISOR, VIEWPORT);
  await supervisor.getByRole('button', { name: 'Products' }).click();
  await supervisor.getByRole('button', { name: 'Add product' }).click();
  const form = supervisor.getByRole('dialog');
  await form.getByLabel('SKU').fill(PRODUCT.sku);
  await form.getByLabel('Name').fill(PRODUCT.name);
  await form.getByLabel('Price').fill(PRODUCT.price);
  await form.getByLabel('Stock (empty: not tracked)').fill('4');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();
  const row = supervisor.getByRole('row', { name: new RegExp(PRODUCT.name) });
  await expect(row).toContainText('€149.95');
  const chooser = supervisor.waitForEvent('filechooser');
  await supervisor.getByRole('button', { name: `Upload image for ${PRODUCT.name}` }).click();
  await (await chooser).setFiles(picture);
  await expect(row.locator('img[src*="/media/products/"]')).toBeVisible();
  await supervisor.screenshot({ path: 'test-results/catalog-products-screen.png' });

  // A feed with one broken row: the good rows go in, the broken one is reported by its line.
  const feedChooser = supervisor.waitForEvent('filechooser');
  await supervisor.getByRole('button', { name: 'Import feed' }).click();
  await (await feedChooser).setFiles(feed);
  await expect(supervisor.getByText('2 new, 0 updated · 1 row could not be read')).toBeVisible();
  const report = supervisor.getByRole('region', { name: 'Rows that could not be read' });
  await expect(report).toContainText('Line 3');
  await expect(supervisor.getByRole('row', { name: /Sjaal rood/ })).toBeVisible();
  await supervisor.screenshot({ path: 'test-results/catalog-feed-import.png' });

  // A customer writes.
  const phone = await customerWrites(browser, url, CUSTOMER, 'Hebben jullie een warme jas?', PHONE_VIEWPORT);

  // The agent opens the chat and the catalog beside it, searches and sends.
  const agent = await signIn(browser, url, AGENT, VIEWPORT);
  await agent
    .getByRole('button', { name: new RegExp(CUSTOMER.name) })
    .first()
    .click();
  await agent.getByRole('button', { name: 'Catalog' }).click();
  const panel = agent.getByRole('complementary', { name: 'Catalog' });
  await panel.getByRole('searchbox', { name: 'Search products' }).fill('wollen');
  await expect(panel.getByText('4 in stock')).toBeVisible();
  await panel.getByRole('button', { name: `Send ${PRODUCT.name}` }).click();
  await expect(panel.getByRole('status')).toHaveText(`Sent ${PRODUCT.name}`);

  // The agent's thread shows the card as the customer sees it, and its ticks.
  const thread = agent.getByRole('region', { name: `Messages with ${CUSTOMER.name}` });
  await expect(thread.getByRole('img', { name: PRODUCT.name })).toBeVisible();
  await expect(thread.getByText(`/shop/p/${PRODUCT.sku}`)).toBeVisible();
  await agent.screenshot({ path: 'test-results/catalog-agent-panel.png' });

  // The phone shows the picture with its caption: name, price, the shop page.
  await expect(phone.getByText(PRODUCT.name)).toBeVisible();
  await expect(phone.getByText(/€149\.95/)).toBeVisible();
  await expect(phone.locator('img[src*="/media/products/"]')).toBeVisible();
  await phone.screenshot({ path: 'test-results/catalog-phone.png' });

  // The shop page the caption links to is there, with its "Order on WhatsApp" button.
  const shop = await (await browser.newContext({ viewport: { width: 420, height: 820 } })).newPage();
  await shop.goto(`${url}/shop/p/${PRODUCT.sku}`);
  await expect(shop.getByRole('heading', { name: PRODUCT.name })).toBeVisible();
  await expect(shop.getByRole('link', { name: new RegExp(`Order ${PRODUCT.name} on WhatsApp`, 'i') })).toBeVisible();
  await shop.screenshot({ path: 'test-results/catalog-shop-page.png' });
});

test('with a Meta catalog linked, a selection goes out as a native product list and the phone shows it', async ({
  browser,
}) => {
  const native = await startShop({
    name: 'catalog-native',
    supervisor: SUPERVISOR,
    env: { WHATSAPP_CATALOG_ID: '1234567890' },
  });
  try {
    await addProducts(native, [
      { sku: 'SJAAL-ROOD', name: 'Sjaal rood', price: { amount: 2995, currency: 'EUR' }, stock: 10 },
      { sku: 'MUTS-GRIJS', name: 'Muts grijs', price: { amount: 1995, currency: 'EUR' }, stock: 10 },
    ]);
    const phone = await customerWrites(
      browser,
      native.url,
      { name: 'Ruben Claes', number: '+32 470 11 22 33' },
      'Iets warms voor de winter?',
      PHONE_VIEWPORT,
    );

    const page = await signIn(browser, native.url, SUPERVISOR, VIEWPORT);
    await page
      .getByRole('button', { name: /Ruben Claes/ })
      .first()
      .click();
    await page.getByRole('button', { name: 'Catalog' }).click();
    const panel = page.getByRole('complementary', { name: 'Catalog' });
    await panel.getByRole('checkbox', { name: 'Select Sjaal rood' }).check();
    await panel.getByRole('checkbox', { name: 'Select Muts grijs' }).check();
    await panel.getByRole('button', { name: 'Send 2 products as a list' }).click();
    await expect(panel.getByRole('status')).toHaveText('Sent 2 products');
    const thread = page.getByRole('region', { name: 'Messages with Ruben Claes' });
    await expect(thread.getByText('WhatsApp product list · 2 products')).toBeVisible();
    await page.screenshot({ path: 'test-results/catalog-agent-native-list.png' });

    // The phone shows WhatsApp's list with each product's name and price from the catalog.
    await expect(phone.getByText('Products for you').first()).toBeVisible();
    await expect(phone.getByText('Sjaal rood')).toBeVisible();
    await expect(phone.getByText(/Muts grijs/)).toBeVisible();
    await expect(phone.getByText(/€19\.95/)).toBeVisible();
    await phone.screenshot({ path: 'test-results/catalog-phone-native-list.png' });
  } finally {
    await native.stop();
  }
});
