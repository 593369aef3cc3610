import { randomUUID } from 'node:crypto';
import type { Agent } from '../../shared/domain/agent.js';
import { isServiceWindowOpen, type Contact } from '../../shared/domain/conversation.js';
import type { Message, MessageContent, MessageType, NewMessage } from '../../shared/domain/message.js';
import type { MessagePage } from '../../shared/protocol/messages.js';
import { mergeContact } from '../conversations/contact-changes.js';
import type { ConversationService } from '../conversations/conversation-service.js';
import type { DomainEvents } from '../domain-events.js';
import { AppError } from '../kit/app-error.js';
import type { ConversationStore, StoreTransaction } from '../storage/conversation-store.js';
import type { WorkflowService } from '../workflow/workflow-service.js';
import { withLastMessage } from './last-message.js';
import { SendLimit } from './send-limit.js';

/** A customer's message as the WhatsApp adapter hands it over. */
export interface InboundMessageInput {
  type: MessageType;
  /** What a person reads first: the body, a caption, a button title; empty when there is none. */
  text: string;
  content?: MessageContent;
  waMessageId: string;
  sentAt: number;
}

/** What an agent sends: its type, what the customer reads first, and the type's detail. */
export interface OutboundInput {
  type: MessageType;
  text: string;
  content?: MessageContent;
}

export interface MessageServiceDeps {
  store: ConversationStore;
  conversations: ConversationService;
  /** Told of every customer message: it reopens snoozed and resolved chats. */
  workflow: Pick<WorkflowService, 'afterCustomerMessage'>;
  events: DomainEvents;
  now: () => number;
}

const iso = (ms: number): string => new Date(ms).toISOString();

/** Messages: reading history, the agents' replies, and the customers' messages as they arrive. */
export class MessageService {
  private readonly sendLimit = new SendLimit();

  constructor(private readonly deps: MessageServiceDeps) {}

  history(agent: Agent, id: string, before: string | undefined, limit: number): Promise<MessagePage> {
    this.deps.conversations.requireVisible(agent, id);
    return this.deps.store.history(id, before, limit);
  }

  /**
   * Stores a reply as `pending` and announces it; the WhatsApp delivery sends it from there. The
   * same clientId is one message, however often it is sent.
   */
  async sendText(
    agent: Agent,
    id: string,
    text: string,
    clientId?: string,
    confirmAssignedToOther = false,
  ): Promise<Message> {
    return this.sendMessage(agent, id, { type: 'text', text }, clientId, confirmAssignedToOther);
  }

  /**
   * Any outbound message (a product card, …) through the same path as a reply: who may send, the
   * 24-hour window, the send limit, durable before announced, delivered in the background.
   */
  async sendMessage(
    agent: Agent,
    id: string,
    outbound: OutboundInput,
    clientId?: string,
    confirmAssignedToOther = false,
  ): Promise<Message> {
    const conversation = this.deps.conversations.requireVisible(agent, id);
    if (conversation.assigneeId !== null && conversation.assigneeId !== agent.id) {
      if (agent.role !== 'supervisor') throw new AppError('FORBIDDEN', 'This chat is assigned to someone else');
      // Two people answering one customer is what the team inbox prevents: replying needs a yes.
      if (!confirmAssignedToOther) {
        throw new AppError(
          'ASSIGNED_TO_OTHER',
          'This chat is assigned to someone else: confirm (confirmAssignedToOther) to reply anyway',
        );
      }
    }
    if (!isServiceWindowOpen(conversation, this.deps.now())) {
      throw new AppError(
        'WINDOW_CLOSED',
        'The customer last wrote more than 24 hours ago: WhatsApp only allows approved templates now',
      );
    }
    await this.sendLimit.reserve(agent.id);
    const at = iso(this.deps.now());
    const draft: NewMessage = {
      id: randomUUID(),
      conversationId: id,
      direction: 'out',
      type: outbound.type,
      text: outbound.text,
      ...(outbound.content === undefined ? {} : { content: outbound.content }),
      status: 'pending',
      waMessageId: null,
      authorId: agent.id,
      createdAt: at,
      updatedAt: at,
      ...(clientId === undefined ? {} : { clientId }),
    };
    const appended = await this.deps.store.appendMessage(id, draft, withLastMessage).catch(async (error: unknown) => {
      await this.sendLimit.release(agent.id);
      throw error;
    });
    if (!appended.created) await this.sendLimit.release(agent.id);
    if (appended.created) {
      this.deps.events.publish({
        type: 'message.created',
        conversation: appended.conversation,
        message: appended.message,
      });
    }
    return appended.message;
  }

  /**
   * Stores an outbound message the relay composed (a payment link, a payment confirmation) as
   * `pending` and announces it, like a reply. Callers have checked who may send it; the same
   * clientId is one message however often this runs, which makes "send once" a matter of the key.
   */
  async sendComposed(input: {
    conversationId: string;
    type: MessageType;
    text: string;
    content?: MessageContent;
    authorId: string | null;
    clientId: string;
  }): Promise<Message> {
    const at = iso(this.deps.now());
    const draft: NewMessage = {
      id: randomUUID(),
      conversationId: input.conversationId,
      direction: 'out',
      type: input.type,
      text: input.text,
      status: 'pending',
      waMessageId: null,
      authorId: input.authorId,
      createdAt: at,
      updatedAt: at,
      clientId: input.clientId,
      ...(input.content === undefined ? {} : { content: input.content }),
    };
    const appended = await this.deps.store.appendMessage(input.conversationId, draft, withLastMessage);
    if (appended.created) {
      this.deps.events.publish({
        type: 'message.created',
        conversation: appended.conversation,
        message: appended.message,
      });
    }
    return appended.message;
  }

  /** Stores a customer's message once per wamid; resolves only when it is durable. */
  async receiveInbound(contact: Contact, input: InboundMessageInput): Promise<void> {
    const id = this.deps.conversations.resolveFor(contact);
    await this.deps.store.transaction([id], (tx) => this.receive(tx, id, contact, input));
  }

  /** `receiveInbound` as one step of a larger transaction (a webhook delivery applied whole). */
  async receive(tx: StoreTransaction, id: string, contact: Contact, input: InboundMessageInput): Promise<void> {
    const draft: NewMessage = {
      id: randomUUID(),
      conversationId: id,
      direction: 'in',
      type: input.type,
      text: input.text,
      status: 'received',
      waMessageId: input.waMessageId,
      authorId: null,
      createdAt: iso(input.sentAt),
      updatedAt: iso(this.deps.now()),
      ...(input.content === undefined ? {} : { content: input.content }),
    };
    const appended = await tx.appendMessage(id, draft, (c, message) => ({
      ...withLastMessage(c, message),
      contact: mergeContact(c.contact, contact),
      lastInboundAt:
        c.lastInboundAt !== null && c.lastInboundAt > message.createdAt ? c.lastInboundAt : message.createdAt,
    }));
    if (!appended.created) return;
    const effect = await this.deps.workflow.afterCustomerMessage(tx, id);
    tx.afterCommit(() => {
      const { conversation, line } = effect;
      this.deps.events.publish({ type: 'message.created', conversation, message: appended.message });
      if (line) this.deps.events.publish({ type: 'message.created', conversation, message: line });
    });
  }
}
