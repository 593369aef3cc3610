import type { FastifyInstance } from 'fastify';
import { HistoryQuerySchema, SendTextRequestSchema } from '../../shared/protocol/messages.js';
import type { AccountService } from '../accounts/account-service.js';
import { authenticate } from '../accounts/authenticate.js';
import { conversationIdOf } from '../conversations/params.js';
import { parseInput } from '../kit/parse-input.js';
import type { MessageService } from './message-service.js';

export function registerMessageRoutes(app: FastifyInstance, accounts: AccountService, messages: MessageService): void {
  app.get('/api/v1/conversations/:id/messages', async (request) => {
    const agent = authenticate(accounts, request);
    const id = conversationIdOf(request.params);
    const { before, limit } = parseInput(HistoryQuerySchema, request.query, 'query');
    return messages.history(agent, id, before, limit);
  });

  app.post('/api/v1/conversations/:id/messages', async (request, reply) => {
    const agent = authenticate(accounts, request);
    const id = conversationIdOf(request.params);
    const { text, clientId, confirmAssignedToOther } = parseInput(SendTextRequestSchema, request.body, 'message');
    const message = await messages.sendText(agent, id, text, clientId, confirmAssignedToOther);
    return reply.code(201).send({ message });
  });
}
