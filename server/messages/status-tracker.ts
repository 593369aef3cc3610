import type { Logger } from 'pino';
import { isStatusAdvance, type Message, type MessageError } from '../../shared/domain/message.js';
import type { DomainEvents } from '../domain-events.js';
import type {
  ContactIdentity,
  ConversationStore,
  MessageLocator,
  StoreTransaction,
} from '../storage/conversation-store.js';
import { EarlyStatuses } from './early-statuses.js';
import { withLastMessage } from './last-message.js';

/** A tick or a failure from WhatsApp, as the adapter hands it over. */
export interface StatusInput {
  waMessageId: string;
  recipient: ContactIdentity;
  status: 'sent' | 'delivered' | 'read' | 'failed';
  error?: MessageError;
}

export type SendResult = { waMessageId: string } | { error: MessageError };

export interface StatusTrackerDeps {
  store: ConversationStore;
  events: DomainEvents;
  now: () => number;
  logger: Logger;
}

/** Where an outbound message stands: WhatsApp's answer to the send, then its status webhooks. */
export class StatusTracker {
  private readonly early = new EarlyStatuses<StatusInput>();

  constructor(private readonly deps: StatusTrackerDeps) {}

  /** Statuses only move forward; repeats change nothing; one for a send not yet recorded waits for it. */
  async applyStatus(status: StatusInput): Promise<void> {
    const conversation = this.deps.store.find(status.recipient);
    if (!conversation) {
      this.deps.logger.warn({ waMessageId: status.waMessageId }, 'status for an unknown customer ignored');
      return;
    }
    const found = await this.deps.store.transaction([conversation.id], (tx) => this.apply(tx, conversation.id, status));
    if (!found) this.rememberEarly(status);
  }

  /** `applyStatus` within a larger transaction; false when no outbound message has this wamid (yet). */
  apply(tx: StoreTransaction, id: string, status: StatusInput): Promise<boolean> {
    return this.update(tx, id, { waMessageId: status.waMessageId }, status);
  }

  /** Keeps a status whose send is not recorded yet, for when it is. */
  rememberEarly(status: StatusInput): void {
    this.early.remember(status.waMessageId, status);
  }

  /** Records what WhatsApp answered to a send: its wamid, or the error after the last retry. */
  async recordSendResult(message: Message, result: SendResult): Promise<void> {
    const id = message.conversationId;
    const locator = { id: message.id };
    const change =
      'error' in result
        ? { status: 'failed' as const, error: result.error }
        : { status: 'sent' as const, waMessageId: result.waMessageId };
    await this.deps.store.transaction([id], (tx) => this.update(tx, id, locator, change));
    if ('error' in result) return;
    const early = this.early.take(result.waMessageId);
    if (early) await this.applyStatus(early);
  }

  /** False when the conversation has no such outbound message. */
  private async update(
    tx: StoreTransaction,
    id: string,
    locator: MessageLocator,
    change: { status: Message['status']; error?: MessageError; waMessageId?: string },
  ): Promise<boolean> {
    const result = await tx.updateMessage(
      id,
      locator,
      (m) => {
        if (m.direction !== 'out') return null;
        const waMessageId = change.waMessageId ?? m.waMessageId;
        const advances = isStatusAdvance(m.status, change.status);
        if (!advances && waMessageId === m.waMessageId) return null;
        const next: Message = { ...m, waMessageId, updatedAt: new Date(this.deps.now()).toISOString() };
        if (advances) next.status = change.status;
        if (change.error && next.status === 'failed') next.error = change.error;
        return next;
      },
      (c, m, latest) => (latest && c.lastMessage ? withLastMessage(c, m) : c),
    );
    if (!result || result.message.direction !== 'out') return false;
    if (result.changed) {
      tx.afterCommit(() => {
        this.deps.events.publish({
          type: 'message.updated',
          conversation: result.conversation,
          message: result.message,
          summaryChanged: result.summaryChanged,
        });
      });
    }
    return true;
  }
}
