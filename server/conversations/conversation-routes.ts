import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AssignRequestSchema, HistoryQuerySchema, SendTextRequestSchema } from '../../shared/protocol/rest.js';
import type { AuthService } from '../auth/auth-service.js';
import { authenticate } from '../http/authenticate.js';
import { parseInput } from '../kit/parse-input.js';
import type { ConversationService } from './conversation-service.js';

const IdParamsSchema = z.object({ id: z.string().min(1) });

export function registerConversationRoutes(
  app: FastifyInstance,
  auth: AuthService,
  conversations: ConversationService,
): void {
  app.get('/api/v1/conversations', async (request) => {
    const agent = authenticate(auth, request);
    return { conversations: conversations.listVisible(agent) };
  });

  app.get('/api/v1/conversations/:id/messages', async (request) => {
    const agent = authenticate(auth, request);
    const { id } = parseInput(IdParamsSchema, request.params);
    const { before, limit } = parseInput(HistoryQuerySchema, request.query, 'query');
    return conversations.history(agent, id, before, limit);
  });

  app.post('/api/v1/conversations/:id/messages', async (request, reply) => {
    const agent = authenticate(auth, request);
    const { id } = parseInput(IdParamsSchema, request.params);
    conversations.requireVisible(agent, id);
    const { text, clientId } = parseInput(SendTextRequestSchema, request.body, 'message');
    const message = await conversations.sendText(agent, id, text, clientId);
    return reply.code(201).send({ message });
  });

  app.post('/api/v1/conversations/:id/assign', async (request) => {
    const agent = authenticate(auth, request);
    const { id } = parseInput(IdParamsSchema, request.params);
    conversations.requireVisible(agent, id);
    const { agentId } = parseInput(AssignRequestSchema, request.body, 'assignment');
    return { conversation: await conversations.assign(agent, id, agentId) };
  });
}
