import type { FeatureHandlers } from '../realtime/caller.js';
import type { MessageService } from './message-service.js';

export function messageHandlers(messages: MessageService): FeatureHandlers<'conversation:history' | 'message:send'> {
  return {
    'conversation:history': (p, { agent }) => messages.history(agent, p.conversationId, p.before, p.limit),
    'message:send': async (p, { agent }) => ({
      message: await messages.sendText(agent, p.conversationId, p.text, p.clientId, p.confirmAssignedToOther),
    }),
  };
}
