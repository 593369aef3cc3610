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

  /**
   * What the agent may see, in the inbox's order, each with the agent's own unread count. Filters:
   * `view` (mine, unassigned, all), `status`, `label` (an id) and `q` (customer name, number, username).
   */
  listVisible(agent: Agent, query: ConversationListQuery = {}): ConversationSummary[] {
    const { q, view, status, label } = query;
    return this.deps.store
      .list()
      .filter(
        (c) =>
          canSee(agent, c) &&
          (view !== 'mine' || c.assigneeId === agent.id) &&
          (view !== 'unassigned' || c.assigneeId === null) &&
          (status === undefined || c.status === status) &&
          (label === undefined || c.labels.includes(label)) &&
          (q === undefined || contactMatches(c.contact, q)),
      )
      .sort(compareConversations)
      .map((c) => this.view(agent, c));
  }

  /** The conversation as this agent sees it: with their own unread count. */
  view(agent: Pick<Agent, 'id'>, conversation: ConversationSummary): ConversationSummary {
    const unreadCount = this.deps.store.unreadFor(conversation.id, agent.id);
    return unreadCount === conversation.unreadCount ? conversation : { ...conversation, unreadCount };
  }

  /** A conversation the agent may not see does not exist for them: NOT_FOUND, never FORBIDDEN. */
  requireVisible(agent: Agent, id: string): ConversationSummary {
    const conversation = this.deps.store.get(id);
    if (!conversation || !canSee(agent, conversation)) throw notFound('Conversation');
    return conversation;
  }

  /**
   * The agent has read the chat: their unread count goes to zero (others keep theirs), and the
   * customer's newest message gets WhatsApp's read receipt once, whoever reads it first.
   */
  async markRead(agent: Agent, id: string): Promise<ConversationSummary> {
    this.requireVisible(agent, id);
    const { changed, receipt } = await this.deps.store.transaction([id], (tx) => {
      if (!canSee(agent, tx.get(id))) throw notFound('Conversation');
      return Promise.resolve(tx.markRead(id, agent.id));
    });
    const conversation = this.view(agent, this.requireVisible(agent, id));
    if (changed) this.deps.events.publish({ type: 'conversation.read', conversation, agentId: agent.id });
    if (receipt !== null) this.deps.receipts.markRead(receipt);
    return conversation;
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
      snoozedUntil: null,
      labels: [],
      waitingSince: null,
      assigneeId: null,
      createdAt: new Date(this.deps.now()).toISOString(),
      lastMessageAt: null,
      lastMessage: null,
      unreadCount: 0,
      lastInboundAt: null,
    }));
  }
}
