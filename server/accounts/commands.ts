import type { FeatureHandlers } from '../realtime/caller.js';
import type { AccountService } from './account-service.js';

export function accountHandlers(accounts: AccountService): FeatureHandlers<'presence:set'> {
  return {
    'presence:set': ({ status }, { agent }) => ({ agent: accounts.setPresence(agent, status) }),
  };
}
