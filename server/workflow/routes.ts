import type { FastifyInstance } from 'fastify';
import { UpdateConversationRequestSchema } from '../../shared/protocol/workflow.js';
import type { AccountService } from '../accounts/account-service.js';
import { authenticate } from '../accounts/authenticate.js';
import type { ConversationService } from '../conversations/conversation-service.js';
import { conversationIdOf } from '../conversations/params.js';
import { parseInput } from '../kit/parse-input.js';
import type { WorkflowService } from './workflow-service.js';

export function registerWorkflowRoutes(
  app: FastifyInstance,
  accounts: AccountService,
  conversations: ConversationService,
  workflow: WorkflowService,
): void {
  app.patch('/api/v1/conversations/:id', async (request) => {
    const agent = authenticate(accounts, request);
    const id = conversationIdOf(request.params);
    const change = parseInput(UpdateConversationRequestSchema, request.body, 'conversation change');
    return { conversation: conversations.view(agent, await workflow.setStatus(agent, id, change)) };
  });
}
