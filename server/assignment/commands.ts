import type { ConversationService } from '../conversations/conversation-service.js';
import type { FeatureHandlers } from '../realtime/caller.js';
import type { AssignmentService } from './assignment-service.js';

export function assignmentHandlers(
  assignment: AssignmentService,
  conversations: ConversationService,
): FeatureHandlers<'conversation:assign'> {
  return {
    'conversation:assign': async (p, { agent }) => ({
      conversation: conversations.view(agent, await assignment.assign(agent, p.conversationId, p.agentId)),
    }),
  };
}
