import type { ConversationService } from '../conversations/conversation-service.js';
import type { FeatureHandlers } from '../realtime/caller.js';
import type { SettingsService } from '../settings/settings-service.js';
import type { LabelService } from './label-service.js';

export function labelHandlers(
  labels: LabelService,
  settings: SettingsService,
  conversations: ConversationService,
): FeatureHandlers<'conversation:setLabels' | 'labels:list' | 'settings:get'> {
  return {
    'conversation:setLabels': async ({ conversationId, labelIds }, { agent }) => ({
      conversation: conversations.view(agent, await labels.setConversationLabels(agent, conversationId, labelIds)),
    }),
    'labels:list': () => ({ labels: labels.list() }),
    'settings:get': () => ({ settings: settings.get() }),
  };
}
