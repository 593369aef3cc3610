import type { ChosenPresence, Presence } from '../../shared/domain/agent.js';

/*
 * Who is there, in memory (presence is live state, never stored): an agent is `online` while at
 * least one of their apps is connected, `away` if they chose it, and `offline` once every app has
 * been closed for the grace period (a reload or a short network drop does not flicker them offline).
 * Going offline forgets `away`: the next start of the app is a new day.
 */

interface AgentPresence {
  sockets: number;
  away: boolean;
  /** Shown as there (online or away): true while connected and during the grace period after. */
  live: boolean;
  grace: NodeJS.Timeout | null;
}

export type PresenceListener = (agentId: string, presence: Presence) => void;

export class PresenceTracker {
  private readonly agents = new Map<string, AgentPresence>();
  private readonly listeners = new Set<PresenceListener>();

  constructor(private readonly graceMs: number) {}

  of(agentId: string): Presence {
    const state = this.agents.get(agentId);
    if (!state?.live) return 'offline';
    return state.away ? 'away' : 'online';
  }

  /** Told of every change of anyone's presence (after it happened). Returns the unsubscribe. */
  subscribe(listener: PresenceListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  connected(agentId: string): void {
    this.change(agentId, (state) => {
      state.sockets++;
      this.clearGrace(state);
      state.live = true;
    });
  }

  disconnected(agentId: string): void {
    this.change(agentId, (state) => {
      state.sockets = Math.max(0, state.sockets - 1);
      if (state.sockets === 0) this.armGrace(agentId, state);
    });
  }

  /**
   * The agent's own choice. Said without any app connected (a REST client), it counts as a sign of
   * life: they show as chosen for the grace period.
   */
  choose(agentId: string, status: ChosenPresence): void {
    this.change(agentId, (state) => {
      state.away = status === 'away';
      if (state.sockets === 0) {
        state.live = true;
        this.armGrace(agentId, state);
      }
    });
  }

  /** Forgets the agent at once (deactivated): offline now, no grace. */
  forget(agentId: string): void {
    this.change(agentId, (state) => {
      this.clearGrace(state);
      state.live = false;
      state.away = false;
    });
  }

  close(): void {
    for (const state of this.agents.values()) this.clearGrace(state);
  }

  private change(agentId: string, work: (state: AgentPresence) => void): void {
    const before = this.of(agentId);
    let state = this.agents.get(agentId);
    if (!state) {
      state = { sockets: 0, away: false, live: false, grace: null };
      this.agents.set(agentId, state);
    }
    work(state);
    const after = this.of(agentId);
    if (after !== before) for (const listener of this.listeners) listener(agentId, after);
  }

  private armGrace(agentId: string, state: AgentPresence): void {
    this.clearGrace(state);
    state.grace = setTimeout(() => {
      this.change(agentId, (s) => {
        s.grace = null;
        if (s.sockets > 0) return;
        s.live = false;
        s.away = false;
      });
    }, this.graceMs);
    state.grace.unref();
  }

  private clearGrace(state: AgentPresence): void {
    if (state.grace) clearTimeout(state.grace);
    state.grace = null;
  }
}
