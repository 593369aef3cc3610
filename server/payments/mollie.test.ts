import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCart } from '../../shared/domain/cart.js';
import { createOrder, type Order } from '../../shared/domain/order.js';
import { FakeMollie, error } from '../../test/helpers/fake-mollie.js';
import { MolliePayments, mollieLocale, mollieWebhookUrl } from './mollie.js';
import { applyPayment, nextPayLinkStep, recordCreated, startAttempt } from './order-payments.js';
import { PaymentProviderError, WebhookRejectedError, type PaymentRequest } from './provider.js';

const clock = { now: Date.parse('2026-03-01T10:00:00Z') };
const mollie = new FakeMollie(undefined, () => clock.now);
let provider: MolliePayments;

beforeAll(async () => {
  await mollie.start();
  provider = new MolliePayments({
    apiKey: mollie.apiKey,
    apiUrl: mollie.url,
    webhookUrl: mollieWebhookUrl('https://relay.example'),
  });
});
afterAll(() => mollie.stop());

const line = { productId: 'p1', sku: 'KOFFIE', name: 'Koffie', quantity: 2, vatRate: 6 };
const request = (extra: Partial<PaymentRequest> = {}): PaymentRequest => ({
  orderId: 'ord_abc',
  attempt: 1,
  idempotencyKey: `key-${Math.random()}`,
  amount: { amount: 1250, currency: 'EUR' },
  description: 'Order ord_abc · De Koffiebar',
  lines: [{ ...line, unitPrice: { amount: 625, currency: 'EUR' }, lineTotal: { amount: 1250, currency: 'EUR' } }],
  returnUrl: 'https://relay.example/pay/ord_abc/return',
  expiresAt: null,
  locale: 'nl-BE',
  ...extra,
});

async function providerError(work: Promise<unknown>): Promise<PaymentProviderError> {
  try {
    await work;
  } catch (caught) {
    if (caught instanceof PaymentProviderError) return caught;
    throw caught;
  }
  throw new Error('expected a PaymentProviderError');
}

describe('Mollie payments', () => {
  it('creates a payment with the exact request Mollie documents', async () => {
    const payment = await provider.createPayment(request({ idempotencyKey: 'ord_abc-1' }));
    const sent = mollie.requests.at(-1);
    expect(sent?.method).toBe('POST');
    expect(sent?.path).toBe('/v2/payments');
    expect(sent?.headers.authorization).toBe(`Bearer ${mollie.apiKey}`);
    expect(sent?.headers['content-type']).toBe('application/json');
    expect(sent?.headers['idempotency-key']).toBe('ord_abc-1');
    expect(sent?.json).toEqual({
      amount: { currency: 'EUR', value: '12.50' },
      description: 'Order ord_abc · De Koffiebar',
      redirectUrl: 'https://relay.example/pay/ord_abc/return',
      webhookUrl: 'https://relay.example/webhooks/mollie',
      locale: 'nl_BE',
      metadata: { orderId: 'ord_abc', attempt: 1 },
    });
    expect(payment).toMatchObject({ provider: 'mollie', status: 'open', orderId: 'ord_abc' });
    expect(payment.id).toMatch(/^tr_[A-Za-z0-9]{10}$/);
    expect(payment.amount).toEqual({ amount: 1250, currency: 'EUR' });
    expect(payment.checkoutUrl).toMatch(/^https:\/\/www\.mollie\.com\/checkout\//);
    expect(payment.expiresAt).toBe(mollie.payments.get(payment.id)?.['expiresAt']);
  });

  it('writes amounts with exactly the currency’s decimals', async () => {
    await provider.createPayment(request({ amount: { amount: 1500, currency: 'JPY' }, locale: 'ja-JP' }));
    expect(mollie.requests.at(-1)?.json).toMatchObject({ amount: { currency: 'JPY', value: '1500' } });
    expect(mollie.requests.at(-1)?.json).not.toHaveProperty('locale');
    await provider.createPayment(request({ amount: { amount: 7, currency: 'EUR' } }));
    expect(mollie.requests.at(-1)?.json).toMatchObject({ amount: { value: '0.07' } });
  });

  it('is one payment however often an attempt is retried', async () => {
    const first = await provider.createPayment(request({ idempotencyKey: 'ord_retry-1' }));
    const again = await provider.createPayment(request({ idempotencyKey: 'ord_retry-1' }));
    expect(again.id).toBe(first.id);
    expect(mollie.requests.filter((r) => r.headers['idempotency-key'] === 'ord_retry-1')).toHaveLength(2);
    const reused = await providerError(
      provider.createPayment(request({ idempotencyKey: 'ord_retry-1', amount: { amount: 1, currency: 'EUR' } })),
    );
    expect(reused.kind).toBe('rejected');
  });

  it('maps every Mollie status and drops the checkout once it cannot be paid', async () => {
    const { id } = await provider.createPayment(request());
    const seen = [];
    for (const status of ['pending', 'authorized', 'paid', 'canceled', 'expired', 'failed'] as const) {
      mollie.setStatus(id, status);
      const payment = await provider.getPayment(id);
      seen.push([payment?.status, payment?.checkoutUrl]);
    }
    expect(seen).toEqual([
      ['pending', null],
      ['authorized', null],
      ['paid', null],
      ['canceled', null],
      ['expired', null],
      ['failed', null],
    ]);
    expect(mollie.requests.at(-1)).toMatchObject({ method: 'GET', path: `/v2/payments/${id}` });
  });

  it('reads a webhook by fetching the payment; an unknown or odd id changes nothing', async () => {
    const { id } = await provider.createPayment(request());
    mollie.setStatus(id, 'paid');
    const result = await provider.receiveWebhook({ headers: {}, rawBody: Buffer.from(`id=${id}`) });
    expect(result).toMatchObject({ kind: 'payment', payment: { id, status: 'paid', orderId: 'ord_abc' } });

    expect(await provider.receiveWebhook({ headers: {}, rawBody: 'id=tr_unknown123' })).toEqual({
      kind: 'ignored',
      reason: 'unknown payment',
    });
    expect(mollie.requests.at(-1)).toMatchObject({ method: 'GET', path: '/v2/payments/tr_unknown123' });
    const before = mollie.requests.length;
    expect(await provider.receiveWebhook({ headers: {}, rawBody: 'id=..%2F..%2Fv2%2Fmethods' })).toMatchObject({
      kind: 'ignored',
    });
    expect(mollie.requests).toHaveLength(before);
    await expect(provider.receiveWebhook({ headers: {}, rawBody: 'status=paid' })).rejects.toThrow(
      WebhookRejectedError,
    );
  });

  it('sorts failures into what the relay can do about them', async () => {
    const wrongKey = new MolliePayments({ apiKey: 'test_wrong', apiUrl: mollie.url, webhookUrl: null });
    expect((await providerError(wrongKey.getPayment('tr_abcdefghij'))).kind).toBe('unauthorized');

    mollie.reply(error(422, 'Unprocessable Entity', 'The amount is higher than the maximum', 'amount'));
    const refused = await providerError(provider.createPayment(request()));
    expect([refused.kind, refused.status, refused.retryable]).toEqual(['rejected', 422, false]);
    expect(refused.message).toBe('mollie refused the request: The amount is higher than the maximum (amount)');

    for (const status of [409, 429, 503]) {
      mollie.reply(error(status, 'Busy', 'Try again'));
      const busy = await providerError(provider.createPayment(request()));
      expect([busy.kind, busy.retryable]).toEqual(['unavailable', true]);
    }
    mollie.reply({ status: 200, body: { resource: 'payment', id: 'tr_x' } });
    expect((await providerError(provider.getPayment('tr_abcdefghij'))).kind).toBe('invalid_response');

    const offline = new MolliePayments({
      apiKey: mollie.apiKey,
      webhookUrl: null,
      fetch: () => Promise.reject(new TypeError('fetch failed')),
    });
    const down = await providerError(offline.createPayment(request()));
    expect([down.kind, down.message]).toEqual(['unavailable', 'mollie is unreachable']);
  });

  it('leaves the webhook out where Mollie cannot reach the relay, and maps locales', () => {
    expect(mollieWebhookUrl('http://127.0.0.1:4000')).toBeNull();
    expect(mollieWebhookUrl('http://localhost:4000/')).toBeNull();
    expect(mollieWebhookUrl('https://shop.example/')).toBe('https://shop.example/webhooks/mollie');
    expect([mollieLocale('fr-BE'), mollieLocale('en-GB'), mollieLocale('nl'), mollieLocale(undefined)]).toEqual([
      'fr_BE',
      'en_GB',
      undefined,
      undefined,
    ]);
  });
});

describe('a Mollie payment that expired, replaced through the stable link', () => {
  it('starts a second payment for the same order, with the next idempotency key', async () => {
    const start = clock.now;
    const cart = buildCart([{ ...line, unitPrice: { amount: 625, currency: 'EUR' } }], 'EUR');
    let order: Order = createOrder({
      id: 'ord_tomorrow',
      conversationId: 'c1',
      cart,
      provider: 'mollie',
      payLink: 'https://relay.example/pay/ord_tomorrow',
      now: start,
    });
    const texts = { description: 'Order ord_tomorrow', returnUrl: 'https://relay.example/pay/ord_tomorrow/return' };

    const first = startAttempt(order, provider, start, texts);
    const payment1 = await provider.createPayment(first.request);
    order = recordCreated(first.order, 1, payment1, start);
    expect(nextPayLinkStep(order, start)).toEqual({ kind: 'redirect', url: payment1.checkoutUrl });

    // The customer comes back the next day; Mollie expired the payment and told us.
    mollie.setStatus(payment1.id, 'expired');
    const webhook = await provider.receiveWebhook({ headers: {}, rawBody: `id=${payment1.id}` });
    if (webhook.kind !== 'payment') throw new Error('expected a payment');
    const next = start + 23 * 60 * 60 * 1000;
    clock.now = next;
    order = applyPayment(order, webhook.payment, next).order;
    expect(order.status).toBe('expired');
    expect(nextPayLinkStep(order, next)).toEqual({ kind: 'create' });

    const second = startAttempt(order, provider, next, texts);
    expect(second.request.idempotencyKey).toBe('ord_tomorrow-2');
    const payment2 = await provider.createPayment(second.request);
    order = recordCreated(second.order, 2, payment2, next);
    expect(payment2.id).not.toBe(payment1.id);
    expect(order.status).toBe('awaiting_payment');
    expect(nextPayLinkStep(order, next)).toEqual({ kind: 'redirect', url: payment2.checkoutUrl });
    const posts = mollie.requests.filter((r) => r.method === 'POST' && r.body.includes('ord_tomorrow'));
    expect(posts.map((r) => r.headers['idempotency-key'])).toEqual(['ord_tomorrow-1', 'ord_tomorrow-2']);
  });
});
