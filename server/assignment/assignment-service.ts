import type { Agent } from '../../shared/domain/agent.js';
import type { ConversationSummary } from '../../shared/domain/conversation.js';
import type { AccountService } from '../accounts/account-service.js';
import type { ConversationService } from '../conversations/conversation-service.js';
import { canSee } from '../conversations/visibility.js';
import type { DomainEvents } from '../domain-events.js';
import { AppError, notFound } from '../kit/app-error.js';
import type { ConversationStore, StoreTransaction } from '../storage/conversation-store.js';
import { assigneeText, systemLine } from '../workflow/system-lines.js';
import { withWaiting } from '../workflow/waiting.js';
import { checkAssign } from './rules.js';

export interface AssignmentServiceDeps {
  store: ConversationStore;
  conversations: ConversationService;
  accounts: AccountService;
  events: DomainEvents;
  now: () => number;
}

/** Who answers a conversation: assigning, claiming and handing back; each change is a system line. */
export class AssignmentService {
  constructor(private readonly deps: AssignmentServiceDeps) {}

  async assign(agent: Agent, id: string, to: string | null): Promise<ConversationSummary> {
    this.deps.conversations.requireVisible(agent, id);
    const target = to === null ? null : this.deps.accounts.getAgent(to);
    if (to !== null && !target) throw new AppError('BAD_REQUEST', `No agent with id ${to}`);
    if (target && !target.active) throw new AppError('BAD_REQUEST', `${target.name} is deactivated`);
    // The rules are checked against the conversation as it is under the lock, not as it was read above.
    return this.deps.store.transaction([id], async (tx) => {
      const current = tx.get(id);
      if (!canSee(agent, current)) throw notFound('Conversation');
      checkAssign(agent, current, to);
      if (current.assigneeId === to) return current;
      const text = assigneeText(agent.name, agent.id, current.assigneeId, target ?? null, false);
      return this.change(tx, id, agent.id, target ?? null, text);
    });
  }

  /**
   * Auto-assignment's move: gives a chat that still waits to `to`; null when it no longer waits
   * (someone took it meanwhile, or it was resolved).
   */
  async assignAutomatically(id: string, to: Agent): Promise<ConversationSummary | null> {
    return this.deps.store.transaction([id], async (tx) => {
      const current = tx.get(id);
      if (current.assigneeId !== null || current.status !== 'open') return null;
      return this.change(tx, id, null, to, assigneeTextAuto(to));
    });
  }

  private async change(
    tx: StoreTransaction,
    id: string,
    authorId: string | null,
    to: Pick<Agent, 'id' | 'name'> | null,
    text: string,
  ): Promise<ConversationSummary> {
    const now = this.deps.now();
    const { before } = tx.updateConversation(id, (c) => withWaiting({ ...c, assigneeId: to?.id ?? null }, now));
    const line = await tx.appendMessage(
      id,
      systemLine({
        conversationId: id,
        authorId,
        content: {
          event: 'assignee_changed',
          from: before.assigneeId,
          to: to?.id ?? null,
          ...(authorId === null ? { cause: 'auto_assigned' as const } : {}),
        },
        text,
        at: now,
      }),
      (c) => c,
      { activity: false },
    );
    tx.afterCommit(() => {
      // First the move (who may see it changed), then the line, to the new audience.
      this.deps.events.publish({ type: 'conversation.changed', conversation: line.conversation, before });
      this.deps.events.publish({ type: 'message.created', conversation: line.conversation, message: line.message });
    });
    return line.conversation;
  }
}

const assigneeTextAuto = (to: Pick<Agent, 'id' | 'name'>): string => assigneeText(null, null, null, to, true);
