import type { Agent } from '../../shared/domain/agent.js';
import type { CommandName, RelayCommands } from '../../shared/protocol/events.js';
import type { CommandHandlers } from '../kit/socket-commands.js';

/** Who sends a socket command: the agent as they are now (a role change applies at once). */
export interface Caller {
  readonly agent: Agent;
  /** The socket the command came on (live state such as viewing is kept per app). */
  readonly socketId: string;
}

/** Every relay command's handler; the relay must have one for each, checked at compile time. */
export type RelayHandlers = CommandHandlers<RelayCommands, Caller>;

/** The handlers one feature serves. */
export type FeatureHandlers<K extends CommandName> = Pick<RelayHandlers, K>;
