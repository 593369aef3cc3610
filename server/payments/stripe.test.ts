import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeStripe, stripeError } from '../../test/helpers/fake-stripe.js';
import { PaymentProviderError, WebhookRejectedError, type PaymentRequest } from './provider.js';
import { StripePayments } from './stripe.js';
import { encodeForm, flattenForm } from './stripe-form.js';

let clock = Date.parse('2026-03-01T10:00:00Z');
const now = () => clock;
const stripe = new FakeStripe(undefined, undefined, now);
let provider: StripePayments;

beforeAll(async () => {
  await stripe.start();
  provider = new StripePayments({
    secretKey: stripe.secretKey,
    webhookSecret: stripe.webhookSecret,
    apiUrl: stripe.url,
    now,
  });
});
afterAll(() => stripe.stop());

const eur = (amount: number) => ({ amount, currency: 'EUR' });
const request = (extra: Partial<PaymentRequest> = {}): PaymentRequest => ({
  orderId: 'ord_abc',
  attempt: 1,
  idempotencyKey: `key-${Math.random()}`,
  amount: eur(3399),
  description: 'Order ord_abc · De Koffiebar',
  lines: [
    {
      productId: 'p1',
      sku: 'KOFFIE',
      name: 'Koffie 250 g',
      quantity: 2,
      vatRate: 6,
      unitPrice: eur(1250),
      lineTotal: eur(2500),
    },
    {
      productId: 'p2',
      sku: 'MOK',
      name: 'Mok "Toonbank"',
      quantity: 1,
      vatRate: 21,
      unitPrice: eur(899),
      lineTotal: eur(899),
    },
  ],
  returnUrl: 'https://relay.example/pay/ord_abc/return',
  expiresAt: new Date(clock + 23 * 3600 * 1000).toISOString(),
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

async function rejection(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (caught) {
    if (caught instanceof WebhookRejectedError) return caught.message;
    throw caught;
  }
  throw new Error('expected a WebhookRejectedError');
}

describe('Stripe form encoding', () => {
  it('nests with brackets, in order, leaving out what is not there', () => {
    expect(flattenForm({ a: 1, b: { c: 'x', d: [{ e: true }, { e: null }] }, f: undefined })).toEqual([
      ['a', '1'],
      ['b[c]', 'x'],
      ['b[d][0][e]', 'true'],
    ]);
    expect(encodeForm({ metadata: { orderId: 'a&b=c' } })).toBe('metadata%5BorderId%5D=a%26b%3Dc');
  });
});

describe('Stripe Checkout Sessions', () => {
  it('creates a session with form-encoded line items, the key as Idempotency-Key, the secret as Bearer', async () => {
    const payment = await provider.createPayment(request({ idempotencyKey: 'ord_abc-1' }));
    const sent = stripe.requests.at(-1);
    expect(sent?.path).toBe('/v1/checkout/sessions');
    expect(sent?.headers.authorization).toBe(`Bearer ${stripe.secretKey}`);
    expect(sent?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(sent?.headers['idempotency-key']).toBe('ord_abc-1');
    expect(sent?.form).toEqual({
      mode: 'payment',
      success_url: 'https://relay.example/pay/ord_abc/return',
      cancel_url: 'https://relay.example/pay/ord_abc/return',
      client_reference_id: 'ord_abc',
      'metadata[orderId]': 'ord_abc',
      'metadata[attempt]': '1',
      'payment_intent_data[description]': 'Order ord_abc · De Koffiebar',
      'payment_intent_data[metadata][orderId]': 'ord_abc',
      'payment_intent_data[metadata][attempt]': '1',
      'line_items[0][price_data][currency]': 'eur',
      'line_items[0][price_data][product_data][name]': 'Koffie 250 g',
      'line_items[0][price_data][product_data][metadata][sku]': 'KOFFIE',
      'line_items[0][price_data][unit_amount]': '1250',
      'line_items[0][quantity]': '2',
      'line_items[1][price_data][currency]': 'eur',
      'line_items[1][price_data][product_data][name]': 'Mok "Toonbank"',
      'line_items[1][price_data][product_data][metadata][sku]': 'MOK',
      'line_items[1][price_data][unit_amount]': '899',
      'line_items[1][quantity]': '1',
      expires_at: String(Math.floor(clock / 1000) + 23 * 3600),
    });
    expect(sent?.body).toContain('line_items%5B0%5D%5Bprice_data%5D%5Bunit_amount%5D=1250');
    expect(payment).toMatchObject({ provider: 'stripe', status: 'open', orderId: 'ord_abc', amount: eur(3399) });
    expect(payment.id).toMatch(/^cs_test_/);
    expect(payment.checkoutUrl).toBe(`https://checkout.stripe.com/c/pay/${payment.id}`);
    expect(payment.expiresAt).toBe(new Date(clock + 23 * 3600 * 1000).toISOString());
  });

  it('replays a retried attempt and refuses its key for other parameters', async () => {
    const first = await provider.createPayment(request({ idempotencyKey: 'ord_twice-1' }));
    const again = await provider.createPayment(request({ idempotencyKey: 'ord_twice-1' }));
    expect(again.id).toBe(first.id);
    const other = await providerError(
      provider.createPayment(request({ idempotencyKey: 'ord_twice-1', description: 'something else' })),
    );
    expect(other.kind).toBe('rejected');
    expect(other.message).toContain('Keys for idempotent requests can only be used with the same parameters');
  });

  it('refuses, before calling Stripe, currencies it counts differently and lines that do not add up', async () => {
    const before = stripe.requests.length;
    const huf = { amount: 100000, currency: 'HUF' };
    const line = {
      productId: 'p9',
      sku: 'PAPRIKA',
      name: 'Paprika',
      vatRate: 5,
      quantity: 1,
      unitPrice: huf,
      lineTotal: huf,
    };
    expect((await providerError(provider.createPayment(request({ amount: huf, lines: [line] })))).message).toBe(
      'Payments in HUF need Mollie',
    );
    expect((await providerError(provider.createPayment(request({ amount: eur(1) })))).message).toBe(
      'The order lines do not add up to the amount to pay',
    );
    expect(stripe.requests).toHaveLength(before);
  });

  it('reads a session’s status from Stripe', async () => {
    const statuses = [];
    for (const settle of [
      () => undefined,
      (id: string) => stripe.complete(id, true),
      (id: string) => stripe.complete(id, false),
      (id: string) => stripe.expire(id),
    ]) {
      const { id } = await provider.createPayment(request());
      settle(id);
      const payment = await provider.getPayment(id);
      statuses.push([payment?.status, payment?.checkoutUrl === null]);
    }
    expect(statuses).toEqual([
      ['open', false],
      ['paid', true],
      ['pending', true],
      ['expired', true],
    ]);
    expect(await provider.getPayment('cs_test_doesnotexist')).toBeNull();
    const before = stripe.requests.length;
    expect(await provider.getPayment('cs_test_x/../../v1/charges')).toBeNull();
    expect(stripe.requests).toHaveLength(before);
  });

  it('sorts Stripe’s refusals', async () => {
    const wrongKey = new StripePayments({ secretKey: 'sk_test_wrong', webhookSecret: 'x', apiUrl: stripe.url });
    expect((await providerError(wrongKey.createPayment(request()))).kind).toBe('unauthorized');
    stripe.reply(
      stripeError(400, 'invalid_request_error', 'Missing required param: line_items[0][quantity].', {
        code: 'parameter_missing',
      }),
    );
    const missing = await providerError(provider.createPayment(request()));
    expect(missing.message).toBe('stripe refused the request: Missing required param: line_items[0][quantity].');
    stripe.reply(stripeError(500, 'api_error', 'Something went wrong on our end'));
    expect((await providerError(provider.createPayment(request()))).retryable).toBe(true);
    const late = await providerError(
      provider.createPayment(request({ expiresAt: new Date(clock + 25 * 3600e3).toISOString() })),
    );
    expect(late.message).toContain('less than 24 hours');
  });
});

describe('Stripe webhooks', () => {
  async function session() {
    const { id } = await provider.createPayment(request());
    const stored = stripe.sessions.get(id);
    if (!stored) throw new Error('no session');
    return stored;
  }

  it('turns the events that matter into payment statuses', async () => {
    const results = [];
    for (const [type, change] of [
      ['checkout.session.completed', (id: string) => stripe.complete(id, true)],
      ['checkout.session.completed', (id: string) => stripe.complete(id, false)],
      ['checkout.session.async_payment_succeeded', (id: string) => stripe.complete(id, true)],
      ['checkout.session.async_payment_failed', (id: string) => stripe.complete(id, false)],
      ['checkout.session.expired', (id: string) => stripe.expire(id)],
    ] as const) {
      const { id } = await session();
      const delivery = stripe.delivery(type, change(id));
      const result = await provider.receiveWebhook(delivery);
      if (result.kind !== 'payment') throw new Error(`${type} ignored`);
      expect(result.eventId).toBe(delivery.eventId);
      expect(result.payment.orderId).toBe('ord_abc');
      results.push(result.payment.status);
    }
    expect(results).toEqual(['paid', 'pending', 'paid', 'failed', 'expired']);
    const other = stripe.delivery('payment_intent.created', { object: 'payment_intent', id: 'pi_1' });
    expect(await provider.receiveWebhook(other)).toEqual({ kind: 'ignored', reason: 'event payment_intent.created' });
  });

  it('refuses forged, tampered, stale and unsigned deliveries', async () => {
    const paid = stripe.complete((await session()).id, true);
    const forged = stripe.delivery('checkout.session.completed', paid, { secret: 'whsec_guess' });
    expect(await rejection(provider.receiveWebhook(forged))).toBe('Stripe-Signature refused: no_match');

    const genuine = stripe.delivery('checkout.session.completed', paid);
    const tampered = { ...genuine, rawBody: genuine.rawBody.replace('"paid"', '"paid" ') };
    expect(await rejection(provider.receiveWebhook(tampered))).toBe('Stripe-Signature refused: no_match');

    const t = Math.floor(clock / 1000);
    const stale = stripe.delivery('checkout.session.completed', paid, { timestamp: t - 301 });
    expect(await rejection(provider.receiveWebhook(stale))).toBe('Stripe-Signature refused: stale');
    const future = stripe.delivery('checkout.session.completed', paid, { timestamp: t + 301 });
    expect(await rejection(provider.receiveWebhook(future))).toBe('Stripe-Signature refused: stale');
    const edge = stripe.delivery('checkout.session.completed', paid, { timestamp: t - 300 });
    expect((await provider.receiveWebhook(edge)).kind).toBe('payment');

    expect(await rejection(provider.receiveWebhook({ headers: {}, rawBody: genuine.rawBody }))).toBe(
      'Stripe-Signature refused: missing',
    );
    const garbled = { headers: { 'stripe-signature': 'v1=abc' }, rawBody: genuine.rawBody };
    expect(await rejection(provider.receiveWebhook(garbled))).toBe('Stripe-Signature refused: malformed');
  });

  it('accepts any of several v1 signatures (a secret being rolled) and only v1', async () => {
    const paid = stripe.complete((await session()).id, true);
    const genuine = stripe.delivery('checkout.session.completed', paid);
    const [t, v1] = genuine.headers['stripe-signature']?.split(',') ?? [];
    const rolled = { ...genuine, headers: { 'stripe-signature': `${t},v1=${'0'.repeat(64)},${v1},v0=ignored` } };
    expect((await provider.receiveWebhook(rolled)).kind).toBe('payment');
    const onlyV0 = { ...genuine, headers: { 'stripe-signature': `${t},${v1?.replace('v1=', 'v0=')}` } };
    expect(await rejection(provider.receiveWebhook(onlyV0))).toBe('Stripe-Signature refused: malformed');
  });

  it('reads a repeated delivery the same way, and later clocks refuse it', async () => {
    const paid = stripe.complete((await session()).id, true);
    const delivery = stripe.delivery('checkout.session.completed', paid);
    const first = await provider.receiveWebhook(delivery);
    const again = await provider.receiveWebhook(delivery);
    expect(again).toEqual(first);
    clock += 301_000;
    expect(await rejection(provider.receiveWebhook(delivery))).toBe('Stripe-Signature refused: stale');
  });
});
