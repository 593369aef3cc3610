import type { RelayHealth } from '../../shared/protocol/health.js';
import type { InboxAction, InboxState } from '../inbox/inbox-store';

/* The relay's own health: whether it can store (if not, sending is paused) and the files it set aside. */

export type HealthState = RelayHealth;

export const initialHealthState: HealthState = { writes: 'ok', quarantined: [] };

export function reduceHealth(state: HealthState, action: InboxAction): HealthState {
  switch (action.type) {
    case 'inbox:synced':
      return action.snapshot.health;
    case 'relay:health':
      return action.event;
    default:
      return state;
  }
}

/** The relay cannot write to its disk: nothing new can be stored, so nothing can be sent. */
export const selectSendingPaused = (state: InboxState): boolean => state.health.writes === 'failing';
export const selectQuarantined = (state: InboxState): HealthState['quarantined'] => state.health.quarantined;
