import type { Agent } from '../../shared/domain/agent.js';
import type { RelayHealth } from '../../shared/protocol/health.js';
import type { DomainEvents } from '../domain-events.js';
import type { Quarantine } from '../storage/quarantine.js';
import type { WriteState } from '../storage/conversation-store.js';

/** Whether the relay can write, and the files it set aside, for the screens that show it. */
export class HealthService {
  private writes: WriteState = 'ok';

  constructor(private readonly deps: { quarantine: Quarantine; events: DomainEvents }) {
    deps.quarantine.onChange(() => {
      this.announce();
    });
  }

  /** The store's writes failed, or work again. */
  writesAre(state: WriteState): void {
    if (state === this.writes) return;
    this.writes = state;
    this.announce();
  }

  current(): RelayHealth {
    return { writes: this.writes, quarantined: this.deps.quarantine.list() };
  }

  /** What this agent is told: which files were set aside is for supervisors. */
  viewFor(agent: Agent): RelayHealth {
    const health = this.current();
    return agent.role === 'supervisor' ? health : { ...health, quarantined: [] };
  }

  private announce(): void {
    this.deps.events.publish({ type: 'health.changed', health: this.current() });
  }
}
