import type { ConversationService } from '../conversations/conversation-service.js';
import type { FeatureHandlers } from '../realtime/caller.js';
import type { WorkflowService } from './workflow-service.js';

export function workflowHandlers(
  workflow: WorkflowService,
  conversations: ConversationService,
): FeatureHandlers<'conversation:setStatus'> {
  return {
    'conversation:setStatus': async ({ conversationId, status, snoozedUntil }, { agent }) => {
      const request = snoozedUntil === undefined ? { status } : { status, snoozedUntil };
      return { conversation: conversations.view(agent, await workflow.setStatus(agent, conversationId, request)) };
    },
  };
}
