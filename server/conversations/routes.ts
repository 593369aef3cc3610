import type { FastifyInstance } from 'fastify';
import { ConversationListQuerySchema } from '../../shared/protocol/conversations.js';
import type { AccountService } from '../accounts/account-service.js';
import { authenticate } from '../accounts/authenticate.js';
import { conversationIdOf } from './params.js';
import { parseInput } from '../kit/parse-input.js';
import type { ConversationService } from './conversation-service.js';

export function registerConversationRoutes(
  app: FastifyInstance,
  accounts: AccountService,
  conversations: ConversationService,
): void {
  app.get('/api/v1/conversations', async (request) => {
    const agent = authenticate(accounts, request);
    const query = parseInput(ConversationListQuerySchema, request.query, 'query');
    return { conversations: conversations.listVisible(agent, query) };
  });

  app.post('/api/v1/conversations/:id/read', async (request) => {
    const agent = authenticate(accounts, request);
    return { conversation: await conversations.markRead(agent, conversationIdOf(request.params)) };
  });
}
