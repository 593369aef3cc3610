import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SERVICE_WINDOW_MS } from '../../shared/domain/conversation.js';
import { CartResponseSchema } from '../../shared/protocol/carts.js';
import { OrderListResponseSchema, OrderResponseSchema, type OrderView } from '../../shared/protocol/orders.js';
import { FakeMollie } from '../helpers/fake-mollie.js';
import { FakeStripe } from '../helpers/fake-stripe.js';
import {
  api,
  connectClient,
  customerWrites,
  type Harness,
  startHarness,
  type TestClient,
} from '../helpers/relay-harness.js';
import { addProduct } from '../helpers/selling.js';

const anna = { waId: '32470123456', name: 'Anna Peeters' };
const ProductStockSchema = z.object({ product: z.object({ stock: z.number().nullable() }) });

interface Shop {
  h: Harness;
  conversationId: string;
  beans: { id: string };
  mug: { id: string };
  clock: { now: number };
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A relay with two products in stock and Anna's conversation with 3 bags of beans and 2 mugs in the cart. */
async function openShop(config: Parameters<typeof startHarness>[0] = {}): Promise<Shop> {
  const clock = { now: Date.now() };
  const h = await startHarness({ now: () => clock.now, ...config });
  cleanups.push(() => h.stop());
  const conversationId = await customerWrites(h, anna, 'Ik wil bestellen', clock.now);
  const beans = await addProduct(h, {
    sku: 'BEANS-1KG',
    name: 'Coffee beans 1 kg',
    amount: 1250,
    vatRate: 6,
    stock: 10,
  });
  const mug = await addProduct(h, { sku: 'MUG', name: 'Espresso mug', amount: 899, vatRate: 21, stock: 5 });
  const cart = `/api/v1/conversations/${conversationId}/cart/items`;
  await api(h, h.adminToken, 'PUT', `${cart}/${beans.id}`, { quantity: 3 });
  await api(h, h.adminToken, 'PUT', `${cart}/${mug.id}`, { quantity: 2 });
  return { h, conversationId, beans, mug, clock };
}

async function client(h: Harness, token = h.adminToken): Promise<TestClient> {
  const c = await connectClient(h.url, token);
  cleanups.push(() => c.close());
  return c;
}

async function requestPayment(
  shop: Shop,
  body: unknown = {},
): Promise<{ status: number; order: OrderView | null; body: unknown }> {
  const response = await api(
    shop.h,
    shop.h.adminToken,
    'POST',
    `/api/v1/conversations/${shop.conversationId}/payment-link`,
    body,
  );
  const parsed = OrderResponseSchema.safeParse(response.body);
  return { status: response.status, order: parsed.success ? parsed.data.order : null, body: response.body };
}

const visit = (h: Harness, path: string) => fetch(`${h.url}${path}`, { redirect: 'manual' });

async function ordersOf(h: Harness): Promise<OrderView[]> {
  return OrderListResponseSchema.parse((await api(h, h.adminToken, 'GET', '/api/v1/orders')).body).orders;
}

async function stockOf(h: Harness, productId: string): Promise<number | null> {
  return ProductStockSchema.parse((await api(h, h.adminToken, 'GET', `/api/v1/products/${productId}`)).body).product
    .stock;
}

const confirmations = (h: Harness) =>
  h.graph.sends().filter((s) => JSON.stringify(s.body).includes('Payment received'));

async function settleSandbox(h: Harness, paymentUrl: string, outcome: string): Promise<Response> {
  const path = new URL(paymentUrl).pathname;
  return fetch(`${h.url}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: `outcome=${outcome}`,
  });
}

describe('payment links through the sandbox checkout', () => {
  it('turns the cart into one order and one payment however often it is asked, and sends the stable link', async () => {
    const shop = await openShop();
    const { h } = shop;
    const [first, second] = await Promise.all([requestPayment(shop), requestPayment(shop)]);
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    const order = first.order;
    if (!order) throw new Error('no order');
    expect(second.order?.id).toBe(order.id);
    expect(order).toMatchObject({
      status: 'awaiting_payment',
      provider: 'sandbox',
      total: { amount: 3 * 1250 + 2 * 899, currency: 'EUR' },
      customerName: 'Anna Peeters',
    });
    expect(order.paymentUrl).toMatch(/\/sandbox\/checkout\/sbx_/);
    expect(order.payLink).toBe(`${h.url}/pay/${order.id}`);
    await h.relay.idle();
    const links = h.graph.sends().filter((s) => (s.body as { type?: string }).type === 'interactive');
    expect(links).toHaveLength(1);
    expect(links[0]?.body).toMatchObject({
      to: `+${anna.waId}`,
      type: 'interactive',
      interactive: {
        type: 'cta_url',
        action: { name: 'cta_url', parameters: { display_text: 'Pay now', url: order.payLink } },
      },
    });
    expect(await ordersOf(h)).toHaveLength(1);
    // The stable link sends the customer to the live checkout.
    const redirect = await visit(h, `/pay/${order.id}`);
    expect(redirect.status).toBe(303);
    expect(redirect.headers.get('location')).toBe(order.paymentUrl);
  });

  it('on paid: every screen hears it at once, one confirmation listing the items, stock down, cart emptied', async () => {
    const shop = await openShop();
    const { h } = shop;
    const eva = await h.addAgent('Eva');
    const [boss, agent] = [await client(h), await client(h, eva.token)];
    const { order } = await requestPayment(shop);
    if (!order?.paymentUrl) throw new Error('no order');
    const paidOnBoth = [boss, agent].map((c) =>
      c.next('order:update', (o) => o.id === order.id && o.status === 'paid'),
    );
    const settled = await settleSandbox(h, order.paymentUrl, 'paid');
    expect(settled.status).toBe(303);
    expect(settled.headers.get('location')).toBe(`${h.url}/pay/${order.id}/return`);
    await Promise.all(paidOnBoth);
    // A second click and a repeated lookup change nothing.
    await settleSandbox(h, order.paymentUrl, 'paid');
    const back = await visit(h, `/pay/${order.id}/return`);
    expect(await back.text()).toContain('Payment received');
    await h.relay.idle();
    const sent = confirmations(h);
    expect(sent).toHaveLength(1);
    const body = JSON.stringify(sent[0]?.body);
    expect(body).toContain('3 × Coffee beans 1 kg');
    expect(body).toContain('2 × Espresso mug');
    expect(await stockOf(h, shop.beans.id)).toBe(7);
    expect(await stockOf(h, shop.mug.id)).toBe(3);
    const cart = CartResponseSchema.parse(
      (await api(h, h.adminToken, 'GET', `/api/v1/conversations/${shop.conversationId}/cart`)).body,
    );
    expect(cart.cart.items).toEqual([]);
    expect((await ordersOf(h))[0]?.status).toBe('paid');
    // Paid is final: the link says so and never opens another checkout.
    const again = await visit(h, `/pay/${order.id}`);
    expect(again.status).toBe(200);
    expect(await again.text()).toContain('Payment received');
    // The relay restarting does not confirm or take stock again.
    await h.restart();
    await h.relay.idle();
    expect(confirmations(h)).toHaveLength(1);
    expect(await stockOf(h, shop.beans.id)).toBe(7);
  });

  it('an expired checkout is replaced through the stable link by a fresh payment for the same order', async () => {
    const shop = await openShop();
    const { h } = shop;
    const watcher = await client(h);
    const { order } = await requestPayment(shop);
    if (!order?.paymentUrl) throw new Error('no order');
    const expired = watcher.next('order:update', (o) => o.status === 'expired');
    await settleSandbox(h, order.paymentUrl, 'expired');
    await expired;
    const renewed = await visit(h, `/pay/${order.id}`);
    expect(renewed.status).toBe(303);
    const fresh = renewed.headers.get('location') ?? '';
    expect(fresh).toMatch(/\/sandbox\/checkout\/sbx_/);
    expect(fresh).not.toBe(order.paymentUrl);
    // The old checkout cannot be paid any more; the fresh one pays the same order.
    const stale = await settleSandbox(h, order.paymentUrl, 'paid');
    expect(stale.status).toBe(303);
    expect((await ordersOf(h))[0]?.status).toBe('awaiting_payment');
    await settleSandbox(h, fresh, 'paid');
    const orders = await ordersOf(h);
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({ id: order.id, status: 'paid' });
  });

  it('a changed cart is a new order: the older unpaid link stops sending anyone to pay, and says why', async () => {
    const shop = await openShop();
    const { h } = shop;
    const watcher = await client(h);
    const { order: first } = await requestPayment(shop);
    if (!first?.paymentUrl) throw new Error('no order');
    await api(h, h.adminToken, 'PUT', `/api/v1/conversations/${shop.conversationId}/cart/items/${shop.mug.id}`, {
      quantity: 0,
    });
    const replaced = watcher.next('order:update', (o) => o.id === first.id && o.status === 'canceled');
    // A minute later, so "newest first" does not rest on the ids of two orders made in one millisecond.
    shop.clock.now += 60_000;
    const { order: second } = await requestPayment(shop);
    if (!second) throw new Error('no second order');
    expect(second.id).not.toBe(first.id);
    expect(second.total.amount).toBe(3 * 1250);
    expect(await replaced).toMatchObject({ replacedBy: second.id, paymentUrl: null });

    const old = await visit(h, `/pay/${first.id}`);
    expect(old.status).toBe(200);
    expect(await old.text()).toContain('This payment link was replaced');
    const current = await visit(h, `/pay/${second.id}`);
    expect(current.status).toBe(303);
    const orders = await ordersOf(h);
    expect(orders.map((o) => [o.id, o.status, o.replacedBy])).toEqual([
      [second.id, 'awaiting_payment', null],
      [first.id, 'canceled', second.id],
    ]);
    // A replaced order survives a restart as it is, and its link still opens no checkout.
    await h.restart();
    expect((await visit(h, `/pay/${first.id}`)).status).toBe(200);
  });

  it('money that still arrives for a replaced order is never ignored: it becomes paid', async () => {
    const shop = await openShop();
    const { h } = shop;
    const { order: first } = await requestPayment(shop);
    if (!first?.paymentUrl) throw new Error('no order');
    await api(h, h.adminToken, 'PUT', `/api/v1/conversations/${shop.conversationId}/cart/items/${shop.mug.id}`, {
      quantity: 1,
    });
    await requestPayment(shop);
    // The customer had the old checkout open and paid it anyway.
    await settleSandbox(h, first.paymentUrl, 'paid');
    const paid = (await ordersOf(h)).find((o) => o.id === first.id);
    expect(paid).toMatchObject({ status: 'paid' });
  });

  it('a checkout past its time on the relay clock is renewed too', async () => {
    const shop = await openShop();
    const { order } = await requestPayment(shop);
    if (!order?.paymentUrl) throw new Error('no order');
    shop.clock.now += 2 * 60 * 60 * 1000;
    const renewed = await visit(shop.h, `/pay/${order.id}`);
    expect(renewed.status).toBe(303);
    expect(renewed.headers.get('location')).not.toBe(order.paymentUrl);
  });

  it('refuses outside the 24-hour window, with an empty cart, and for a provider that is not set up', async () => {
    const shop = await openShop();
    expect((await requestPayment(shop, { provider: 'mollie' })).status).toBe(400);
    expect((await requestPayment(shop, { provider: 'paypal' })).status).toBe(400);
    shop.clock.now += SERVICE_WINDOW_MS + 60_000;
    const late = await requestPayment(shop);
    expect(late.status).toBe(422);
    expect(late.body).toMatchObject({ error: { code: 'WINDOW_CLOSED' } });
    expect(await ordersOf(shop.h)).toEqual([]);
    const other = await customerWrites(shop.h, { waId: '32470999999', name: 'Noor' }, 'Hoi', shop.clock.now);
    const empty = await api(shop.h, shop.h.adminToken, 'POST', `/api/v1/conversations/${other}/payment-link`, {});
    expect(empty.status).toBe(409);
  });

  it('lists only orders of conversations the caller may see; an invisible one answers 404', async () => {
    const shop = await openShop();
    const { h } = shop;
    const eva = await h.addAgent('Eva');
    const joris = await h.addAgent('Joris');
    await requestPayment(shop);
    await api(h, h.adminToken, 'POST', `/api/v1/conversations/${shop.conversationId}/assign`, {
      agentId: joris.agent.id,
    });
    const list = (token: string) => api(h, token, 'GET', '/api/v1/orders');
    expect(OrderListResponseSchema.parse((await list(eva.token)).body).orders).toEqual([]);
    expect(OrderListResponseSchema.parse((await list(joris.token)).body).orders).toHaveLength(1);
    const hidden = await api(h, eva.token, 'POST', `/api/v1/conversations/${shop.conversationId}/payment-link`, {});
    expect(hidden.status).toBe(404);
  });

  it('keeps orders across a restart, and sets an unreadable order or cart file aside instead of failing to start', async () => {
    const shop = await openShop();
    const { h } = shop;
    const { order } = await requestPayment(shop);
    await writeFile(join(h.dataDir, 'orders', 'ord_damaged.json'), '{"id": "ord_damaged", "status": ');
    await writeFile(join(h.dataDir, 'carts', 'damaged.json'), 'not json');
    await h.restart();
    expect((await ordersOf(h)).map((o) => o.id)).toEqual([order?.id]);
    const quarantined = await readdir(join(h.dataDir, 'quarantine'));
    expect(quarantined.some((name) => name.includes('ord_damaged.json'))).toBe(true);
    expect(quarantined.some((name) => name.includes('damaged.json') && name.includes('carts'))).toBe(true);
  });

  it('an unknown order id shows a not-found page and changes nothing', async () => {
    const shop = await openShop();
    expect((await visit(shop.h, '/pay/ord_doesnotexist0000000000')).status).toBe(404);
    expect((await visit(shop.h, '/pay/..%2F..%2Fetc')).status).toBe(404);
    expect((await settleSandbox(shop.h, `${shop.h.url}/sandbox/checkout/sbx_AAAAAAAAAAAAAAAA`, 'paid')).status).toBe(
      404,
    );
  });
});

describe('payment links through Mollie', () => {
  async function mollieShop(): Promise<Shop & { mollie: FakeMollie }> {
    const mollie = new FakeMollie();
    await mollie.start();
    cleanups.push(() => mollie.stop());
    const shop = await openShop({
      config: {
        publicUrl: 'https://shop.example',
        payments: { mollie: { apiKey: mollie.apiKey, apiUrl: mollie.url } },
      },
    });
    return { ...shop, mollie };
  }

  const webhook = (h: Harness, id: string) =>
    fetch(`${h.url}/webhooks/mollie`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `id=${id}`,
    });

  it('creates the payment with the exact amount string, webhook URL, metadata and idempotency key', async () => {
    const shop = await mollieShop();
    const { order } = await requestPayment(shop);
    if (!order) throw new Error('no order');
    expect(order.provider).toBe('mollie');
    const creates = shop.mollie.requests.filter((r) => r.method === 'POST');
    expect(creates).toHaveLength(1);
    expect(creates[0]?.headers['idempotency-key']).toBe(`${order.id}-1`);
    expect(creates[0]?.json).toMatchObject({
      amount: { currency: 'EUR', value: '55.48' },
      redirectUrl: `https://shop.example/pay/${order.id}/return`,
      webhookUrl: 'https://shop.example/webhooks/mollie',
      metadata: { orderId: order.id, attempt: 1 },
    });
    expect(order.paymentUrl).toMatch(/^https:\/\/www\.mollie\.com\/checkout\//);
    expect(order.payLink).toBe(`https://shop.example/pay/${order.id}`);
  });

  it('applies a webhook by fetching the payment; unknown ids and repeats change nothing', async () => {
    const shop = await mollieShop();
    const { h, mollie } = shop;
    const watcher = await client(h);
    const { order } = await requestPayment(shop);
    if (!order) throw new Error('no order');
    const [paymentId] = [...mollie.payments.keys()];
    if (!paymentId) throw new Error('no payment');

    const unknown = await webhook(h, 'tr_unknown123');
    expect(unknown.status).toBe(200);
    expect((await webhook(h, '')).status).toBe(400);
    expect((await ordersOf(h))[0]?.status).toBe('awaiting_payment');

    mollie.setStatus(paymentId, 'paid');
    const paid = watcher.next('order:update', (o) => o.status === 'paid');
    expect((await webhook(h, paymentId)).status).toBe(200);
    await paid;
    expect((await webhook(h, paymentId)).status).toBe(200);
    await h.relay.idle();
    expect(confirmations(h)).toHaveLength(1);
    expect(await stockOf(h, shop.beans.id)).toBe(7);
    expect(
      watcher.events.filter((e) => e.name === 'order:update' && (e.payload as OrderView).status === 'paid'),
    ).toHaveLength(1);
  });

  it('an expired Mollie payment is replaced through the stable link, with the next idempotency key', async () => {
    const shop = await mollieShop();
    const { h, mollie } = shop;
    const { order } = await requestPayment(shop);
    if (!order) throw new Error('no order');
    const [first] = [...mollie.payments.keys()];
    mollie.setStatus(first ?? '', 'expired');
    expect((await webhook(h, first ?? '')).status).toBe(200);
    expect((await ordersOf(h))[0]?.status).toBe('expired');
    const renewed = await visit(h, `/pay/${order.id}`);
    expect(renewed.status).toBe(303);
    const creates = mollie.requests.filter((r) => r.method === 'POST');
    expect(creates.map((r) => r.headers['idempotency-key'])).toEqual([`${order.id}-1`, `${order.id}-2`]);
    const second = [...mollie.payments.values()].at(-1) as { _links: { checkout: { href: string } } };
    expect(renewed.headers.get('location')).toBe(second._links.checkout.href);
  });

  it('Mollie being down answers 503 and leaves no payment half made: the next request retries with the same key', async () => {
    const shop = await mollieShop();
    shop.mollie.reply({ status: 503, body: { status: 503, title: 'Service Unavailable', detail: 'Down' } });
    const down = await requestPayment(shop);
    expect(down.status).toBe(503);
    const retry = await requestPayment(shop);
    expect(retry.status).toBe(201);
    const keys = shop.mollie.requests.filter((r) => r.method === 'POST').map((r) => r.headers['idempotency-key']);
    expect(new Set(keys).size).toBe(1);
    expect(await ordersOf(shop.h)).toHaveLength(1);
  });
});

describe('payment links through Stripe', () => {
  async function stripeShop(): Promise<Shop & { stripe: FakeStripe }> {
    const clock = { now: Date.now() };
    const stripe = new FakeStripe(undefined, undefined, () => clock.now);
    await stripe.start();
    cleanups.push(() => stripe.stop());
    const shop = await openShop({
      config: {
        payments: { stripe: { secretKey: stripe.secretKey, webhookSecret: stripe.webhookSecret, apiUrl: stripe.url } },
      },
    });
    return { ...shop, stripe };
  }

  const post = (h: Harness, delivery: { headers: Record<string, string>; rawBody: string }) =>
    fetch(`${h.url}/webhooks/stripe`, { method: 'POST', headers: delivery.headers, body: delivery.rawBody });

  it('creates a Checkout Session with form-encoded line items and the idempotency key', async () => {
    const shop = await stripeShop();
    const { order } = await requestPayment(shop);
    if (!order) throw new Error('no order');
    const create = shop.stripe.requests.find((r) => r.method === 'POST');
    expect(create?.headers['idempotency-key']).toBe(`${order.id}-1`);
    expect(create?.form).toMatchObject({
      mode: 'payment',
      'line_items[0][price_data][currency]': 'eur',
      'line_items[0][price_data][unit_amount]': '1250',
      'line_items[0][quantity]': '3',
      'line_items[1][price_data][unit_amount]': '899',
      'line_items[1][quantity]': '2',
      'metadata[orderId]': order.id,
    });
  });

  it('a forged signature changes nothing; a signed completion pays the order once', async () => {
    const shop = await stripeShop();
    const { h, stripe } = shop;
    const { order } = await requestPayment(shop);
    if (!order) throw new Error('no order');
    const [sessionId] = [...stripe.sessions.keys()];
    const session = stripe.complete(sessionId ?? '');
    const forged = stripe.delivery('checkout.session.completed', session, { secret: 'whsec_not_the_shops' });
    const forgedAnswer = await post(h, forged);
    expect(forgedAnswer.status).toBe(400);
    const stale = stripe.delivery('checkout.session.completed', session, {
      timestamp: Math.floor(Date.now() / 1000) - 3600,
    });
    expect((await post(h, stale)).status).toBe(400);
    expect((await ordersOf(h))[0]?.status).toBe('awaiting_payment');

    const signed = stripe.delivery('checkout.session.completed', session);
    expect((await post(h, signed)).status).toBe(200);
    expect((await post(h, signed)).status).toBe(200);
    expect((await ordersOf(h))[0]?.status).toBe('paid');
    await h.relay.idle();
    expect(confirmations(h)).toHaveLength(1);
  });

  it('a signed event for a session that is not ours changes nothing', async () => {
    const shop = await stripeShop();
    const { h, stripe } = shop;
    await requestPayment(shop);
    const foreign = stripe.delivery('checkout.session.completed', {
      id: 'cs_test_foreign',
      object: 'checkout.session',
      status: 'complete',
      payment_status: 'paid',
      amount_total: 5548,
      currency: 'eur',
      expires_at: Math.floor(Date.now() / 1000) + 3600,
      metadata: { orderId: 'ord_someoneelse00000000000' },
    });
    expect((await post(h, foreign)).status).toBe(200);
    expect((await ordersOf(h))[0]?.status).toBe('awaiting_payment');
  });
});
