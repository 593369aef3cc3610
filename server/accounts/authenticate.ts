import type { FastifyRequest } from 'fastify';
import type { Agent } from '../../shared/domain/agent.js';
import { AppError } from '../kit/app-error.js';
import type { AccountService } from './account-service.js';

export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match?.[1];
}

/** The agent behind the request's bearer token, or UNAUTHORIZED. */
export function authenticate(accounts: AccountService, request: FastifyRequest): Agent {
  return accounts.session(bearerToken(request.headers.authorization)).agent;
}

export function requireSupervisor(agent: Agent): void {
  if (agent.role !== 'supervisor') throw new AppError('FORBIDDEN', 'Only a supervisor can do this');
}
