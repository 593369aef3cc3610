import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Agent } from '../../shared/domain/agent.js';
import type { CreateAgentRequest, LoginResponse } from '../../shared/protocol/accounts.js';
import type { DomainEvents } from '../domain-events.js';
import { AppError } from '../kit/app-error.js';
import { toAgent, type AccountsStore } from '../storage/accounts-store.js';
import { LoginThrottle } from './login-throttle.js';
import { hashPassword, verifyPassword } from './passwords.js';

export const SESSION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('base64url');

// Compared against when the email is unknown, so a wrong email costs as long as a wrong password.
const decoyHash = hashPassword('decoy password that matches nothing');

export interface AccountServiceDeps {
  accounts: AccountsStore;
  events: DomainEvents;
  now: () => number;
}

/** Agents and their sessions: sign-in, sign-out, who a token belongs to, and creating agents. */
export class AccountService {
  private readonly throttle = new LoginThrottle();

  constructor(private readonly deps: AccountServiceDeps) {}

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
    const token = randomBytes(32).toString('base64url');
    const now = this.deps.now();
    const expiresAt = new Date(now + SESSION_TTL_MS).toISOString();
    await this.deps.accounts.addSession(
      { tokenHash: hashToken(token), agentId: stored.id, createdAt: new Date(now).toISOString(), expiresAt },
      now,
    );
    return { token, expiresAt, agent: toAgent(stored) };
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
    if (!agent) throw new AppError('UNAUTHORIZED', 'This account no longer exists');
    return { agent: toAgent(agent), expiresAt: Date.parse(session.expiresAt) };
  }

  async createAgent(request: CreateAgentRequest): Promise<Agent> {
    const taken = () => new AppError('CONFLICT', `An account with the email ${request.email} already exists`);
    if (this.deps.accounts.findAgentByEmail(request.email)) throw taken();
    const passwordHash = await hashPassword(request.password);
    // Checked again after the await: two requests for one email may have raced through the first check.
    if (this.deps.accounts.findAgentByEmail(request.email)) throw taken();
    const stored = {
      id: randomUUID(),
      name: request.name,
      email: request.email,
      role: request.role,
      passwordHash,
      createdAt: new Date(this.deps.now()).toISOString(),
    };
    await this.deps.accounts.addAgent(stored);
    return toAgent(stored);
  }

  listAgents(): Agent[] {
    return this.deps.accounts.listAgents().map(toAgent);
  }

  getAgent(id: string): Agent | undefined {
    const stored = this.deps.accounts.getAgent(id);
    return stored && toAgent(stored);
  }
}
