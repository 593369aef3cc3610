import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  CreateCannedReplyRequestSchema,
  UpdateCannedReplyRequestSchema,
} from '../../shared/protocol/canned-replies.js';
import type { AccountService } from '../accounts/account-service.js';
import { authenticate } from '../accounts/authenticate.js';
import { parseInput } from '../kit/parse-input.js';
import type { CannedReplyService } from './canned-reply-service.js';

const ParamsSchema = z.object({ id: z.string().min(1).max(100) });

export function registerCannedReplyRoutes(
  app: FastifyInstance,
  accounts: AccountService,
  replies: CannedReplyService,
): void {
  app.get('/api/v1/canned-replies', async (request) => {
    authenticate(accounts, request);
    return { cannedReplies: replies.list() };
  });

  app.post('/api/v1/canned-replies', async (request, reply) => {
    const agent = authenticate(accounts, request);
    const input = parseInput(CreateCannedReplyRequestSchema, request.body, 'canned reply');
    return reply.code(201).send({ cannedReply: await replies.create(agent, input) });
  });

  app.patch('/api/v1/canned-replies/:id', async (request) => {
    const agent = authenticate(accounts, request);
    const { id } = parseInput(ParamsSchema, request.params, 'path');
    const patch = parseInput(UpdateCannedReplyRequestSchema, request.body, 'canned reply');
    return { cannedReply: await replies.update(agent, id, patch) };
  });

  app.delete('/api/v1/canned-replies/:id', async (request, reply) => {
    const agent = authenticate(accounts, request);
    const { id } = parseInput(ParamsSchema, request.params, 'path');
    await replies.remove(agent, id);
    return reply.code(204).send();
  });
}
