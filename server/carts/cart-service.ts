import type { Agent } from '../../shared/domain/agent.js';
import { CartError, setCartItem, type CartItem } from '../../shared/domain/cart.js';
import { cartFromOrderMessage, type OrderItemWarning } from '../../shared/domain/cart-from-order.js';
import type { ConversationSummary } from '../../shared/domain/conversation.js';
import type { Message } from '../../shared/domain/message.js';
import type { CartView } from '../../shared/protocol/carts.js';
import type { ConversationService } from '../conversations/conversation-service.js';
import type { DomainEvent, DomainEvents } from '../domain-events.js';
import { AppError, notFound } from '../kit/app-error.js';
import type { MessageService } from '../messages/message-service.js';
import type { RecordStore } from '../storage/record-store.js';
import { cartSummaryText } from './cart-summary.js';
import type { ProductLookup } from './product-lookup.js';
import { cartView, type StoredCart } from './stored-cart.js';

export interface CartServiceDeps {
  carts: RecordStore<StoredCart>;
  catalog: ProductLookup;
  conversations: ConversationService;
  /** The conversation as it is now, whoever asks (for system changes: a customer's order, a payment). */
  conversationOf: (id: string) => ConversationSummary | undefined;
  messages: Pick<MessageService, 'sendText'>;
  events: DomainEvents;
  now: () => number;
}

/** A cart error is the agent's to fix: the cart is as it was. */
function refusal(error: unknown): never {
  if (error instanceof CartError) {
    throw new AppError(error.code === 'QUANTITY_OUT_OF_RANGE' ? 'BAD_REQUEST' : 'CONFLICT', error.message);
  }
  throw error;
}

/**
 * One cart per conversation, edited by any agent who may see it. Every change runs alone per
 * conversation and is on disk before it is answered; everyone who may see the conversation gets
 * `cart:update` at once.
 */
export class CartService {
  constructor(private readonly deps: CartServiceDeps) {}

  view(agent: Agent, conversationId: string): CartView {
    this.deps.conversations.requireVisible(agent, conversationId);
    return cartView(this.deps.carts.get(conversationId));
  }

  /** The cart's lines as stored, for turning it into an order. */
  stored(conversationId: string): StoredCart | undefined {
    return this.deps.carts.get(conversationId);
  }

  async setItem(agent: Agent, conversationId: string, productId: string, quantity: number): Promise<CartView> {
    this.deps.conversations.requireVisible(agent, conversationId);
    const product = this.deps.catalog.get(productId);
    if (!product) throw notFound('Product');
    return this.change(conversationId, (cart) => {
      let items: CartItem[];
      try {
        items = setCartItem(cart?.items ?? [], product, quantity, cart?.currency ?? product.price.currency);
      } catch (error) {
        refusal(error);
      }
      return {
        items,
        // The agent has dealt with this product: the order's warning about it has done its job.
        warnings: (cart?.warnings ?? []).filter((warning) => warning.sku !== product.sku),
      };
    });
  }

  /**
   * Listens to the domain events: a customer's WhatsApp `order` message becomes the conversation's
   * cart, its items matched by retailer id = SKU and priced from the catalog (cart-from-order.ts).
   */
  onEvent(event: DomainEvent, onError: (error: unknown) => void): void {
    if (event.type !== 'message.created') return;
    const { message } = event;
    if (message.direction !== 'in' || message.content?.kind !== 'order') return;
    const items = message.content.items;
    const currency = items[0]?.unitPrice.currency ?? 'EUR';
    const cart = cartFromOrderMessage(items, (sku) => this.deps.catalog.getBySku(sku), currency);
    this.replaceFromOrder(message.conversationId, cart.items, cart.warnings).catch(onError);
  }

  /** A customer's WhatsApp order becomes the cart, whole, with what the agent should look at. */
  replaceFromOrder(conversationId: string, items: CartItem[], warnings: OrderItemWarning[]): Promise<CartView> {
    return this.change(conversationId, () => ({ items, warnings }));
  }

  /** After a payment: the lines that were paid for leave the cart (later edits stay). */
  removePaid(conversationId: string, paid: readonly CartItem[]): Promise<CartView> {
    return this.change(conversationId, (cart) => ({
      items: (cart?.items ?? []).filter(
        (item) => !paid.some((line) => line.productId === item.productId && line.quantity === item.quantity),
      ),
      warnings: [],
    }));
  }

  async sendSummary(agent: Agent, conversationId: string): Promise<Message> {
    const cart = this.view(agent, conversationId);
    if (cart.items.length === 0) throw new AppError('CONFLICT', 'The cart is empty: add products first');
    return this.deps.messages.sendText(agent, conversationId, cartSummaryText(cart));
  }

  private async change(
    conversationId: string,
    edit: (cart: StoredCart | undefined) => Pick<StoredCart, 'items' | 'warnings'>,
  ): Promise<CartView> {
    // Announced under the lock, once on disk: two quick edits reach every screen in the order stored.
    return this.deps.carts.locked(conversationId, async (record) => {
      const { items, warnings } = edit(record.current());
      const next: StoredCart = {
        conversationId,
        currency: items[0]?.unitPrice.currency ?? null,
        items,
        warnings,
        updatedAt: new Date(this.deps.now()).toISOString(),
      };
      await record.put(next);
      const view = cartView(next);
      const conversation = this.deps.conversationOf(conversationId);
      if (conversation) this.deps.events.publish({ type: 'cart.changed', conversation, cart: view });
      return view;
    });
  }
}
