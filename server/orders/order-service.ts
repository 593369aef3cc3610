import type { Logger } from 'pino';
import type { Agent } from '../../shared/domain/agent.js';
import { isServiceWindowOpen, type ConversationSummary } from '../../shared/domain/conversation.js';
import { createOrder, OrderError, type Order, type OrderStatus } from '../../shared/domain/order.js';
import type { OrderView } from '../../shared/protocol/orders.js';
import type { CartService } from '../carts/cart-service.js';
import { paidConfirmationText, payLinkText } from '../carts/cart-summary.js';
import type { ProductLookup } from '../carts/product-lookup.js';
import { cartView } from '../carts/stored-cart.js';
import type { ConversationService } from '../conversations/conversation-service.js';
import { canSee } from '../conversations/visibility.js';
import type { DomainEvents } from '../domain-events.js';
import { AppError } from '../kit/app-error.js';
import type { MessageService } from '../messages/message-service.js';
import { newOrderId, payLinkUrl } from '../payments/links.js';
import type { PayLinkStep } from '../payments/order-payments.js';
import type { PaymentProviders } from '../payments/providers.js';
import type { ProviderPayment, WebhookDelivery } from '../payments/provider.js';
import type { SandboxOutcome, SandboxPayment } from '../payments/sandbox.js';
import { KeyedQueue } from '../storage/keyed-queue.js';
import type { RecordStore } from '../storage/record-store.js';
import { OrderPayments } from './order-payments-runner.js';
import { orderView, sameLines, type StoredOrder } from './stored-order.js';

export interface OrderServiceDeps {
  orders: RecordStore<StoredOrder>;
  carts: CartService;
  catalog: ProductLookup;
  conversations: ConversationService;
  conversationOf: (id: string) => ConversationSummary | undefined;
  messages: Pick<MessageService, 'sendComposed'>;
  providers: PaymentProviders;
  events: DomainEvents;
  now: () => number;
  publicUrl: () => string;
  logger: Logger;
}

/** What WhatsApp shows on the payment link's button (at most 20 characters). */
const PAY_BUTTON = 'Pay now';

/**
 * Orders: a cart frozen for payment, paid through the relay's stable link. Creating one sends the
 * customer that link; every status change reaches every agent who may see the conversation; once
 * paid, the customer gets one confirmation, stock goes down and the paid lines leave the cart.
 */
export class OrderService {
  /** Requests for one conversation run one at a time: a double click finds the first one's order. */
  private readonly requests = new KeyedQueue();
  private readonly payments: OrderPayments;

  constructor(private readonly deps: OrderServiceDeps) {
    this.payments = new OrderPayments({
      orders: deps.orders,
      providers: deps.providers,
      now: deps.now,
      publicUrl: deps.publicUrl,
      logger: deps.logger,
      onStatus: (order) => {
        this.announce(order);
      },
      onPaid: (orderId) => this.fulfil(orderId),
    });
  }

  list(agent: Agent, query: { conversationId?: string | undefined; status?: OrderStatus | undefined }): OrderView[] {
    const views: OrderView[] = [];
    for (const order of this.deps.orders.values()) {
      if (query.conversationId !== undefined && order.conversationId !== query.conversationId) continue;
      if (query.status !== undefined && order.status !== query.status) continue;
      const conversation = this.deps.conversationOf(order.conversationId);
      if (!conversation || !canSee(agent, conversation)) continue;
      views.push(orderView(order, conversation.contact.name));
    }
    return views.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
  }

  get(orderId: string): StoredOrder | undefined {
    return this.deps.orders.get(orderId);
  }

  /**
   * The cart becomes an order (or, for the same cart again, the order it already became), its
   * payment is created, and the customer gets the stable link as a `cta_url` message, once.
   */
  async requestPayment(agent: Agent, conversationId: string, providerName = this.deps.providers.defaultName) {
    const conversation = this.deps.conversations.requireVisible(agent, conversationId);
    if (conversation.assigneeId !== null && conversation.assigneeId !== agent.id && agent.role !== 'supervisor') {
      throw new AppError('FORBIDDEN', 'This chat is assigned to someone else');
    }
    if (!isServiceWindowOpen(conversation, this.deps.now())) {
      throw new AppError(
        'WINDOW_CLOSED',
        'The customer last wrote more than 24 hours ago: only an approved template could carry a payment link now',
      );
    }
    this.deps.providers.get(providerName); // refuses a provider this relay does not have, before anything is stored
    return this.requests.run(conversationId, async () => {
      const stored = this.deps.carts.stored(conversationId);
      const cart = cartView(stored);
      let order = [...this.deps.orders.values()].find(
        (o) =>
          o.conversationId === conversationId &&
          o.status === 'awaiting_payment' &&
          o.provider === providerName &&
          sameLines(o.items, stored?.items ?? []),
      );
      if (!order) {
        const id = newOrderId();
        let created: Order;
        try {
          created = createOrder({
            id,
            conversationId,
            cart,
            provider: providerName,
            payLink: payLinkUrl(this.deps.publicUrl(), id),
            now: this.deps.now(),
          });
        } catch (error) {
          if (error instanceof OrderError) throw new AppError('CONFLICT', error.message);
          throw error;
        }
        const fresh: StoredOrder = { ...created, fulfilledAt: null };
        await this.deps.orders.update(id, () => ({ next: fresh, result: undefined }));
        this.announce(fresh);
        order = fresh;
        // The customer pays the cart as it is now: an older unpaid link of this chat stops working.
        for (const older of [...this.deps.orders.values()]) {
          if (older.conversationId === conversationId && older.id !== id && older.status === 'awaiting_payment') {
            await this.payments.replace(older.id, id);
          }
        }
      }
      await this.payments.checkout(order.id);
      await this.deps.messages.sendComposed({
        conversationId,
        type: 'interactive',
        text: payLinkText(cart),
        content: { kind: 'cta_url', displayText: PAY_BUTTON, url: order.payLink, orderId: order.id },
        authorId: agent.id,
        // One link message per order, however often it is asked for.
        clientId: `pay-link-${order.id}`,
      });
      return this.viewOf(this.deps.orders.get(order.id) ?? order);
    });
  }

  /** The stable link: where the customer goes now (see order-payments.ts). */
  payLink(orderId: string): Promise<PayLinkStep> {
    return this.payments.checkout(orderId);
  }

  /** The customer is back from the checkout: look the payment up, then say how it went. */
  async returned(orderId: string): Promise<StoredOrder | undefined> {
    await this.payments.refresh(orderId);
    return this.deps.orders.get(orderId);
  }

  receiveWebhook(provider: 'mollie' | 'stripe', delivery: WebhookDelivery): Promise<void> {
    return this.payments.receiveWebhook(provider, delivery);
  }

  /** The sandbox checkout page's buttons: settles the payment, then applies it like a webhook. */
  async settleSandbox(paymentId: string, outcome: SandboxOutcome): Promise<{ returnUrl: string } | null> {
    const sandbox = this.deps.providers.sandbox();
    const payment = sandbox?.settle(paymentId, outcome);
    const checkout = sandbox?.checkout(paymentId);
    if (!payment || !checkout) return null;
    await this.payments.apply(payment);
    return { returnUrl: checkout.returnUrl };
  }

  /** The sandbox checkout page's payment, when this relay offers the sandbox. */
  sandboxCheckout(paymentId: string): SandboxPayment | null {
    return this.deps.providers.sandbox()?.checkout(paymentId) ?? null;
  }

  applyPayment(payment: ProviderPayment): Promise<void> {
    return this.payments.apply(payment);
  }

  /** Paid orders whose confirmation and stock were not done when the relay stopped. */
  async resume(): Promise<void> {
    for (const order of [...this.deps.orders.values()]) {
      if (order.status === 'paid' && order.fulfilledAt === null) await this.fulfil(order.id);
    }
  }

  /**
   * Once per paid order: the confirmation (its clientId makes a second one the same message), the
   * stock, the cart. Recorded last, so a crash in between does it again at the next start.
   */
  private async fulfil(orderId: string): Promise<void> {
    const order = this.deps.orders.get(orderId);
    if (!order || order.status !== 'paid' || order.fulfilledAt !== null) return;
    const { logger } = this.deps;
    await this.deps.messages.sendComposed({
      conversationId: order.conversationId,
      type: 'text',
      text: paidConfirmationText(order),
      authorId: null,
      clientId: `order-paid-${order.id}`,
    });
    for (const line of order.items) {
      await this.deps.catalog.adjustStock(line.productId, -line.quantity).catch((error: unknown) => {
        logger.warn({ err: error, orderId, productId: line.productId }, 'stock could not be adjusted');
      });
    }
    await this.deps.carts.removePaid(order.conversationId, order.items).catch((error: unknown) => {
      logger.warn({ err: error, orderId }, 'the paid lines could not be taken out of the cart');
    });
    await this.deps.orders.update(orderId, (current) => ({
      ...(current ? { next: { ...current, fulfilledAt: new Date(this.deps.now()).toISOString() } } : {}),
      result: undefined,
    }));
  }

  private viewOf(order: Order): OrderView {
    return orderView(order, this.deps.conversationOf(order.conversationId)?.contact.name ?? '');
  }

  private announce(order: Order): void {
    const conversation = this.deps.conversationOf(order.conversationId);
    if (conversation) {
      this.deps.events.publish({
        type: 'order.changed',
        conversation,
        order: orderView(order, conversation.contact.name),
      });
    }
  }
}
