import type { Logger } from 'pino';
import type { Order, OrderStatus } from '../../shared/domain/order.js';
import { AppError, notFound } from '../kit/app-error.js';
import { payReturnUrl } from '../payments/links.js';
import {
  applyPayment,
  nextPayLinkStep,
  recordCreated,
  replaceOrder,
  startAttempt,
  type PayLinkStep,
} from '../payments/order-payments.js';
import type { PaymentProviders } from '../payments/providers.js';
import {
  PaymentProviderError,
  WebhookRejectedError,
  type PaymentProvider,
  type ProviderPayment,
  type WebhookDelivery,
} from '../payments/provider.js';
import type { LockedRecord, RecordStore } from '../storage/record-store.js';
import type { StoredOrder } from './stored-order.js';

/*
 * The payment steps of server/payments/order-payments.ts, run against the stored orders and the
 * providers. Everything that touches one order's payments (the stable link, the return from the
 * checkout, webhooks, the sandbox page) runs under that order's lock and stores each step before the
 * next: the attempt before the provider is asked (so a retry reuses its idempotency key), the
 * provider's answer as soon as it comes.
 */

export interface OrderPaymentsDeps {
  orders: RecordStore<StoredOrder>;
  providers: PaymentProviders;
  now: () => number;
  publicUrl: () => string;
  logger: Logger;
  /** The order's status changed (called under its lock, once stored). */
  onStatus: (order: StoredOrder, from: OrderStatus) => void;
  /** The order became paid (called after its lock is released). */
  onPaid: (orderId: string) => Promise<void>;
}

/** The provider's refusal, in words for the agent or the customer's page. */
function unavailable(provider: string, error: unknown): never {
  if (error instanceof PaymentProviderError) {
    throw new AppError('UNAVAILABLE', `${provider} could not take the payment now: ${error.message}`);
  }
  throw error;
}

export class OrderPayments {
  constructor(private readonly deps: OrderPaymentsDeps) {}

  /** Makes sure the order has a live checkout if it can be paid, and says where the link goes. */
  checkout(orderId: string): Promise<PayLinkStep> {
    return this.run(orderId, async (record, paid) => {
      let refreshed = false;
      // Each round stores one step; four rounds cover refresh → create → redirect.
      for (let round = 0; round < 4; round++) {
        const order = record.current();
        if (!order) throw notFound('Order');
        const step = nextPayLinkStep(order, this.deps.now(), { refreshed });
        const provider = this.deps.providers.get(order.provider);
        if (step.kind === 'refresh') {
          await this.lookUp(record, provider, step.paymentId, paid);
          refreshed = true;
        } else if (step.kind === 'create') {
          const { order: started, request } = startAttempt(order, provider, this.deps.now(), {
            description: `Order ${order.id.slice(4, 12)}`,
            returnUrl: payReturnUrl(this.deps.publicUrl(), order.id),
          });
          await this.store(record, order, started, paid);
          const payment = await provider
            .createPayment(request)
            .catch((error: unknown) => unavailable(provider.name, error));
          const created = recordCreated(started, request.attempt, payment, this.deps.now());
          await this.store(record, record.current() ?? order, created, paid);
          refreshed = true;
        } else {
          return step;
        }
      }
      return { kind: 'wait' };
    });
  }

  /** A newer order of the chat took this one's place (see replaceOrder). */
  replace(orderId: string, by: string): Promise<void> {
    return this.run(orderId, async (record, paid) => {
      const order = record.current();
      if (order) await this.store(record, order, replaceOrder(order, by, this.deps.now()), paid);
    });
  }

  /** Asks the provider about the order's latest payment (the customer came back from checkout). */
  refresh(orderId: string): Promise<void> {
    return this.run(orderId, async (record, paid) => {
      const order = record.current();
      const latest = order?.attempts.at(-1);
      if (!order || !latest?.paymentId || order.status === 'paid') return;
      await this.lookUp(record, this.deps.providers.get(order.provider), latest.paymentId, paid);
    });
  }

  /** What a provider says of a payment; one that is not an attempt of a known order changes nothing. */
  async apply(payment: ProviderPayment): Promise<void> {
    const orderId = payment.orderId;
    if (orderId === null || !/^ord_[A-Za-z0-9_-]{1,64}$/.test(orderId) || !this.deps.orders.get(orderId)) return;
    await this.run(orderId, async (record, paid) => {
      const order = record.current();
      if (order) await this.store(record, order, this.applied(order, payment), paid);
    });
  }

  async receiveWebhook(name: 'mollie' | 'stripe', delivery: WebhookDelivery): Promise<void> {
    if (!this.deps.providers.available().includes(name)) throw notFound('Webhook');
    const provider = this.deps.providers.get(name);
    let result;
    try {
      result = await provider.receiveWebhook(delivery);
    } catch (error) {
      if (error instanceof WebhookRejectedError) throw new AppError('BAD_REQUEST', error.message);
      unavailable(name, error);
    }
    if (result.kind === 'ignored') {
      this.deps.logger.info({ provider: name, reason: result.reason }, 'payment webhook ignored');
      return;
    }
    await this.apply(result.payment);
  }

  private async lookUp(
    record: LockedRecord<StoredOrder>,
    provider: PaymentProvider,
    paymentId: string,
    paid: { value: boolean },
  ): Promise<void> {
    const order = record.current();
    if (!order) return;
    const payment = await provider.getPayment(paymentId).catch((error: unknown) => unavailable(provider.name, error));
    // The sandbox keeps its payments in memory: after a restart its old checkouts are gone, so expired.
    const seen: ProviderPayment | null =
      payment ??
      (provider.name === 'sandbox'
        ? {
            provider: 'sandbox',
            id: paymentId,
            status: 'expired',
            orderId: order.id,
            amount: order.total,
            checkoutUrl: null,
            expiresAt: null,
          }
        : null);
    if (seen) await this.store(record, order, this.applied(order, seen), paid);
  }

  /** The order after a provider's word; what someone must look at (paid twice, wrong amount) is logged. */
  private applied(order: StoredOrder, payment: ProviderPayment): Order {
    const { order: next, events } = applyPayment(order, payment, this.deps.now());
    for (const event of events) {
      if (event.kind === 'paid_twice') {
        this.deps.logger.error(
          { orderId: order.id, paymentId: event.paymentId },
          'order paid twice: refund one payment',
        );
      } else if (event.kind === 'amount_mismatch') {
        this.deps.logger.error(
          { orderId: order.id, ...event },
          'a payment of another amount than the order was ignored',
        );
      }
    }
    return next;
  }

  /** Stores `next` if it differs from `before`, and tells of a status change. */
  private async store(
    record: LockedRecord<StoredOrder>,
    before: StoredOrder,
    next: Order,
    paid: { value: boolean },
  ): Promise<void> {
    if (next === before) return;
    const stored: StoredOrder = { ...next, fulfilledAt: before.fulfilledAt };
    await record.put(stored);
    if (stored.status !== before.status) {
      this.deps.onStatus(stored, before.status);
      if (stored.status === 'paid') paid.value = true;
    }
  }

  /** Runs `task` under the order's lock; when it made the order paid, `onPaid` follows outside it. */
  private async run<R>(
    orderId: string,
    task: (record: LockedRecord<StoredOrder>, paid: { value: boolean }) => Promise<R>,
  ): Promise<R> {
    if (!this.deps.orders.get(orderId)) throw notFound('Order');
    const paid = { value: false };
    try {
      return await this.deps.orders.locked(orderId, (record) => task(record, paid));
    } finally {
      if (paid.value) await this.deps.onPaid(orderId);
    }
  }
}
