import type { Agent } from '../../shared/domain/agent.js';
import type { ConversationSummary } from '../../shared/domain/conversation.js';
import type { AccountService } from '../accounts/account-service.js';
import type { DomainEvent, DomainEvents } from '../domain-events.js';
import type { SettingsService } from '../settings/settings-service.js';
import type { ConversationStore } from '../storage/conversation-store.js';
import type { TeamStore } from '../storage/team-store.js';
import type { AssignmentService } from './assignment-service.js';

export interface AutoAssignerDeps {
  store: ConversationStore;
  accounts: AccountService;
  assignment: AssignmentService;
  settings: SettingsService;
  events: DomainEvents;
  /** Where the turns are kept across restarts. */
  team: Pick<TeamStore, 'data' | 'update'>;
}

/** Turns are written at most this often: losing the last second of them in a crash only costs fairness. */
const SAVE_TURNS_AFTER_MS = 1_000;

/** Counts toward an agent's capacity: their assigned chats that are open or pending, however assigned. */
const isLoad = (c: ConversationSummary): boolean =>
  c.assigneeId !== null && (c.status === 'open' || c.status === 'pending');

/**
 * Round-robin with capacity. With `autoAssign` on, every chat waiting in Unassigned (oldest first)
 * goes to the online agent (role agent, not away, active) under capacity who has waited longest since
 * their last assignment; when nobody is available the chat keeps waiting and is given out as soon as
 * someone is: an agent comes online or back from away, resolves or hands over a chat, gets a higher
 * capacity, or the setting is switched on.
 *
 * The queue and each agent's load are indexes kept from the domain events (and read from the metas
 * at start), so a pass costs the queue and the agents, never a scan of every conversation. When an
 * agent was last assigned is kept in `team.json` (written a second after a change, and at close), so
 * a restart does not start everyone equal again.
 */
export class AutoAssigner {
  private readonly waiting = new Map<string, string>();
  private readonly loads = new Map<string, Set<string>>();
  private readonly assigneeOf = new Map<string, string>();
  /** Per agent, the order of their last assignment (a counter, so two in one millisecond still differ). */
  private readonly lastAssigned = new Map<string, number>();
  private assignments = 0;
  private running: Promise<void> | null = null;
  private saveTimer: ReturnType<typeof setTimeout> | null = null;
  private saving: Promise<void> = Promise.resolve();
  /** How many passes were asked for; a pass covers every request made before it started. */
  private requested = 0;

  constructor(private readonly deps: AutoAssignerDeps) {
    for (const [agentId, turn] of Object.entries(deps.team.data.turns)) {
      this.lastAssigned.set(agentId, turn);
      this.assignments = Math.max(this.assignments, turn);
    }
    for (const conversation of deps.store.list()) this.track(conversation);
    deps.events.subscribe((event) => {
      this.onEvent(event);
    });
  }

  /** Waits for passes, then writes the turns not yet saved (the relay's close). */
  async close(): Promise<void> {
    await this.idle();
    if (this.saveTimer) {
      clearTimeout(this.saveTimer);
      this.saveTimer = null;
      this.save();
    }
    await this.saving;
  }

  /** Resolves once no pass is running (tests, benchmark). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Asks for a pass; passes never overlap, and one asked for during a pass runs right after it. */
  schedule(): void {
    this.requested++;
    if (this.running) return;
    this.running = (async () => {
      for (let covered = 0; covered < this.requested;) {
        covered = this.requested;
        await this.pass().catch(() => undefined); // a refused write: the next event tries again
      }
    })().finally(() => {
      this.running = null;
    });
  }

  private onEvent(event: DomainEvent): void {
    if ('conversation' in event) {
      const { conversation } = event;
      if (event.type === 'conversation.changed' && conversation.assigneeId !== null) {
        if (event.before?.assigneeId !== conversation.assigneeId) {
          this.lastAssigned.set(conversation.assigneeId, ++this.assignments);
          this.saveSoon();
        }
      }
      this.track(conversation);
    }
    if (
      event.type === 'message.created' ||
      event.type === 'conversation.changed' ||
      event.type === 'agent.changed' ||
      event.type === 'settings.changed'
    ) {
      if (this.deps.settings.get().autoAssign && this.waiting.size > 0) this.schedule();
    }
  }

  private saveSoon(): void {
    if (this.saveTimer) return;
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null;
      this.save();
    }, SAVE_TURNS_AFTER_MS);
    this.saveTimer.unref();
  }

  /** A refused write leaves the turns in memory; the next assignment tries again. */
  private save(): void {
    const turns = Object.fromEntries(this.lastAssigned);
    this.saving = this.deps.team
      .update((data) => ({ next: { ...data, turns }, result: undefined }))
      .catch(() => undefined);
  }

  private track(conversation: ConversationSummary): void {
    const { id } = conversation;
    if (conversation.waitingSince !== null) this.waiting.set(id, conversation.waitingSince);
    else this.waiting.delete(id);
    const previous = this.assigneeOf.get(id);
    const now = isLoad(conversation) ? conversation.assigneeId : null;
    if (previous === now) return;
    if (previous !== undefined) this.loads.get(previous)?.delete(id);
    if (now === null) {
      this.assigneeOf.delete(id);
      return;
    }
    this.assigneeOf.set(id, now);
    const load = this.loads.get(now) ?? new Set<string>();
    load.add(id);
    this.loads.set(now, load);
  }

  private loadOf(agentId: string): number {
    return this.loads.get(agentId)?.size ?? 0;
  }

  /** The agent next in turn, or null when nobody can take a chat now. */
  private nextAgent(): Agent | null {
    let best: Agent | null = null;
    for (const agent of this.deps.accounts.listAgents()) {
      if (!agent.active || agent.role !== 'agent' || agent.presence !== 'online') continue;
      if (this.loadOf(agent.id) >= agent.capacity) continue;
      if (!best) {
        best = agent;
        continue;
      }
      const waited = (this.lastAssigned.get(agent.id) ?? 0) - (this.lastAssigned.get(best.id) ?? 0);
      if (waited < 0 || (waited === 0 && agent.name.localeCompare(best.name) < 0)) best = agent;
    }
    return best;
  }

  private async pass(): Promise<void> {
    if (!this.deps.settings.get().autoAssign) return;
    const queue = [...this.waiting].sort(([a, at], [b, bt]) => (at < bt ? -1 : at > bt ? 1 : a < b ? -1 : 1));
    for (const [id] of queue) {
      const agent = this.nextAgent();
      if (!agent) return;
      // The events of the move update the queue, the load and the agent's turn before this resolves.
      const assigned = await this.deps.assignment.assignAutomatically(id, agent);
      if (!assigned) this.waiting.delete(id);
    }
  }
}
