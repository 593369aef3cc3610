import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Agent } from '../../shared/domain/agent.js';
import { isServiceWindowOpen, type Contact, type ConversationSummary } from '../../shared/domain/conversation.js';
import { isStatusAdvance, type Message, type MessageError, type NewMessage } from '../../shared/domain/message.js';
import type { AuthService } from '../auth/auth-service.js';
import { AppError, notFound } from '../kit/app-error.js';
import type { Broadcaster } from '../realtime/broadcaster.js';
import type { ConversationStore } from '../storage/conversation-store.js';
import type { InboundContent } from '../whatsapp/inbound-message.js';
import { canSee, checkAssign } from './visibility.js';

export interface InboundMessageInput extends InboundContent {
  waMessageId: string;
  sentAt: number;
}

export interface StatusInput {
  waMessageId: string;
  recipientWaId: string;
  status: 'sent' | 'delivered' | 'read' | 'failed';
  error?: MessageError;
}

/** What the service needs from WhatsApp: sending is handed off, never awaited by the caller. */
export interface OutboundChannel {
  deliver(message: Message, to: string): void;
  markRead(waMessageId: string): void;
}

const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * Statuses kept for sends not yet recorded. A status for a message sent by another app on the same
 * number never finds its send, so the oldest are dropped past this many.
 */
const MAX_EARLY_STATUSES = 1_000;

function withLastMessage(c: ConversationSummary, message: Message): ConversationSummary {
  return {
    ...c,
    lastMessageAt: message.createdAt,
    lastMessage: { text: message.text, type: message.type, direction: message.direction, status: message.status },
  };
}

/**
 * The conversations' rules in one place, used alike by REST routes, socket commands and the
 * WhatsApp webhook: who sees what, assignment, sending, receiving and ticks.
 */
export class ConversationService {
  /** Statuses that arrived before the send that caused them was recorded (they race). */
  private readonly earlyStatuses = new Map<string, StatusInput>();

  constructor(
    private readonly store: ConversationStore,
    private readonly auth: AuthService,
    private readonly broadcaster: Broadcaster,
    private readonly outbound: OutboundChannel,
    private readonly now: () => number,
    private readonly logger: Logger,
  ) {}

  listVisible(agent: Agent): ConversationSummary[] {
    return this.store
      .list()
      .filter((c) => canSee(agent, c))
      .sort((a, b) => (b.lastMessageAt ?? b.createdAt).localeCompare(a.lastMessageAt ?? a.createdAt));
  }

  /** A conversation the agent may not see does not exist for them: NOT_FOUND, never FORBIDDEN. */
  requireVisible(agent: Agent, id: string): ConversationSummary {
    const conversation = this.store.get(id);
    if (!conversation || !canSee(agent, conversation)) throw notFound('Conversation');
    return conversation;
  }

  history(agent: Agent, id: string, before: string | undefined, limit: number) {
    this.requireVisible(agent, id);
    return this.store.history(id, before, limit);
  }

  async sendText(agent: Agent, id: string, text: string, clientId?: string): Promise<Message> {
    const conversation = this.requireVisible(agent, id);
    if (conversation.assigneeId !== null && conversation.assigneeId !== agent.id && agent.role !== 'supervisor') {
      throw new AppError('FORBIDDEN', 'This chat is assigned to someone else');
    }
    if (!isServiceWindowOpen(conversation, this.now())) {
      throw new AppError(
        'WINDOW_CLOSED',
        'The customer last wrote more than 24 hours ago: WhatsApp only allows approved templates now',
      );
    }
    const result = await this.store.exclusive(id, async () => {
      if (clientId !== undefined) {
        const existing = await this.store.findMessage(id, { clientId });
        if (existing) return { message: existing, created: false };
      }
      const at = iso(this.now());
      const draft: NewMessage = {
        id: randomUUID(),
        conversationId: id,
        direction: 'out',
        type: 'text',
        text,
        status: 'pending',
        waMessageId: null,
        authorId: agent.id,
        createdAt: at,
        updatedAt: at,
        ...(clientId === undefined ? {} : { clientId }),
      };
      const { conversation: after, message } = await this.store.append(id, draft, withLastMessage);
      this.broadcaster.messageCreated(after, message);
      return { message, created: true };
    });
    if (result.created) this.outbound.deliver(result.message, conversation.contact.waId);
    return result.message;
  }

  async assign(agent: Agent, id: string, to: string | null): Promise<ConversationSummary> {
    return this.store.exclusive(id, async () => {
      const before = this.requireVisible(agent, id);
      checkAssign(agent, before, to);
      if (to !== null && !this.auth.getAgent(to)) throw new AppError('BAD_REQUEST', `No agent with id ${to}`);
      if (before.assigneeId === to) return before;
      const after = await this.store.updateSummary(id, (c) => ({ ...c, assigneeId: to }));
      this.broadcaster.conversationChanged(after, before);
      return after;
    });
  }

  /** The agent has read the chat: the unread count goes to zero and the customer gets blue ticks. */
  async markRead(agent: Agent, id: string): Promise<ConversationSummary> {
    return this.store.exclusive(id, async () => {
      const before = this.requireVisible(agent, id);
      if (before.unreadCount === 0) return before;
      const after = await this.store.updateSummary(id, (c) => ({ ...c, unreadCount: 0 }));
      this.broadcaster.conversationChanged(after);
      const { messages } = await this.store.history(id, undefined, 50);
      const lastInbound = messages.findLast((m) => m.direction === 'in' && m.waMessageId !== null);
      if (lastInbound?.waMessageId) this.outbound.markRead(lastInbound.waMessageId);
      return after;
    });
  }

  /** Stores a customer's message once per wamid; resolves only when it is on disk. */
  async receiveInbound(contact: Contact, input: InboundMessageInput): Promise<void> {
    let conversation = this.store.findByWaId(contact.waId);
    if (!conversation) conversation = await this.createConversation(contact);
    const id = conversation.id;
    await this.store.exclusive(id, async () => {
      if (await this.store.findMessage(id, { waMessageId: input.waMessageId })) return;
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
        updatedAt: iso(this.now()),
        ...(input.content === undefined ? {} : { content: input.content }),
      };
      const { conversation: after, message } = await this.store.append(id, draft, (c, message) => ({
        ...withLastMessage(c, message),
        contact: { ...c.contact, name: contact.name || c.contact.name },
        unreadCount: c.unreadCount + 1,
        lastInboundAt:
          c.lastInboundAt !== null && c.lastInboundAt > message.createdAt ? c.lastInboundAt : message.createdAt,
      }));
      this.broadcaster.messageCreated(after, message);
    });
  }

  /** A tick or a failure from WhatsApp. Statuses only move forward; repeats change nothing. */
  async applyStatus(status: StatusInput): Promise<void> {
    const conversation = this.store.findByWaId(status.recipientWaId);
    if (!conversation) {
      this.logger.warn({ waMessageId: status.waMessageId }, 'status for an unknown customer ignored');
      return;
    }
    const applied = await this.updateOutbound(conversation.id, { waMessageId: status.waMessageId }, status);
    if (applied) return;
    this.earlyStatuses.set(status.waMessageId, status);
    const oldest = this.earlyStatuses.keys().next().value;
    if (this.earlyStatuses.size > MAX_EARLY_STATUSES && oldest !== undefined) this.earlyStatuses.delete(oldest);
  }

  /** Records what WhatsApp answered to a send (its wamid, or the error after the last retry). */
  async recordSendResult(message: Message, result: { waMessageId: string } | { error: MessageError }): Promise<void> {
    const id = message.conversationId;
    if ('error' in result) {
      await this.updateOutbound(id, { id: message.id }, { status: 'failed', error: result.error });
      return;
    }
    await this.updateOutbound(id, { id: message.id }, { status: 'sent', waMessageId: result.waMessageId });
    const early = this.earlyStatuses.get(result.waMessageId);
    if (early) {
      this.earlyStatuses.delete(result.waMessageId);
      await this.applyStatus(early);
    }
  }

  private async updateOutbound(
    id: string,
    locator: { id: string } | { waMessageId: string },
    change: { status: Message['status']; error?: MessageError; waMessageId?: string },
  ): Promise<boolean> {
    return this.store.exclusive(id, async () => {
      const existing = await this.store.findMessage(id, locator);
      if (!existing || existing.direction !== 'out') return false;
      const updated = await this.store.updateMessage(id, locator, (m) => {
        const waMessageId = change.waMessageId ?? m.waMessageId;
        if (!isStatusAdvance(m.status, change.status) && waMessageId === m.waMessageId) return null;
        const next: Message = { ...m, waMessageId, updatedAt: iso(this.now()) };
        if (isStatusAdvance(m.status, change.status)) next.status = change.status;
        if (change.error && next.status === 'failed') next.error = change.error;
        return next;
      });
      if (!updated) return true;
      let conversation = this.store.get(id);
      if (!conversation) return true;
      if (conversation.lastMessage && (await this.isLatest(id, updated))) {
        conversation = await this.store.updateSummary(id, (c) => withLastMessage(c, updated));
        this.broadcaster.conversationChanged(conversation);
      }
      this.broadcaster.messageUpdated(conversation, updated);
      return true;
    });
  }

  private async isLatest(id: string, message: Message): Promise<boolean> {
    return (await this.store.latestMessage(id))?.id === message.id;
  }

  private async createConversation(contact: Contact): Promise<ConversationSummary> {
    // Two first messages from one customer may race: creation is serialised per phone number.
    return this.store.exclusive(`contact:${contact.waId}`, async () => {
      const existing = this.store.findByWaId(contact.waId);
      if (existing) return existing;
      const summary: ConversationSummary = {
        id: randomUUID(),
        contact,
        status: 'open',
        assigneeId: null,
        createdAt: iso(this.now()),
        lastMessageAt: null,
        lastMessage: null,
        unreadCount: 0,
        lastInboundAt: null,
      };
      await this.store.create(summary);
      return summary;
    });
  }
}
