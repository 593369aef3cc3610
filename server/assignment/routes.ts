import type { FastifyInstance } from 'fastify';
import { AssignRequestSchema } from '../../shared/protocol/assignment.js';
import type { AccountService } from '../accounts/account-service.js';
import { authenticate } from '../accounts/authenticate.js';
import type { ConversationService } from '../conversations/conversation-service.js';
import { conversationIdOf } from '../conversations/params.js';
import { parseInput } from '../kit/parse-input.js';
import type { AssignmentService } from './assignment-service.js';

export function registerAssignmentRoutes(
  app: FastifyInstance,
  accounts: AccountService,
  conversations: ConversationService,
  assignment: AssignmentService,
): void {
  app.post('/api/v1/conversations/:id/assign', async (request) => {
    const agent = authenticate(accounts, request);
    const id = conversationIdOf(request.params);
    const { agentId } = parseInput(AssignRequestSchema, request.body, 'assignment');
    return { conversation: conversations.view(agent, await assignment.assign(agent, id, agentId)) };
  });
}
