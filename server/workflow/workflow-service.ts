import type { Agent } from '../../shared/domain/agent.js';
import type { ConversationStatus, ConversationSummary } from '../../shared/domain/conversation.js';
import type { Message } from '../../shared/domain/message.js';
import type { UpdateConversationRequest } from '../../shared/protocol/workflow.js';
import type { ConversationService } from '../conversations/conversation-service.js';
import { canSee } from '../conversations/visibility.js';
import type { DomainEvents } from '../domain-events.js';
import { AppError, notFound } from '../kit/app-error.js';
import type { ConversationStore, StoreTransaction } from '../storage/conversation-store.js';
import { statusText, systemLine } from './system-lines.js';
import { withWaiting } from './waiting.js';

export interface WorkflowServiceDeps {
  store: ConversationStore;
  conversations: ConversationService;
  events: DomainEvents;
  now: () => number;
  /** How often the clock is read for snoozes that ended. */
  tickMs: number;
}

/** What a customer's message did to the workflow (a reopen adds a system line). */
export interface CustomerMessageEffect {
  conversation: ConversationSummary;
  line: Message | null;
}

/**
 * The conversation's status: set by agents, reopened by the customer writing or by a snooze ending.
 * Snoozes are kept in memory (read from the metas at start, so they are armed again after a
 * restart) and followed from the domain events, so nothing scans every conversation.
 */
export class WorkflowService {
  private readonly snoozes = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  private waking: Promise<void> | null = null;

  constructor(private readonly deps: WorkflowServiceDeps) {
    for (const conversation of deps.store.list()) this.track(conversation);
    deps.events.subscribe((event) => {
      if ('conversation' in event) this.track(event.conversation);
    });
  }

  /** Starts reading the clock for snoozes that ended (the first time at once). */
  start(): void {
    this.timer = setInterval(() => void this.wakeDue(), this.deps.tickMs);
    this.timer.unref();
    void this.wakeDue();
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.waking;
  }

  async setStatus(agent: Agent, id: string, request: UpdateConversationRequest): Promise<ConversationSummary> {
    this.deps.conversations.requireVisible(agent, id);
    const now = this.deps.now();
    let until: string | null = null;
    if (request.status === 'snoozed') {
      const ms = Date.parse(request.snoozedUntil ?? '');
      if (!(ms > now)) throw new AppError('BAD_REQUEST', 'snoozedUntil must be a time in the future');
      until = new Date(ms).toISOString();
    }
    return this.deps.store.transaction([id], async (tx) => {
      const current = tx.get(id);
      if (!canSee(agent, current)) throw notFound('Conversation');
      if (current.status === request.status && current.snoozedUntil === until) return current;
      const from = current.status;
      tx.updateConversation(id, (c) => withWaiting({ ...c, status: request.status, snoozedUntil: until }, now));
      const text = statusText(agent.name, request.status, until === null ? {} : { until });
      return this.appendLine(tx, id, agent.id, from, request.status, text, until === null ? {} : { until });
    });
  }

  /**
   * A customer's message was just stored in `tx`: a pending, snoozed or resolved chat reopens (with
   * its system line), and an open unassigned one starts waiting for an agent.
   */
  async afterCustomerMessage(tx: StoreTransaction, id: string): Promise<CustomerMessageEffect> {
    const now = this.deps.now();
    const current = tx.get(id);
    // Pending waits on the customer: their answer makes it work again, like a snooze or a resolved chat.
    const reopen = current.status !== 'open';
    const { after } = tx.updateConversation(id, (c) =>
      withWaiting(reopen ? { ...c, status: 'open', snoozedUntil: null } : c, now),
    );
    if (!reopen) return { conversation: after, line: null };
    const line = await tx.appendMessage(
      id,
      systemLine({
        conversationId: id,
        authorId: null,
        content: { event: 'status_changed', from: current.status, to: 'open', cause: 'customer_wrote' },
        text: statusText(null, 'open', { cause: 'customer_wrote' }),
        at: now,
      }),
      (c) => c,
      { activity: false },
    );
    return { conversation: line.conversation, line: line.message };
  }

  /** Reopens every snoozed chat whose time has come (one at a time; a tick never overlaps the last). */
  wakeDue(): Promise<void> {
    this.waking ??= this.wake().finally(() => {
      this.waking = null;
    });
    return this.waking;
  }

  private async wake(): Promise<void> {
    const now = this.deps.now();
    const due = [...this.snoozes].filter(([, at]) => at <= now).map(([id]) => id);
    for (const id of due) {
      await this.deps.store
        .transaction([id], async (tx) => {
          const current = tx.get(id);
          const until = current.snoozedUntil === null ? Infinity : Date.parse(current.snoozedUntil);
          if (current.status !== 'snoozed' || until > this.deps.now()) return;
          tx.updateConversation(id, (c) => withWaiting({ ...c, status: 'open', snoozedUntil: null }, now));
          const text = statusText(null, 'open', { cause: 'snooze_ended' });
          await this.appendLine(tx, id, null, 'snoozed', 'open', text, { cause: 'snooze_ended' });
        })
        .catch(() => undefined); // the disk refused: the next tick tries again
    }
  }

  private async appendLine(
    tx: StoreTransaction,
    id: string,
    authorId: string | null,
    from: ConversationStatus,
    to: ConversationStatus,
    text: string,
    extra: { until?: string; cause?: 'snooze_ended' },
  ): Promise<ConversationSummary> {
    const appended = await tx.appendMessage(
      id,
      systemLine({
        conversationId: id,
        authorId,
        content: { event: 'status_changed', from, to, ...extra },
        text,
        at: this.deps.now(),
      }),
      (c) => c,
      { activity: false },
    );
    tx.afterCommit(() => {
      this.deps.events.publish({
        type: 'message.created',
        conversation: appended.conversation,
        message: appended.message,
      });
    });
    return appended.conversation;
  }

  private track(conversation: ConversationSummary): void {
    if (conversation.status === 'snoozed' && conversation.snoozedUntil !== null) {
      this.snoozes.set(conversation.id, Date.parse(conversation.snoozedUntil));
    } else {
      this.snoozes.delete(conversation.id);
    }
  }
}
