import { randomUUID } from 'node:crypto';
import type { Agent } from '../../shared/domain/agent.js';
import { compareConversations, type Contact, type ConversationSummary } from '../../shared/domain/conversation.js';
import { contactMatches } from '../../shared/domain/contact-search.js';
import type { ConversationListQuery } from '../../shared/protocol/conversations.js';
import type { DomainEvents } from '../domain-events.js';
import { notFound } from '../kit/app-error.js';
import type { ConversationStore } from '../storage/conversation-store.js';
import { canSee } from './visibility.js';

/** Blue ticks for the customer: WhatsApp's read receipt for a message and every one before it. */
export interface ReadReceipts {
  markRead(waMessageId: string): void;
}

export interface ConversationServiceDeps {
  store: ConversationStore;
  events: DomainEvents;
  receipts: ReadReceipts;
  now: () => number;
}

/** The conversations: which ones an agent may see, reading them, and the customer's one. */
export class ConversationService {
  constructor(private readonly deps: ConversationServiceDeps) {}

  /** What the agent may see, in the inbox's order; `q` finds customers by name, number or username. */
  listVisible(agent: Agent, query: ConversationListQuery = {}): ConversationSummary[] {
    const { q } = query;
    return this.deps.store
      .list()
      .filter((c) => canSee(agent, c) && (q === undefined || contactMatches(c.contact, q)))
      .sort(compareConversations);
  }

  /** A conversation the agent may not see does not exist for them: NOT_FOUND, never FORBIDDEN. */
  requireVisible(agent: Agent, id: string): ConversationSummary {
    const conversation = this.deps.store.get(id);
    if (!conversation || !canSee(agent, conversation)) throw notFound('Conversation');
    return conversation;
  }

  /** The agent has read the chat: the unread count goes to zero and the customer gets blue ticks. */
  async markRead(agent: Agent, id: string): Promise<ConversationSummary> {
    this.requireVisible(agent, id);
    const { before, after } = await this.deps.store.updateConversation(id, (c) =>
      c.unreadCount === 0 ? c : { ...c, unreadCount: 0 },
    );
    if (after === before) return after;
    this.deps.events.publish({ type: 'conversation.changed', conversation: after });
    const waMessageId = this.deps.store.lastInboundWaMessageId(id);
    if (waMessageId !== null) this.deps.receipts.markRead(waMessageId);
    return after;
  }

  /**
   * The id of the customer's conversation, known by BSUID first and phone second; for a customer
   * met for the first time, the id their first message creates.
   */
  resolveFor(contact: Contact): string {
    return this.deps.store.resolveConversation(contact, () => ({
      id: randomUUID(),
      contact,
      status: 'open',
      assigneeId: null,
      createdAt: new Date(this.deps.now()).toISOString(),
      lastMessageAt: null,
      lastMessage: null,
      unreadCount: 0,
      lastInboundAt: null,
    }));
  }
}
