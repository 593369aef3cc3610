import type { Agent } from '../../shared/domain/agent.js';
import type { ConversationSummary } from '../../shared/domain/conversation.js';
import { AppError } from '../kit/app-error.js';

/**
 * Who may move a chat to whom: a supervisor anyone anywhere; an agent may claim an unassigned chat
 * for themselves or hand their own back. Throws FORBIDDEN with the reason otherwise.
 */
export function checkAssign(agent: Agent, conversation: ConversationSummary, to: string | null): void {
  if (agent.role === 'supervisor') return;
  if (to === agent.id && conversation.assigneeId === null) return;
  if (to === null && conversation.assigneeId === agent.id) return;
  if (to !== null && to !== agent.id)
    throw new AppError('FORBIDDEN', 'Only a supervisor can assign a chat to someone else');
  throw new AppError('FORBIDDEN', 'An agent can only claim an unassigned chat or hand back their own');
}
