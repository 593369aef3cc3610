import type { FastifyRequest } from 'fastify';
import type { Agent } from '../../shared/domain/agent.js';
import type { AuthService } from '../auth/auth-service.js';
import { AppError } from './app-error.js';

export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match?.[1];
}

export function authenticate(auth: AuthService, request: FastifyRequest): Agent {
  return auth.authenticate(bearerToken(request.headers.authorization));
}

export function requireSupervisor(agent: Agent): void {
  if (agent.role !== 'supervisor') throw new AppError('FORBIDDEN', 'Only a supervisor can do this');
}
