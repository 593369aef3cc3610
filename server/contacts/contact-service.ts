import type { Agent } from '../../shared/domain/agent.js';
import type { Message } from '../../shared/domain/message.js';
import type { ContactHistory } from '../../shared/protocol/contacts.js';
import type { ConversationService } from '../conversations/conversation-service.js';
import type { OrderService } from '../orders/order-service.js';
import type { ConversationStore } from '../storage/conversation-store.js';
import { episodesOf } from './episodes.js';

/** How much of one thread the panel reads: years of a regular customer, and a bound on one request. */
export const MAX_MESSAGES_READ = 20_000;
const PAGE = 500;

export interface ContactServiceDeps {
  store: Pick<ConversationStore, 'history'>;
  conversations: Pick<ConversationService, 'requireVisible'>;
  orders: Pick<OrderService, 'list'>;
}

/** The contact panel: the customer's identity, first contact, labels, earlier conversations and orders. */
export class ContactService {
  constructor(private readonly deps: ContactServiceDeps) {}

  async history(agent: Agent, conversationId: string): Promise<ContactHistory> {
    const conversation = this.deps.conversations.requireVisible(agent, conversationId);
    const { messages, complete } = await this.thread(conversationId);
    return {
      conversationId,
      contact: conversation.contact,
      firstContactAt: conversation.createdAt,
      labels: conversation.labels,
      episodes: episodesOf(messages),
      complete,
      orders: this.deps.orders.list(agent, { conversationId }),
    };
  }

  /** The newest messages of the thread, at most MAX_MESSAGES_READ, oldest first. */
  private async thread(id: string): Promise<{ messages: Message[]; complete: boolean }> {
    const pages: Message[][] = [];
    let read = 0;
    let before: string | undefined;
    for (;;) {
      const page = await this.deps.store.history(id, before, Math.min(PAGE, MAX_MESSAGES_READ - read));
      pages.unshift(page.messages);
      read += page.messages.length;
      const first = page.messages[0];
      if (!page.hasMore || !first) return { messages: pages.flat(), complete: true };
      if (read >= MAX_MESSAGES_READ) return { messages: pages.flat(), complete: false };
      before = first.id;
    }
  }
}
