import type { AccountService } from '../accounts/account-service.js';
import type { ActivityService } from '../activity/activity-service.js';
import type { ConversationService } from '../conversations/conversation-service.js';
import type { HealthService } from '../health/health-service.js';
import type { FeatureHandlers } from '../realtime/caller.js';

/** The catch-up a client asks for at every (re)connect: everything the caller may see, in one answer. */
export function inboxHandlers(deps: {
  accounts: AccountService;
  conversations: ConversationService;
  health: HealthService;
  activity: ActivityService;
}): FeatureHandlers<'inbox:sync'> {
  return {
    'inbox:sync': (_payload, { agent }) => ({
      me: agent,
      agents: deps.accounts.listAgents(),
      conversations: deps.conversations.listVisible(agent),
      health: deps.health.viewFor(agent),
      activity: deps.activity.visibleTo(agent),
    }),
  };
}
