import {
  orderStatusOf,
  type Order,
  type OrderStatus,
  type PaymentAttempt,
  type PaymentStatus,
} from '../../shared/domain/order.js';
import type { Money } from '../../shared/money.js';
import type { PaymentProvider, PaymentRequest, ProviderPayment } from './provider.js';

/*
 * The payment side of an order, as pure steps the relay runs under the order's lock (one at a time
 * per order: link visits, webhooks and creates alike).
 *
 * The stable link (`order.payLink`, GET → 303): ask `nextPayLinkStep`.
 *   redirect  → 303 to the live checkout.
 *   refresh   → our record says open but past its expiry (or without a checkout URL): getPayment,
 *               applyPayment, then ask again with `refreshed: true`.
 *   create    → startAttempt (store it first), provider.createPayment(request), recordCreated,
 *               then redirect to the new checkout.
 *   wait      → the provider says a payment is under way without a checkout to show (a bank
 *               transfer, a payment being confirmed): show "payment in progress", never a second one.
 *   paid / closed → a page saying so (closed: past `payableUntil`, ask the shop for a new link).
 *   replaced → a newer order of the chat took its place: a page saying to use the newest link.
 *
 * At most once paid: a new attempt starts only when the previous one is final (expired, canceled,
 * failed) at the provider, so two checkouts of one order are never open together. Should a second
 * payment still succeed (a provider bug, two relays), `applyPayment` reports `paid_twice` for a refund.
 */

/** Deterministic, so a create retried after a crash or timeout replays the same payment. */
export function idempotencyKeyFor(orderId: string, attempt: number): string {
  return `${orderId}-${attempt}`;
}

export type PayLinkStep =
  | { kind: 'redirect'; url: string }
  | { kind: 'refresh'; paymentId: string }
  | { kind: 'create' }
  | { kind: 'wait' }
  | { kind: 'paid' }
  | { kind: 'closed' }
  | { kind: 'replaced' };

const UNDER_WAY: readonly PaymentStatus[] = ['open', 'pending', 'authorized'];

export function nextPayLinkStep(order: Order, now: number, options: { refreshed?: boolean } = {}): PayLinkStep {
  if (order.status === 'paid') return { kind: 'paid' };
  if (order.replacedBy !== null) return { kind: 'replaced' };
  const payable = now < Date.parse(order.payableUntil);
  const latest = order.attempts.at(-1);
  if (!latest?.paymentId) return payable ? { kind: 'create' } : { kind: 'closed' };
  if (UNDER_WAY.includes(latest.status)) {
    const live = latest.expiresAt === null || Date.parse(latest.expiresAt) > now;
    if (latest.checkoutUrl && (live || options.refreshed)) return { kind: 'redirect', url: latest.checkoutUrl };
    return options.refreshed ? { kind: 'wait' } : { kind: 'refresh', paymentId: latest.paymentId };
  }
  return payable ? { kind: 'create' } : { kind: 'closed' };
}

export interface PaymentTexts {
  /** Shown at the checkout and on statements, e.g. "Order 2026-0042 · De Koffiebar". */
  description: string;
  returnUrl: string;
  locale?: string;
}

/**
 * How long an interrupted create is retried with its own key. Mollie remembers keys for an hour
 * (Stripe for a day): after that a retry would be a new payment anyway, and a Stripe `expires_at`
 * fixed back then may no longer be allowed, so the next attempt starts instead.
 */
export const RETRY_SAME_KEY_MS = 55 * 60 * 1000;

/**
 * The attempt to create now: the interrupted one again (same number, key and expiry, so the provider
 * replays it) when the last create never got its answer recorded, otherwise the next number.
 */
export function startAttempt(
  order: Order,
  provider: Pick<PaymentProvider, 'name' | 'checkoutLifetimeMs'>,
  now: number,
  texts: PaymentTexts,
): { order: Order; request: PaymentRequest } {
  const at = new Date(now).toISOString();
  const interrupted = order.attempts.at(-1)?.paymentId === null ? order.attempts.at(-1) : undefined;
  const retry = interrupted && now - Date.parse(interrupted.createdAt) < RETRY_SAME_KEY_MS ? interrupted : undefined;
  // An interrupted attempt too old to retry never reached the customer: it is left as expired.
  const previous = order.attempts.map((a) =>
    a === interrupted && !retry ? { ...a, status: 'expired' as const, updatedAt: at } : a,
  );
  const latest = previous.at(-1);
  const number = retry?.number ?? (latest?.number ?? 0) + 1;
  const attempt: PaymentAttempt = retry ?? {
    number,
    provider: provider.name,
    idempotencyKey: idempotencyKeyFor(order.id, number),
    paymentId: null,
    checkoutUrl: null,
    status: 'open',
    expiresAt: provider.checkoutLifetimeMs === null ? null : new Date(now + provider.checkoutLifetimeMs).toISOString(),
    createdAt: at,
    updatedAt: at,
  };
  const attempts = retry ? previous : [...previous, attempt];
  const request: PaymentRequest = {
    orderId: order.id,
    attempt: number,
    idempotencyKey: attempt.idempotencyKey,
    amount: order.total,
    description: texts.description,
    lines: order.items,
    returnUrl: texts.returnUrl,
    expiresAt: attempt.expiresAt,
    ...(texts.locale ? { locale: texts.locale } : {}),
  };
  return { order: settle({ ...order, attempts }, at), request };
}

export type OrderEvent =
  | { kind: 'status_changed'; from: OrderStatus; to: OrderStatus }
  | { kind: 'paid_twice'; paymentId: string; amount: Money }
  | { kind: 'amount_mismatch'; paymentId: string; expected: Money; got: Money };

const FINAL: readonly PaymentStatus[] = ['paid', 'canceled', 'expired', 'failed'];
const RANK: Record<PaymentStatus, number> = {
  open: 0,
  pending: 1,
  authorized: 2,
  paid: 3,
  canceled: 3,
  expired: 3,
  failed: 3,
};

/** Statuses only move forward, and a final one never changes, except that the money arriving wins. */
export function isPaymentAdvance(from: PaymentStatus, to: PaymentStatus): boolean {
  if (from === 'paid') return false;
  if (to === 'paid') return true;
  return !FINAL.includes(from) && RANK[to] > RANK[from];
}

/**
 * The order's status and checkout URL follow its attempts: paid by any, otherwise canceled when a
 * newer order replaced it, otherwise as its latest attempt.
 */
function settle(order: Order, at: string): Order {
  const paid = order.attempts.some((attempt) => attempt.status === 'paid');
  const latest = order.attempts.at(-1);
  const status: OrderStatus = paid
    ? 'paid'
    : order.replacedBy !== null
      ? 'canceled'
      : latest
        ? orderStatusOf(latest.status)
        : 'awaiting_payment';
  return {
    ...order,
    status,
    paymentUrl: paid || order.replacedBy !== null ? null : (latest?.checkoutUrl ?? null),
    paidAt: order.paidAt ?? (paid ? at : null),
    updatedAt: at,
  };
}

/**
 * What a provider says of one of the order's payments (a webhook, a lookup, a create's answer).
 * A payment that is not one of this order's attempts changes nothing.
 */
export function applyPayment(
  order: Order,
  payment: ProviderPayment,
  now: number,
): { order: Order; events: OrderEvent[] } {
  const index = order.attempts.findIndex((a) => a.paymentId === payment.id && a.provider === payment.provider);
  const attempt = order.attempts[index];
  if (!attempt) return { order, events: [] };
  const events: OrderEvent[] = [];
  const wrongAmount = payment.amount.amount !== order.total.amount || payment.amount.currency !== order.total.currency;
  if (payment.status === 'paid' && wrongAmount) {
    // Never mark paid what was not the order's total: someone must look at it.
    return {
      order,
      events: [{ kind: 'amount_mismatch', paymentId: payment.id, expected: order.total, got: payment.amount }],
    };
  }
  const advance = isPaymentAdvance(attempt.status, payment.status);
  const expiresAt = payment.expiresAt ?? attempt.expiresAt;
  const news = payment.checkoutUrl !== attempt.checkoutUrl || expiresAt !== attempt.expiresAt;
  // A repeated webhook, a late one for a final status, or a lookup that tells nothing new: no change.
  if (!advance && (payment.status !== attempt.status || !news)) return { order, events };
  if (advance && payment.status === 'paid' && order.status === 'paid') {
    events.push({ kind: 'paid_twice', paymentId: payment.id, amount: payment.amount });
  }
  const at = new Date(now).toISOString();
  const updated: PaymentAttempt = {
    ...attempt,
    status: payment.status,
    checkoutUrl: payment.checkoutUrl,
    expiresAt,
    updatedAt: at,
  };
  const attempts = order.attempts.map((a, i) => (i === index ? updated : a));
  const next = settle({ ...order, attempts }, at);
  if (next.status !== order.status) events.unshift({ kind: 'status_changed', from: order.status, to: next.status });
  return { order: next, events };
}

/**
 * A newer order of the same chat takes this unpaid one's place: it is canceled and its link starts
 * or shows no checkout any more. A paid order is never replaced.
 */
export function replaceOrder(order: Order, by: string, now: number): Order {
  if (order.status === 'paid' || order.replacedBy !== null) return order;
  return settle({ ...order, replacedBy: by }, new Date(now).toISOString());
}

/** The answer to `createPayment` for the attempt startAttempt made: its id, then whatever it says. */
export function recordCreated(order: Order, attemptNumber: number, payment: ProviderPayment, now: number): Order {
  const attempts = order.attempts.map((attempt) =>
    attempt.number === attemptNumber ? { ...attempt, paymentId: payment.id } : attempt,
  );
  return applyPayment({ ...order, attempts }, payment, now).order;
}
