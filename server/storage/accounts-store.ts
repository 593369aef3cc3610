import { join } from 'node:path';
import { Low } from 'lowdb';
import { z } from 'zod';
import { AgentSchema, DEFAULT_CAPACITY, type Agent, type Presence } from '../../shared/domain/agent.js';
import { commit } from './commit.js';
import { DurableJsonFile, StorageCorruptError } from './durable-json-file.js';
import type { Quarantine } from './quarantine.js';

/** Presence is live state, never stored; files written before agents had a capacity get the default. */
export const StoredAgentSchema = AgentSchema.omit({ presence: true }).extend({
  active: z.boolean().default(true),
  capacity: AgentSchema.shape.capacity.default(DEFAULT_CAPACITY),
  passwordHash: z.string(),
  createdAt: z.iso.datetime(),
});
export type StoredAgent = z.infer<typeof StoredAgentSchema>;

/** Only a hash of each token is kept: a copied data folder hands out no sessions. */
export const SessionSchema = z.object({
  tokenHash: z.string(),
  agentId: z.string(),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
});
export type Session = z.infer<typeof SessionSchema>;

const AccountsFileSchema = z.object({ agents: z.array(StoredAgentSchema), sessions: z.array(SessionSchema) });
type AccountsFile = z.infer<typeof AccountsFileSchema>;

export function toAgent(stored: StoredAgent, presence: Presence): Agent {
  const { id, name, email, role, active, capacity } = stored;
  return { id, name, email, role, active, capacity, presence };
}

/** Agents and their sessions: one small file, rewritten whole (it grows with staff, not history). */
export class AccountsStore {
  private constructor(private readonly db: Low<AccountsFile>) {}

  /**
   * Opens `accounts.json`. One that cannot be read is set aside (quarantine) and the relay starts
   * with no accounts: the first supervisor is created again from ADMIN_EMAIL/ADMIN_PASSWORD.
   */
  static async open(dataDir: string, quarantine?: Quarantine): Promise<AccountsStore> {
    const file = new DurableJsonFile(join(dataDir, 'accounts.json'), AccountsFileSchema);
    const db = new Low(file, { agents: [], sessions: [] });
    try {
      await db.read();
    } catch (error) {
      if (!(error instanceof StorageCorruptError) || !quarantine) throw error;
      await quarantine.moveAside(file.path, error.message);
      db.data = { agents: [], sessions: [] };
    }
    return new AccountsStore(db);
  }

  listAgents(): StoredAgent[] {
    return this.db.data.agents;
  }

  getAgent(id: string): StoredAgent | undefined {
    return this.db.data.agents.find((agent) => agent.id === id);
  }

  findAgentByEmail(email: string): StoredAgent | undefined {
    const wanted = email.toLowerCase();
    return this.db.data.agents.find((agent) => agent.email.toLowerCase() === wanted);
  }

  async addAgent(agent: StoredAgent): Promise<void> {
    await commit(this.db, { ...this.db.data, agents: [...this.db.data.agents, agent] });
  }

  /** Changes one agent; `change` returns the agent as it should be stored. */
  async updateAgent(id: string, change: (agent: StoredAgent) => StoredAgent): Promise<StoredAgent | undefined> {
    const current = this.getAgent(id);
    if (!current) return undefined;
    const next = change(current);
    if (next === current) return current;
    await commit(this.db, { ...this.db.data, agents: this.db.data.agents.map((a) => (a.id === id ? next : a)) });
    return next;
  }

  /** Ends every session of the agent; returns their token hashes (to cut their sockets). */
  async removeSessionsOf(agentId: string): Promise<string[]> {
    const ended = this.db.data.sessions.filter((s) => s.agentId === agentId).map((s) => s.tokenHash);
    if (ended.length > 0) {
      const sessions = this.db.data.sessions.filter((s) => s.agentId !== agentId);
      await commit(this.db, { ...this.db.data, sessions });
    }
    return ended;
  }

  findSession(tokenHash: string): Session | undefined {
    return this.db.data.sessions.find((session) => session.tokenHash === tokenHash);
  }

  async removeSession(tokenHash: string): Promise<void> {
    const sessions = this.db.data.sessions.filter((s) => s.tokenHash !== tokenHash);
    if (sessions.length !== this.db.data.sessions.length) await commit(this.db, { ...this.db.data, sessions });
  }

  /** Adds a session and drops the expired ones in the same write. */
  async addSession(session: Session, now: number): Promise<void> {
    const live = this.db.data.sessions.filter((s) => Date.parse(s.expiresAt) > now);
    await commit(this.db, { ...this.db.data, sessions: [...live, session] });
  }
}
