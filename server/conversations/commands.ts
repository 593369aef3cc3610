import type { FeatureHandlers } from '../realtime/caller.js';
import type { ConversationService } from './conversation-service.js';

export function conversationHandlers(conversations: ConversationService): FeatureHandlers<'conversation:markRead'> {
  return {
    'conversation:markRead': async ({ conversationId }, { agent }) => ({
      conversation: await conversations.markRead(agent, conversationId),
    }),
  };
}
