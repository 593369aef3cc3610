import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  AgentIdSchema,
  CreateAgentRequestSchema,
  LoginRequestSchema,
  PresenceRequestSchema,
  UpdateAgentRequestSchema,
} from '../../shared/protocol/accounts.js';
import { parseInput } from '../kit/parse-input.js';
import type { AccountService } from './account-service.js';
import { authenticate, bearerToken, requireSupervisor } from './authenticate.js';

export function registerAccountRoutes(app: FastifyInstance, accounts: AccountService): void {
  app.post('/api/v1/auth/login', async (request) => {
    const { email, password } = parseInput(LoginRequestSchema, request.body, 'sign-in');
    return accounts.login(email, password);
  });

  app.post('/api/v1/auth/logout', async (request, reply) => {
    authenticate(accounts, request);
    await accounts.logout(bearerToken(request.headers.authorization) ?? '');
    return reply.code(204).send();
  });

  app.get('/api/v1/agents', async (request) => {
    authenticate(accounts, request);
    return { agents: accounts.listAgents() };
  });

  app.post('/api/v1/agents', async (request, reply) => {
    requireSupervisor(authenticate(accounts, request));
    const agent = await accounts.createAgent(parseInput(CreateAgentRequestSchema, request.body, 'agent'));
    return reply.code(201).send({ agent });
  });

  app.patch('/api/v1/agents/:id', async (request) => {
    requireSupervisor(authenticate(accounts, request));
    const { id } = parseInput(z.object({ id: AgentIdSchema }), request.params, 'path');
    const patch = parseInput(UpdateAgentRequestSchema, request.body, 'agent change');
    return { agent: await accounts.updateAgent(id, patch) };
  });

  app.put('/api/v1/me/presence', async (request) => {
    const agent = authenticate(accounts, request);
    const { status } = parseInput(PresenceRequestSchema, request.body, 'presence');
    return { agent: accounts.setPresence(agent, status) };
  });
}
