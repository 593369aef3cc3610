import type { Agent } from '../../shared/domain/agent.js';
import type { Message } from '../../shared/domain/message.js';
import type { SendProductsRequest } from '../../shared/protocol/catalog.js';
import type { ConversationService } from '../conversations/conversation-service.js';
import { AppError } from '../kit/app-error.js';
import type { MessageService } from '../messages/message-service.js';
import type { CatalogService } from './catalog-service.js';
import { productCardMessage, type CardContext } from './product-cards.js';

export interface ProductCardDeps {
  catalog: CatalogService;
  conversations: ConversationService;
  messages: MessageService;
  context: () => CardContext;
}

/** Sends products to a conversation as the caller, through the same path as any reply. */
export class ProductCardService {
  constructor(private readonly deps: ProductCardDeps) {}

  async send(agent: Agent, conversationId: string, request: SendProductsRequest): Promise<Message> {
    const { productIds, clientId } = request;
    // A conversation the caller may not see is not found, before anything is said about products.
    this.deps.conversations.requireVisible(agent, conversationId);
    if (new Set(productIds).size !== productIds.length) throw new AppError('BAD_REQUEST', 'A product is named twice');
    const products = productIds.map((id) => {
      const product = this.deps.catalog.get(id);
      if (!product) throw new AppError('BAD_REQUEST', `There is no product ${id}`);
      if (product.visibility === 'archived') throw new AppError('BAD_REQUEST', `${product.name} is archived`);
      return product;
    });
    const outbound = productCardMessage(products, (request.text ?? '').trim(), this.deps.context());
    return this.deps.messages.sendMessage(agent, conversationId, outbound, clientId, request.confirmAssignedToOther);
  }
}
