import type { Agent } from '../../shared/domain/agent.js';
import type { InboxAction, InboxState } from '../inbox/inbox-store';

/* Who is signed in and who the colleagues are, as the last sync said. */

export interface AccountsState {
  me: Agent | null;
  agents: readonly Agent[];
  agentsById: ReadonlyMap<string, Agent>;
}

export const initialAccountsState: AccountsState = { me: null, agents: [], agentsById: new Map() };

export function reduceAccounts(state: AccountsState, action: InboxAction): AccountsState {
  switch (action.type) {
    case 'inbox:synced': {
      const { me, agents } = action.snapshot;
      return { me, agents, agentsById: new Map(agents.map((agent) => [agent.id, agent])) };
    }
    case 'agent:upsert': {
      const agent = action.event;
      const known = state.agentsById.has(agent.id);
      const agents = known ? state.agents.map((a) => (a.id === agent.id ? agent : a)) : [...state.agents, agent];
      const agentsById = new Map(state.agentsById).set(agent.id, agent);
      return { me: state.me?.id === agent.id ? agent : state.me, agents, agentsById };
    }
    default:
      return state;
  }
}

export const selectMe = (state: InboxState): Agent | null => state.accounts.me;
export const selectMeId = (state: InboxState): string | null => state.accounts.me?.id ?? null;
export const selectAgents = (state: InboxState): readonly Agent[] => state.accounts.agents;
export const selectAgentsById = (state: InboxState): ReadonlyMap<string, Agent> => state.accounts.agentsById;
