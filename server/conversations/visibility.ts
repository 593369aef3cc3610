import type { Agent } from '../../shared/domain/agent.js';
import type { ConversationSummary } from '../../shared/domain/conversation.js';

/** An agent sees unassigned chats and their own; a supervisor sees all. */
export function canSee(agent: Agent, conversation: Pick<ConversationSummary, 'assigneeId'>): boolean {
  return agent.role === 'supervisor' || conversation.assigneeId === null || conversation.assigneeId === agent.id;
}
