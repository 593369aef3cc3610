import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { NewMessage } from '../../shared/domain/message.js';
import type { DomainEvents } from '../domain-events.js';
import { findOrderedProduct } from '../shop/wa-link.js';
import type { ConversationStore } from '../storage/conversation-store.js';
import type { CatalogService } from './catalog-service.js';
import { itemOf, type CardContext } from './product-cards.js';

export interface ProductMentionDeps {
  events: DomainEvents;
  store: ConversationStore;
  catalog: CatalogService;
  context: () => CardContext;
  now: () => number;
  logger: Logger;
}

/**
 * A customer who writes through an "Order on WhatsApp" link (the hosted shop, a buy button) sends
 * the prefilled text naming the product. The agent is shown which product: a system line "Asked
 * about <product>" right after the customer's message, with the product as it is now. The line
 * keeps the conversation's place and its last message (it is the relay's note, not the customer's).
 */
export function watchProductMentions(deps: ProductMentionDeps): () => void {
  return deps.events.subscribe((event) => {
    if (event.type !== 'message.created') return;
    const { message, conversation } = event;
    if (message.direction !== 'in' || message.type !== 'text') return;
    const product = findOrderedProduct(message.text, (sku) => {
      const found = deps.catalog.getBySku(sku);
      return found?.visibility === 'active' ? found : undefined;
    });
    if (!product) return;
    const at = new Date(deps.now()).toISOString();
    const item = itemOf(product, deps.context());
    const draft: NewMessage = {
      id: randomUUID(),
      conversationId: conversation.id,
      direction: 'in',
      type: 'system',
      text: `Asked about ${product.name}`,
      status: 'received',
      waMessageId: null,
      authorId: null,
      createdAt: at,
      updatedAt: at,
      content: { kind: 'product_mention', product: item },
    };
    deps.store
      .transaction([conversation.id], async (tx) => {
        const appended = await tx.appendMessage(conversation.id, draft, (c) => c, { activity: false });
        tx.afterCommit(() => {
          deps.events.publish({
            type: 'message.created',
            conversation: appended.conversation,
            message: appended.message,
          });
        });
      })
      .catch((error: unknown) => {
        deps.logger.warn({ err: error, conversationId: conversation.id }, 'could not note the product asked about');
      });
  });
}
