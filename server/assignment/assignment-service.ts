import type { Agent } from '../../shared/domain/agent.js';
import type { ConversationSummary } from '../../shared/domain/conversation.js';
import type { AccountService } from '../accounts/account-service.js';
import type { ConversationService } from '../conversations/conversation-service.js';
import { canSee } from '../conversations/visibility.js';
import type { DomainEvents } from '../domain-events.js';
import { AppError, notFound } from '../kit/app-error.js';
import type { ConversationStore } from '../storage/conversation-store.js';
import { checkAssign } from './rules.js';

export interface AssignmentServiceDeps {
  store: ConversationStore;
  conversations: ConversationService;
  accounts: AccountService;
  events: DomainEvents;
}

/** Who answers a conversation: assigning, claiming and handing back. */
export class AssignmentService {
  constructor(private readonly deps: AssignmentServiceDeps) {}

  async assign(agent: Agent, id: string, to: string | null): Promise<ConversationSummary> {
    this.deps.conversations.requireVisible(agent, id);
    if (to !== null && !this.deps.accounts.getAgent(to)) throw new AppError('BAD_REQUEST', `No agent with id ${to}`);
    // The rules are checked against the conversation as it is under the lock, not as it was read above.
    const { before, after } = await this.deps.store.updateConversation(id, (c) => {
      if (!canSee(agent, c)) throw notFound('Conversation');
      checkAssign(agent, c, to);
      return c.assigneeId === to ? c : { ...c, assigneeId: to };
    });
    if (after !== before) this.deps.events.publish({ type: 'conversation.changed', conversation: after, before });
    return after;
  }
}
