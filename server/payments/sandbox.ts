import { randomBytes } from 'node:crypto';
import type { CartLine } from '../../shared/domain/cart.js';
import type { PaymentStatus } from '../../shared/domain/order.js';
import type { Money } from '../../shared/money.js';
import {
  PaymentProviderError,
  WebhookRejectedError,
  type PaymentProvider,
  type PaymentRequest,
  type ProviderPayment,
  type WebhookDelivery,
  type WebhookResult,
} from './provider.js';

/*
 * The sandbox checkout: a provider with no network, for training and tests. It behaves as Mollie
 * does where it matters: ids (`sbx_…`), a checkout URL (here under the relay, for the sandbox
 * checkout page), idempotency keys, expiry by the clock, final statuses that never change, and a
 * webhook that carries only the id. The page calls `settle` when the "customer" pays, cancels, fails
 * or lets it expire; the relay then reads the result like any other provider's.
 */

export interface SandboxPayment {
  id: string;
  orderId: string;
  attempt: number;
  idempotencyKey: string;
  amount: Money;
  description: string;
  lines: readonly CartLine[];
  returnUrl: string;
  status: PaymentStatus;
  createdAt: number;
  expiresAt: number;
}

/** Where sandbox payments are kept: a Map will do, a durable store may stand in for one. */
export interface SandboxPaymentStore {
  get(id: string): SandboxPayment | undefined;
  set(id: string, payment: SandboxPayment): unknown;
  values(): Iterable<SandboxPayment>;
}

export interface SandboxOptions {
  publicUrl: string;
  now?: () => number;
  store?: SandboxPaymentStore;
  /** An hour: long enough to train with, short enough to see a link renew itself. */
  checkoutLifetimeMs?: number;
}

export type SandboxOutcome = 'paid' | 'canceled' | 'failed' | 'expired';

const ID = /^sbx_[A-Za-z0-9_-]{16}$/;

export class SandboxPayments implements PaymentProvider {
  readonly name = 'sandbox' as const;
  readonly checkoutLifetimeMs: number;
  private readonly now: () => number;
  private readonly store: SandboxPaymentStore;
  private readonly base: string;

  constructor(options: SandboxOptions) {
    this.now = options.now ?? Date.now;
    this.store = options.store ?? new Map();
    this.checkoutLifetimeMs = options.checkoutLifetimeMs ?? 60 * 60 * 1000;
    this.base = options.publicUrl.replace(/\/+$/, '');
  }

  async createPayment(request: PaymentRequest): Promise<ProviderPayment> {
    const existing = [...this.store.values()].find((p) => p.idempotencyKey === request.idempotencyKey);
    if (existing) {
      const same = existing.orderId === request.orderId && existing.amount.amount === request.amount.amount;
      if (!same) throw new PaymentProviderError('sandbox', 'rejected', 'Idempotency key reused for another payment');
      return this.view(existing);
    }
    const createdAt = this.now();
    const payment: SandboxPayment = {
      id: `sbx_${randomBytes(12).toString('base64url')}`,
      orderId: request.orderId,
      attempt: request.attempt,
      idempotencyKey: request.idempotencyKey,
      amount: request.amount,
      description: request.description,
      lines: request.lines,
      returnUrl: request.returnUrl,
      status: 'open',
      createdAt,
      expiresAt: request.expiresAt ? Date.parse(request.expiresAt) : createdAt + this.checkoutLifetimeMs,
    };
    this.store.set(payment.id, payment);
    return this.view(payment);
  }

  async getPayment(paymentId: string): Promise<ProviderPayment | null> {
    const payment = this.current(paymentId);
    return payment ? this.view(payment) : null;
  }

  async receiveWebhook(delivery: WebhookDelivery): Promise<WebhookResult> {
    const id = new URLSearchParams(delivery.rawBody.toString()).get('id');
    if (!id) throw new WebhookRejectedError('A sandbox webhook carries id=sbx_…');
    const payment = await this.getPayment(id);
    return payment ? { kind: 'payment', payment, eventId: null } : { kind: 'ignored', reason: 'unknown payment' };
  }

  /** What the sandbox checkout page shows: the payment with its lines, or null for an unknown id. */
  checkout(paymentId: string): SandboxPayment | null {
    return this.current(paymentId) ?? null;
  }

  /**
   * The customer's choice on the checkout page. Only an open payment can be settled; a settled or
   * expired one stays as it is (a second click, or a click after expiry, changes nothing).
   */
  settle(paymentId: string, outcome: SandboxOutcome): ProviderPayment | null {
    const payment = this.current(paymentId);
    if (!payment) return null;
    if (payment.status === 'open') {
      this.store.set(payment.id, { ...payment, status: outcome });
    }
    return this.view(this.current(paymentId) ?? payment);
  }

  /** The stored payment with the clock applied: an open one past its expiry is expired. */
  private current(paymentId: string): SandboxPayment | undefined {
    if (!ID.test(paymentId)) return undefined;
    const payment = this.store.get(paymentId);
    if (payment?.status === 'open' && this.now() >= payment.expiresAt) {
      const expired = { ...payment, status: 'expired' as const };
      this.store.set(payment.id, expired);
      return expired;
    }
    return payment;
  }

  private view(payment: SandboxPayment): ProviderPayment {
    return {
      provider: 'sandbox',
      id: payment.id,
      status: payment.status,
      orderId: payment.orderId,
      amount: payment.amount,
      checkoutUrl: payment.status === 'open' ? `${this.base}/sandbox/checkout/${payment.id}` : null,
      expiresAt: new Date(payment.expiresAt).toISOString(),
    };
  }
}
