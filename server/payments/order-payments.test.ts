import { describe, expect, it } from 'vitest';
import { buildCart } from '../../shared/domain/cart.js';
import { OrderSchema, createOrder, type Order, type PaymentStatus } from '../../shared/domain/order.js';
import { newOrderId, payLinkUrl, payReturnUrl } from './links.js';
import {
  applyPayment,
  isPaymentAdvance,
  nextPayLinkStep,
  recordCreated,
  replaceOrder,
  startAttempt,
  type PayLinkStep,
} from './order-payments.js';
import type { PaymentProvider, ProviderPayment } from './provider.js';
import { SandboxPayments } from './sandbox.js';

const HOUR = 60 * 60 * 1000;
const eur = (amount: number) => ({ amount, currency: 'EUR' });
const texts = { description: 'Order', returnUrl: 'https://relay.example/pay/x/return' };

function setup() {
  const clock = { now: Date.parse('2026-03-01T10:00:00Z') };
  const sandbox = new SandboxPayments({ publicUrl: 'https://relay.example', now: () => clock.now });
  const cart = buildCart(
    [{ productId: 'p1', sku: 'K', name: 'Koffie', quantity: 2, unitPrice: eur(625), vatRate: 6 }],
    'EUR',
  );
  const id = newOrderId();
  const order = createOrder({
    id,
    conversationId: 'c1',
    cart,
    provider: 'sandbox',
    payLink: payLinkUrl('https://relay.example/', id),
    now: clock.now,
  });
  return { clock, sandbox, order };
}

/** What the relay does on a visit of the stable link, until it can answer. */
async function visit(
  order: Order,
  provider: PaymentProvider,
  now: number,
): Promise<{ order: Order; step: PayLinkStep }> {
  let step = nextPayLinkStep(order, now);
  if (step.kind === 'refresh') {
    const payment = await provider.getPayment(step.paymentId);
    if (payment) order = applyPayment(order, payment, now).order;
    step = nextPayLinkStep(order, now, { refreshed: true });
  }
  if (step.kind === 'create') {
    const started = startAttempt(order, provider, now, texts);
    const payment = await provider.createPayment(started.request);
    order = recordCreated(started.order, started.request.attempt, payment, now);
    step = nextPayLinkStep(order, now);
  }
  return { order, step };
}

describe('the stable payment link', () => {
  it('redirects to a live checkout and replaces an expired one for the same order', async () => {
    const { clock, sandbox, order: created } = setup();
    expect(created.payLink).toBe(`https://relay.example/pay/${created.id}`);
    expect(payReturnUrl('https://relay.example', created.id)).toBe(`${created.payLink}/return`);

    const first = await visit(created, sandbox, clock.now);
    const attempt1 = first.order.attempts[0];
    expect(first.step).toEqual({ kind: 'redirect', url: attempt1?.checkoutUrl });
    expect(attempt1).toMatchObject({ number: 1, idempotencyKey: `${created.id}-1`, status: 'open' });
    expect(first.order.paymentUrl).toBe(attempt1?.checkoutUrl);
    expect(OrderSchema.parse(first.order)).toEqual(first.order);

    // Visiting again within the hour: the same checkout, no new payment.
    expect((await visit(first.order, sandbox, clock.now + HOUR / 2)).order).toBe(first.order);

    // The next day: our record says open but past expiry; the provider confirms, a new attempt starts.
    clock.now += 20 * HOUR;
    const next = await visit(first.order, sandbox, clock.now);
    expect(next.order.attempts.map((a) => [a.number, a.status])).toEqual([
      [1, 'expired'],
      [2, 'open'],
    ]);
    expect(next.order.status).toBe('awaiting_payment');
    expect(next.step).toEqual({ kind: 'redirect', url: next.order.attempts[1]?.checkoutUrl });
    expect(next.order.attempts[1]?.checkoutUrl).not.toBe(attempt1?.checkoutUrl);

    // Paid through the second checkout; then the link says so.
    const paymentId = next.order.attempts[1]?.paymentId ?? '';
    const paid = sandbox.settle(paymentId, 'paid');
    if (!paid) throw new Error('no payment');
    const applied = applyPayment(next.order, paid, clock.now);
    expect(applied.events).toEqual([{ kind: 'status_changed', from: 'awaiting_payment', to: 'paid' }]);
    expect(applied.order).toMatchObject({
      status: 'paid',
      paymentUrl: null,
      paidAt: new Date(clock.now).toISOString(),
    });
    expect(nextPayLinkStep(applied.order, clock.now)).toEqual({ kind: 'paid' });

    // A repeated webhook, and a late one about the first attempt, change nothing.
    expect(applyPayment(applied.order, paid, clock.now + 1000)).toEqual({ order: applied.order, events: [] });
    const old = await sandbox.getPayment(attempt1?.paymentId ?? '');
    if (!old) throw new Error('no payment');
    expect(applyPayment(applied.order, old, clock.now).order).toBe(applied.order);
  });

  it('retries an interrupted create with the same key: one payment at the provider', async () => {
    const { clock, sandbox, order } = setup();
    const started = startAttempt(order, sandbox, clock.now, texts);
    const lost = await sandbox.createPayment(started.request); // the answer is lost in a crash
    expect(nextPayLinkStep(started.order, clock.now)).toEqual({ kind: 'create' });

    const again = startAttempt(started.order, sandbox, clock.now + 5000, texts);
    expect(again.request).toEqual(started.request);
    expect(again.order.attempts).toHaveLength(1);
    const replayed = await sandbox.createPayment(again.request);
    expect(replayed.id).toBe(lost.id);

    // An hour on, the provider has forgotten the key: the next attempt starts, the lost one is let go.
    const later = startAttempt(started.order, sandbox, clock.now + HOUR, texts);
    expect(later.request.idempotencyKey).toBe(`${order.id}-2`);
    expect(later.order.attempts.map((a) => [a.number, a.status])).toEqual([
      [1, 'expired'],
      [2, 'open'],
    ]);
  });

  it('waits, rather than starting a second payment, while one is under way without a checkout', () => {
    const { clock, order } = setup();
    const started = startAttempt(order, { name: 'mollie', checkoutLifetimeMs: null }, clock.now, texts);
    const pending: ProviderPayment = {
      provider: 'mollie',
      id: 'tr_pending001',
      status: 'pending',
      orderId: order.id,
      amount: order.total,
      checkoutUrl: null,
      expiresAt: null,
    };
    const recorded = recordCreated(started.order, 1, pending, clock.now);
    expect(recorded.attempts[0]?.expiresAt).toBeNull();
    expect(nextPayLinkStep(recorded, clock.now)).toEqual({ kind: 'refresh', paymentId: 'tr_pending001' });
    expect(nextPayLinkStep(recorded, clock.now, { refreshed: true })).toEqual({ kind: 'wait' });
  });

  it('starts no new payment after the order’s payable period, but a live checkout still works', async () => {
    const { clock, sandbox, order } = setup();
    const week = Date.parse(order.payableUntil);
    expect(nextPayLinkStep(order, week)).toEqual({ kind: 'closed' });
    const live = await visit(
      order,
      new SandboxPayments({ publicUrl: 'https://r.example', checkoutLifetimeMs: 200 * HOUR, now: () => clock.now }),
      clock.now,
    );
    expect(nextPayLinkStep(live.order, week).kind).toBe('redirect');
    const expired = await visit(order, sandbox, clock.now);
    const paymentId = expired.order.attempts[0]?.paymentId ?? '';
    const canceled = sandbox.settle(paymentId, 'canceled');
    if (!canceled) throw new Error('no payment');
    const after = applyPayment(expired.order, canceled, clock.now).order;
    expect(after.status).toBe('canceled');
    expect(nextPayLinkStep(after, clock.now)).toEqual({ kind: 'create' });
    expect(nextPayLinkStep(after, week)).toEqual({ kind: 'closed' });
  });
});

describe('payment updates on an order', () => {
  async function withTwoAttempts() {
    const { clock, sandbox, order } = setup();
    const one = await visit(order, sandbox, clock.now);
    const firstId = one.order.attempts[0]?.paymentId ?? '';
    const failed = sandbox.settle(firstId, 'failed');
    if (!failed) throw new Error('no payment');
    const afterFail = applyPayment(one.order, failed, clock.now);
    expect(afterFail.events).toEqual([{ kind: 'status_changed', from: 'awaiting_payment', to: 'failed' }]);
    const two = await visit(afterFail.order, sandbox, clock.now);
    return { clock, sandbox, order: two.order, firstId, secondId: two.order.attempts[1]?.paymentId ?? '' };
  }

  it('reports a second successful payment for a refund, and keeps the order paid once', async () => {
    const { clock, order, firstId, secondId } = await withTwoAttempts();
    const paid = (id: string): ProviderPayment => ({
      provider: 'sandbox',
      id,
      status: 'paid',
      orderId: order.id,
      amount: order.total,
      checkoutUrl: null,
      expiresAt: null,
    });
    const once = applyPayment(order, paid(secondId), clock.now);
    expect(once.order.status).toBe('paid');
    const twice = applyPayment(once.order, paid(firstId), clock.now + 1);
    expect(twice.events).toEqual([{ kind: 'paid_twice', paymentId: firstId, amount: order.total }]);
    expect(twice.order).toMatchObject({ status: 'paid', paidAt: once.order.paidAt });
  });

  it('never marks paid a payment of another amount, nor one that is not the order’s', async () => {
    const { clock, order, secondId } = await withTwoAttempts();
    const wrong: ProviderPayment = {
      provider: 'sandbox',
      id: secondId,
      status: 'paid',
      orderId: order.id,
      amount: eur(1),
      checkoutUrl: null,
      expiresAt: null,
    };
    expect(applyPayment(order, wrong, clock.now)).toEqual({
      order,
      events: [{ kind: 'amount_mismatch', paymentId: secondId, expected: order.total, got: eur(1) }],
    });
    const stranger = { ...wrong, id: 'sbx_notthisorder00', amount: order.total };
    expect(applyPayment(order, stranger, clock.now)).toEqual({ order, events: [] });
    expect(applyPayment(order, { ...wrong, provider: 'mollie', amount: order.total }, clock.now).order).toBe(order);
  });

  it('moves statuses forward only; the money arriving wins over anything but paid', () => {
    const all: PaymentStatus[] = ['open', 'pending', 'authorized', 'paid', 'canceled', 'expired', 'failed'];
    const allowed = all.flatMap((from) => all.filter((to) => isPaymentAdvance(from, to)).map((to) => `${from}→${to}`));
    expect(allowed).toEqual([
      'open→pending',
      'open→authorized',
      'open→paid',
      'open→canceled',
      'open→expired',
      'open→failed',
      'pending→authorized',
      'pending→paid',
      'pending→canceled',
      'pending→expired',
      'pending→failed',
      'authorized→paid',
      'authorized→canceled',
      'authorized→expired',
      'authorized→failed',
      'canceled→paid',
      'expired→paid',
      'failed→paid',
    ]);
  });
});

describe('an order replaced by a newer one of the chat', () => {
  it('is canceled, shows no checkout and its link starts none, but money that arrives still makes it paid', async () => {
    const { clock, sandbox, order: created } = setup();
    const live = await visit(created, sandbox, clock.now);
    const replaced = replaceOrder(live.order, 'ord_newer', clock.now);
    expect(replaced).toMatchObject({ status: 'canceled', replacedBy: 'ord_newer', paymentUrl: null });
    expect(nextPayLinkStep(replaced, clock.now)).toEqual({ kind: 'replaced' });
    // A later word from the provider that is not money keeps it canceled.
    const attempt = live.order.attempts[0];
    if (!attempt?.paymentId) throw new Error('no payment');
    const pending: ProviderPayment = {
      provider: 'sandbox',
      id: attempt.paymentId,
      status: 'pending',
      orderId: created.id,
      amount: created.total,
      checkoutUrl: attempt.checkoutUrl,
      expiresAt: attempt.expiresAt,
    };
    expect(applyPayment(replaced, pending, clock.now).order.status).toBe('canceled');
    const paid = applyPayment(replaced, { ...pending, status: 'paid' }, clock.now).order;
    expect(paid.status).toBe('paid');
    expect(nextPayLinkStep(paid, clock.now)).toEqual({ kind: 'paid' });
    // A paid order is never replaced, and replacing twice keeps the first successor.
    expect(replaceOrder(paid, 'ord_other', clock.now)).toBe(paid);
    expect(replaceOrder(replaced, 'ord_other', clock.now)).toBe(replaced);
  });
});
