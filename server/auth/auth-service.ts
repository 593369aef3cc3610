import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Agent } from '../../shared/domain/agent.js';
import type { CreateAgentRequest, LoginResponse } from '../../shared/protocol/accounts.js';
import { AppError } from '../kit/app-error.js';
import { toAgent, type AccountsStore } from '../storage/accounts-store.js';
import { hashPassword, verifyPassword } from './passwords.js';

export const SESSION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('base64url');

// Compared against when the email is unknown, so a wrong email costs as long as a wrong password.
const decoyHash = hashPassword('decoy password that matches nothing');

export class AuthService {
  constructor(
    private readonly accounts: AccountsStore,
    private readonly now: () => number,
  ) {}

  async login(email: string, password: string): Promise<LoginResponse> {
    const stored = this.accounts.findAgentByEmail(email);
    const valid = await verifyPassword(password, stored?.passwordHash ?? (await decoyHash));
    if (!stored || !valid) throw new AppError('UNAUTHORIZED', 'Wrong email or password');
    const token = randomBytes(32).toString('base64url');
    const now = this.now();
    const expiresAt = new Date(now + SESSION_TTL_MS).toISOString();
    await this.accounts.addSession(
      { tokenHash: hashToken(token), agentId: stored.id, createdAt: new Date(now).toISOString(), expiresAt },
      now,
    );
    return { token, expiresAt, agent: toAgent(stored) };
  }

  /** Ends the session of this token at once (signing out); an unknown token is already gone. */
  async logout(token: string | undefined): Promise<void> {
    if (token) await this.accounts.removeSession(hashToken(token));
  }

  /** The agent a bearer token belongs to, or UNAUTHORIZED. */
  authenticate(token: string | undefined): Agent {
    return this.session(token).agent;
  }

  /** The agent and when their session ends. */
  session(token: string | undefined): { agent: Agent; expiresAt: number } {
    const session = token ? this.accounts.findSession(hashToken(token)) : undefined;
    if (!session || Date.parse(session.expiresAt) <= this.now()) {
      throw new AppError('UNAUTHORIZED', 'Sign in first: the token is missing, unknown or expired');
    }
    const agent = this.accounts.getAgent(session.agentId);
    if (!agent) throw new AppError('UNAUTHORIZED', 'This account no longer exists');
    return { agent: toAgent(agent), expiresAt: Date.parse(session.expiresAt) };
  }

  async createAgent(request: CreateAgentRequest): Promise<Agent> {
    if (this.accounts.findAgentByEmail(request.email)) {
      throw new AppError('CONFLICT', `An account with the email ${request.email} already exists`);
    }
    const passwordHash = await hashPassword(request.password);
    // Checked again after the await: two requests for one email may have raced through the first check.
    if (this.accounts.findAgentByEmail(request.email)) {
      throw new AppError('CONFLICT', `An account with the email ${request.email} already exists`);
    }
    const stored = {
      id: randomUUID(),
      name: request.name,
      email: request.email,
      role: request.role,
      passwordHash,
      createdAt: new Date(this.now()).toISOString(),
    };
    await this.accounts.addAgent(stored);
    return toAgent(stored);
  }

  listAgents(): Agent[] {
    return this.accounts.listAgents().map(toAgent);
  }

  getAgent(id: string): Agent | undefined {
    const stored = this.accounts.getAgent(id);
    return stored && toAgent(stored);
  }
}
