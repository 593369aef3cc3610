import type { FastifyInstance } from 'fastify';
import { CreateAgentRequestSchema, LoginRequestSchema } from '../../shared/protocol/accounts.js';
import { authenticate, bearerToken, requireSupervisor } from '../http/authenticate.js';
import { parseInput } from '../kit/parse-input.js';
import { hashToken, type AuthService } from './auth-service.js';

export function registerAuthRoutes(
  app: FastifyInstance,
  auth: AuthService,
  onLogout: (tokenHash: string) => void,
): void {
  app.post('/api/v1/auth/login', async (request) => {
    const { email, password } = parseInput(LoginRequestSchema, request.body, 'sign-in');
    return auth.login(email, password);
  });

  app.post('/api/v1/auth/logout', async (request, reply) => {
    const token = bearerToken(request.headers.authorization);
    authenticate(auth, request);
    await auth.logout(token);
    if (token) onLogout(hashToken(token));
    return reply.code(204).send();
  });

  app.get('/api/v1/agents', async (request) => {
    authenticate(auth, request);
    return { agents: auth.listAgents() };
  });

  app.post('/api/v1/agents', async (request, reply) => {
    requireSupervisor(authenticate(auth, request));
    const agent = await auth.createAgent(parseInput(CreateAgentRequestSchema, request.body, 'agent'));
    return reply.code(201).send({ agent });
  });
}
