import type { FeatureHandlers } from '../realtime/caller.js';
import type { ActivityService } from './activity-service.js';

export function activityHandlers(
  activity: ActivityService,
): FeatureHandlers<'conversation:viewing' | 'conversation:typing'> {
  return {
    'conversation:viewing': (p, { agent, socketId }) => {
      activity.view(agent, socketId, p.conversationId);
      return {};
    },
    'conversation:typing': (p, { agent, socketId }) => {
      activity.typing(agent, socketId, p.conversationId);
      return {};
    },
  };
}
