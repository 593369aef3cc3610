import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CartResponseSchema } from '../../shared/protocol/carts.js';
import {
  api,
  command,
  connectClient,
  customerWrites,
  type Harness,
  startHarness,
  type TestClient,
} from '../helpers/relay-harness.js';
import { addProduct } from '../helpers/selling.js';
import { inboundMessage, postWebhook } from '../helpers/webhooks.js';

const anna = { waId: '32470123456', name: 'Anna Peeters' };

describe('the conversation cart', () => {
  let h: Harness;
  let conversationId: string;
  let beans: { id: string; name: string };
  let mug: { id: string; name: string };
  const clients: TestClient[] = [];

  beforeEach(async () => {
    h = await startHarness();
    conversationId = await customerWrites(h, anna);
    beans = await addProduct(h, { sku: 'BEANS-1KG', name: 'Coffee beans 1 kg', amount: 1250, vatRate: 6 });
    mug = await addProduct(h, { sku: 'MUG', name: 'Espresso mug', amount: 899, vatRate: 21 });
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.close();
    await h.stop();
  });

  const cartPath = () => `/api/v1/conversations/${conversationId}/cart`;
  const put = (token: string, productId: string, quantity: unknown) =>
    api(h, token, 'PUT', `${cartPath()}/items/${productId}`, { quantity });

  it('computes line totals, the VAT split per rate and the total in minor units', async () => {
    expect(CartResponseSchema.parse((await api(h, h.adminToken, 'GET', cartPath())).body).cart.items).toEqual([]);
    await put(h.adminToken, beans.id, 3);
    const response = await put(h.adminToken, mug.id, 2);
    expect(response.status).toBe(200);
    const { cart } = CartResponseSchema.parse(response.body);
    expect(cart.items).toMatchObject([
      {
        productId: beans.id,
        sku: 'BEANS-1KG',
        quantity: 3,
        unitPrice: { amount: 1250, currency: 'EUR' },
        lineTotal: { amount: 3750, currency: 'EUR' },
      },
      {
        productId: mug.id,
        sku: 'MUG',
        quantity: 2,
        unitPrice: { amount: 899, currency: 'EUR' },
        lineTotal: { amount: 1798, currency: 'EUR' },
      },
    ]);
    expect(cart.total).toEqual({ amount: 5548, currency: 'EUR' });
    // 3750 × 6/106 = 212.26 → 212; 1798 × 21/121 = 312.04 → 312
    expect(cart.vat).toEqual([
      { rate: 6, amount: { amount: 212, currency: 'EUR' } },
      { rate: 21, amount: { amount: 312, currency: 'EUR' } },
    ]);
    // The same GET answers the same cart; quantity 0 removes the line.
    expect(CartResponseSchema.parse((await api(h, h.adminToken, 'GET', cartPath())).body).cart.total.amount).toBe(5548);
    const removed = CartResponseSchema.parse((await put(h.adminToken, beans.id, 0)).body).cart;
    expect(removed.items.map((i) => i.productId)).toEqual([mug.id]);
    expect(removed.total).toEqual({ amount: 1798, currency: 'EUR' });
  });

  it('refuses bad quantities, unknown products and other currencies, and changes nothing', async () => {
    await put(h.adminToken, beans.id, 1);
    expect((await put(h.adminToken, beans.id, -1)).status).toBe(400);
    expect((await put(h.adminToken, beans.id, 1.5)).status).toBe(400);
    expect((await put(h.adminToken, beans.id, 1000)).status).toBe(400);
    expect((await put(h.adminToken, 'no-such-product', 1)).status).toBe(404);
    const dollars = await addProduct(h, { sku: 'US-MUG', name: 'US mug', amount: 1000, currency: 'USD' });
    const mixed = await put(h.adminToken, dollars.id, 1);
    expect(mixed.status).toBe(409);
    expect(mixed.body).toMatchObject({ error: { code: 'CONFLICT' } });
    const { cart } = CartResponseSchema.parse((await api(h, h.adminToken, 'GET', cartPath())).body);
    expect(cart.items).toHaveLength(1);
    expect(cart.items[0]).toMatchObject({ productId: beans.id, quantity: 1 });
  });

  it('answers 404 for a conversation the agent may not see, in REST and over the socket', async () => {
    const eva = await h.addAgent('Eva');
    const joris = await h.addAgent('Joris');
    await api(h, h.adminToken, 'POST', `/api/v1/conversations/${conversationId}/assign`, { agentId: joris.agent.id });
    expect((await api(h, eva.token, 'GET', cartPath())).status).toBe(404);
    expect((await put(eva.token, beans.id, 1)).status).toBe(404);
    const client = await connectClient(h.url, eva.token);
    clients.push(client);
    await expect(
      command(client.socket, 'cart:setItem', { conversationId, productId: beans.id, quantity: 1 }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect((await put(joris.token, beans.id, 2)).status).toBe(200);
    expect(client.events.some((e) => e.name === 'cart:update')).toBe(false);
  });

  it('two agents editing at once both keep their change, and both screens show the final cart', async () => {
    const eva = await h.addAgent('Eva');
    const joris = await h.addAgent('Joris');
    const [a, b] = await Promise.all([connectClient(h.url, eva.token), connectClient(h.url, joris.token)]);
    clients.push(a, b);
    const bothLines = (p: { cart: { items: unknown[] } }) => p.cart.items.length === 2;
    const seenByA = a.next('cart:update', bothLines);
    const seenByB = b.next('cart:update', bothLines);
    await Promise.all([
      command(a.socket, 'cart:setItem', { conversationId, productId: beans.id, quantity: 2 }),
      command(b.socket, 'cart:setItem', { conversationId, productId: mug.id, quantity: 5 }),
    ]);
    for (const seen of [await seenByA, await seenByB]) {
      expect(seen.conversationId).toBe(conversationId);
      expect(seen.cart.total.amount).toBe(2 * 1250 + 5 * 899);
    }
    const { cart } = await command(a.socket, 'cart:get', { conversationId });
    expect(cart.items.map((i) => [i.productId, i.quantity])).toEqual([
      [beans.id, 2],
      [mug.id, 5],
    ]);
  });

  it('is on disk before it is answered: a restart keeps it', async () => {
    await put(h.adminToken, mug.id, 4);
    await h.restart();
    const { cart } = CartResponseSchema.parse((await api(h, h.adminToken, 'GET', cartPath())).body);
    expect(cart.items).toMatchObject([{ productId: mug.id, quantity: 4 }]);
  });

  it('sends the cart summary to the customer as a text', async () => {
    await put(h.adminToken, beans.id, 2);
    const client = await connectClient(h.url, h.adminToken);
    clients.push(client);
    const { message } = await command(client.socket, 'cart:sendSummary', { conversationId });
    expect(message.text).toContain('2 × Coffee beans 1 kg');
    expect(message.text).toContain('€25.00');
    await h.relay.idle();
    expect(h.graph.sends().at(-1)?.body).toMatchObject({ type: 'text', to: `+${anna.waId}` });
  });

  it("makes the customer's WhatsApp order the cart, with a warning for each item the agent should look at", async () => {
    const archived = await addProduct(h, { sku: 'OLD', name: 'Old blend', amount: 990 });
    await api(h, h.adminToken, 'DELETE', `/api/v1/products/${archived.id}`);
    const scarce = await addProduct(h, { sku: 'RARE', name: 'Rare beans', amount: 2400, stock: 1 });
    const client = await connectClient(h.url, h.adminToken);
    clients.push(client);
    const arrived = client.next('cart:update', (p) => p.conversationId === conversationId);
    const item = (sku: string, quantity: number, price: number) => ({
      product_retailer_id: sku,
      quantity,
      item_price: price,
      currency: 'EUR',
    });
    const order = {
      type: 'order',
      order: {
        catalog_id: 'cat-1',
        text: 'Graag!',
        product_items: [
          item('BEANS-1KG', 2, 12.5),
          item('MUG', 1, 7.99),
          item('OLD', 1, 9.9),
          item('GHOST', 1, 5),
          item('RARE', 3, 24),
        ],
      },
    };
    const webhook = inboundMessage(anna, order);
    expect((await postWebhook(h.url, webhook)).status).toBe(200);
    const { cart } = await arrived;
    expect(cart.items.map((i) => [i.sku, i.quantity, i.unitPrice.amount])).toEqual([
      ['BEANS-1KG', 2, 1250],
      ['MUG', 1, 899],
      ['RARE', 3, 2400],
    ]);
    expect(cart.total.amount).toBe(2 * 1250 + 899 + 3 * 2400);
    expect(cart.warnings).toEqual(
      expect.arrayContaining([
        {
          kind: 'price_changed',
          sku: 'MUG',
          name: 'Espresso mug',
          customerSaw: { amount: 799, currency: 'EUR' },
          catalogPrice: { amount: 899, currency: 'EUR' },
        },
        { kind: 'archived', sku: 'OLD', name: 'Old blend' },
        { kind: 'unknown', sku: 'GHOST' },
        { kind: 'insufficient_stock', sku: 'RARE', name: 'Rare beans', stock: 1, quantity: 3 },
      ]),
    );
    expect(cart.warnings).toHaveLength(4);
    // Meta retrying the same webhook changes nothing; the agent fixing a line drops its warning.
    expect((await postWebhook(h.url, webhook)).status).toBe(200);
    const fixed = CartResponseSchema.parse((await put(h.adminToken, scarce.id, 1)).body).cart;
    expect(fixed.warnings.map((w) => w.kind).sort()).toEqual(['archived', 'price_changed', 'unknown']);
  });
});
