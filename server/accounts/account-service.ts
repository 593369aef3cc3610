import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DEFAULT_CAPACITY, type Agent, type ChosenPresence } from '../../shared/domain/agent.js';
import type { CreateAgentRequest, LoginResponse, UpdateAgentRequest } from '../../shared/protocol/accounts.js';
import type { DomainEvents } from '../domain-events.js';
import { AppError, notFound } from '../kit/app-error.js';
import { toAgent, type AccountsStore, type StoredAgent } from '../storage/accounts-store.js';
import { LoginThrottle } from './login-throttle.js';
import { hashPassword, verifyPassword } from './passwords.js';
import type { PresenceTracker } from './presence.js';

export const SESSION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('base64url');

// Compared against when the email is unknown, so a wrong email costs as long as a wrong password.
const decoyHash = hashPassword('decoy password that matches nothing');

export interface AccountServiceDeps {
  accounts: AccountsStore;
  events: DomainEvents;
  presence: PresenceTracker;
  now: () => number;
}

/** Agents and their sessions: sign-in, sign-out, who a token belongs to, managing agents, presence. */
export class AccountService {
  private readonly throttle = new LoginThrottle();

  constructor(private readonly deps: AccountServiceDeps) {
    // Everyone sees a colleague come online, go away or leave.
    deps.presence.subscribe((agentId) => {
      const agent = this.getAgent(agentId);
      if (agent) deps.events.publish({ type: 'agent.changed', agent });
    });
  }

  async login(email: string, password: string): Promise<LoginResponse> {
    // Checked before any hashing: a locked-out email costs no scrypt.
    await this.throttle.check(email);
    const stored = this.deps.accounts.findAgentByEmail(email);
    const valid = await verifyPassword(password, stored?.passwordHash ?? (await decoyHash));
    if (!stored || !valid) {
      await this.throttle.failed(email);
      throw new AppError('UNAUTHORIZED', 'Wrong email or password');
    }
    await this.throttle.succeeded(email);
    if (!stored.active) throw new AppError('UNAUTHORIZED', 'This account has been deactivated: ask a supervisor');
    const token = randomBytes(32).toString('base64url');
    const now = this.deps.now();
    const expiresAt = new Date(now + SESSION_TTL_MS).toISOString();
    await this.deps.accounts.addSession(
      { tokenHash: hashToken(token), agentId: stored.id, createdAt: new Date(now).toISOString(), expiresAt },
      now,
    );
    return { token, expiresAt, agent: this.view(stored) };
  }

  /** Ends the session of this token at once, on every socket it opened; an unknown token is already gone. */
  async logout(token: string): Promise<void> {
    const tokenHash = hashToken(token);
    await this.deps.accounts.removeSession(tokenHash);
    this.deps.events.publish({ type: 'session.ended', tokenHash, reason: 'You signed out' });
  }

  /** The agent and when their session ends, or UNAUTHORIZED. */
  session(token: string | undefined): { agent: Agent; expiresAt: number } {
    const session = token ? this.deps.accounts.findSession(hashToken(token)) : undefined;
    if (!session || Date.parse(session.expiresAt) <= this.deps.now()) {
      throw new AppError('UNAUTHORIZED', 'Sign in first: the token is missing, unknown or expired');
    }
    const agent = this.deps.accounts.getAgent(session.agentId);
    if (!agent?.active) throw new AppError('UNAUTHORIZED', 'This account no longer exists or was deactivated');
    return { agent: this.view(agent), expiresAt: Date.parse(session.expiresAt) };
  }

  async createAgent(request: CreateAgentRequest): Promise<Agent> {
    const taken = () => new AppError('CONFLICT', `An account with the email ${request.email} already exists`);
    if (this.deps.accounts.findAgentByEmail(request.email)) throw taken();
    const passwordHash = await hashPassword(request.password);
    // Checked again after the await: two requests for one email may have raced through the first check.
    if (this.deps.accounts.findAgentByEmail(request.email)) throw taken();
    const stored: StoredAgent = {
      id: randomUUID(),
      name: request.name,
      email: request.email,
      role: request.role,
      active: true,
      capacity: request.capacity ?? DEFAULT_CAPACITY,
      passwordHash,
      createdAt: new Date(this.deps.now()).toISOString(),
    };
    await this.deps.accounts.addAgent(stored);
    const agent = this.view(stored);
    this.deps.events.publish({ type: 'agent.changed', agent });
    return agent;
  }

  /**
   * A supervisor changes an agent. Deactivating or a new password ends every session of theirs at
   * once (their sockets are cut); the shop always keeps one active supervisor.
   */
  async updateAgent(id: string, patch: UpdateAgentRequest): Promise<Agent> {
    const current = this.deps.accounts.getAgent(id);
    if (!current) throw notFound('Agent');
    const passwordHash = patch.password === undefined ? undefined : await hashPassword(patch.password);
    let before: Agent | undefined;
    const stored = await this.deps.accounts.updateAgent(id, (agent) => {
      before = this.view(agent);
      const next: StoredAgent = {
        ...agent,
        ...(patch.name === undefined ? {} : { name: patch.name }),
        ...(patch.role === undefined ? {} : { role: patch.role }),
        ...(patch.capacity === undefined ? {} : { capacity: patch.capacity }),
        ...(patch.active === undefined ? {} : { active: patch.active }),
        ...(passwordHash === undefined ? {} : { passwordHash }),
      };
      const leavesSupervisors =
        agent.role === 'supervisor' && agent.active && (next.role !== 'supervisor' || !next.active);
      if (leavesSupervisors && this.activeSupervisors() <= 1) {
        throw new AppError('CONFLICT', 'The shop needs at least one active supervisor');
      }
      const same =
        next.name === agent.name &&
        next.role === agent.role &&
        next.capacity === agent.capacity &&
        next.active === agent.active &&
        next.passwordHash === agent.passwordHash;
      return same ? agent : next;
    });
    if (!stored) throw notFound('Agent');
    if (!stored.active || passwordHash !== undefined) {
      const reason = stored.active ? 'Your password was changed: sign in again' : 'Your account was deactivated';
      for (const tokenHash of await this.deps.accounts.removeSessionsOf(id)) {
        this.deps.events.publish({ type: 'session.ended', tokenHash, reason });
      }
      if (!stored.active) this.deps.presence.forget(id);
    }
    const agent = this.view(stored);
    if (before && JSON.stringify(before) !== JSON.stringify(agent)) {
      this.deps.events.publish({ type: 'agent.changed', agent, before });
    }
    return agent;
  }

  /** The agent's own online/away choice. */
  setPresence(agent: Agent, status: ChosenPresence): Agent {
    this.deps.presence.choose(agent.id, status);
    return this.getAgent(agent.id) ?? agent;
  }

  listAgents(): Agent[] {
    return this.deps.accounts.listAgents().map((stored) => this.view(stored));
  }

  getAgent(id: string): Agent | undefined {
    const stored = this.deps.accounts.getAgent(id);
    return stored && this.view(stored);
  }

  private activeSupervisors(): number {
    return this.deps.accounts.listAgents().filter((a) => a.role === 'supervisor' && a.active).length;
  }

  private view(stored: StoredAgent): Agent {
    return toAgent(stored, stored.active ? this.deps.presence.of(stored.id) : 'offline');
  }
}
