import type { Agent } from '../../shared/domain/agent.js';
import type { Settings } from '../../shared/domain/label.js';
import type { UpdateSettingsRequest } from '../../shared/protocol/labels.js';
import { requireSupervisor } from '../accounts/authenticate.js';
import type { DomainEvents } from '../domain-events.js';
import type { TeamStore } from '../storage/team-store.js';

/** The shop's settings: everyone reads them, supervisors change them. */
export class SettingsService {
  constructor(private readonly deps: { team: TeamStore; events: DomainEvents }) {}

  get(): Settings {
    return this.deps.team.data.settings;
  }

  async update(agent: Agent, request: UpdateSettingsRequest): Promise<Settings> {
    requireSupervisor(agent);
    const settings = await this.deps.team.update((data) => {
      const next: Settings = {
        ...data.settings,
        ...(request.autoAssign === undefined ? {} : { autoAssign: request.autoAssign }),
      };
      const same = next.autoAssign === data.settings.autoAssign;
      return { next: same ? data : { ...data, settings: next }, result: next };
    });
    this.deps.events.publish({ type: 'settings.changed', settings });
    return settings;
  }
}
