import { SNAPSHOT_CONVERSATIONS } from '../../shared/protocol/inbox.js';
import type { AccountService } from '../accounts/account-service.js';
import type { ActivityService } from '../activity/activity-service.js';
import type { ConversationService } from '../conversations/conversation-service.js';
import type { HealthService } from '../health/health-service.js';
import type { FeatureHandlers } from '../realtime/caller.js';
import { pageAfter } from './list-pages.js';

/** The catch-up a client asks for at every (re)connect: the first screen at once, the rest in pages. */
export function inboxHandlers(deps: {
  accounts: AccountService;
  conversations: ConversationService;
  health: HealthService;
  activity: ActivityService;
}): FeatureHandlers<'inbox:sync' | 'inbox:page'> {
  return {
    'inbox:sync': (_payload, { agent }) => ({
      me: agent,
      agents: deps.accounts.listAgents(),
      ...pageAfter(deps.conversations.listVisible(agent), null, SNAPSHOT_CONVERSATIONS),
      health: deps.health.viewFor(agent),
      activity: deps.activity.visibleTo(agent),
    }),
    'inbox:page': ({ after, limit }, { agent }) => pageAfter(deps.conversations.listVisible(agent), after, limit),
  };
}
