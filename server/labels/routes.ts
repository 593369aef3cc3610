import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  CreateLabelRequestSchema,
  LabelIdSchema,
  SetLabelsRequestSchema,
  UpdateLabelRequestSchema,
  UpdateSettingsRequestSchema,
} from '../../shared/protocol/labels.js';
import type { AccountService } from '../accounts/account-service.js';
import { authenticate } from '../accounts/authenticate.js';
import type { ConversationService } from '../conversations/conversation-service.js';
import { conversationIdOf } from '../conversations/params.js';
import { parseInput } from '../kit/parse-input.js';
import type { SettingsService } from '../settings/settings-service.js';
import type { LabelService } from './label-service.js';

const LabelParamsSchema = z.object({ id: LabelIdSchema });

export function registerLabelRoutes(
  app: FastifyInstance,
  deps: {
    accounts: AccountService;
    conversations: ConversationService;
    labels: LabelService;
    settings: SettingsService;
  },
): void {
  const { accounts, conversations, labels, settings } = deps;
  app.get('/api/v1/labels', async (request) => {
    authenticate(accounts, request);
    return { labels: labels.list() };
  });
  app.post('/api/v1/labels', async (request, reply) => {
    const agent = authenticate(accounts, request);
    const body = parseInput(CreateLabelRequestSchema, request.body, 'label');
    return reply.code(201).send({ label: await labels.create(agent, body) });
  });
  app.patch('/api/v1/labels/:id', async (request) => {
    const agent = authenticate(accounts, request);
    const { id } = parseInput(LabelParamsSchema, request.params, 'path');
    const body = parseInput(UpdateLabelRequestSchema, request.body, 'label change');
    return { label: await labels.update(agent, id, body) };
  });
  app.delete('/api/v1/labels/:id', async (request, reply) => {
    const agent = authenticate(accounts, request);
    const { id } = parseInput(LabelParamsSchema, request.params, 'path');
    await labels.remove(agent, id);
    return reply.code(204).send();
  });
  app.put('/api/v1/conversations/:id/labels', async (request) => {
    const agent = authenticate(accounts, request);
    const id = conversationIdOf(request.params);
    const { labelIds } = parseInput(SetLabelsRequestSchema, request.body, 'labels');
    return { conversation: conversations.view(agent, await labels.setConversationLabels(agent, id, labelIds)) };
  });
  app.get('/api/v1/settings', async (request) => {
    authenticate(accounts, request);
    return { settings: settings.get() };
  });
  app.patch('/api/v1/settings', async (request) => {
    const agent = authenticate(accounts, request);
    const body = parseInput(UpdateSettingsRequestSchema, request.body, 'settings');
    return { settings: await settings.update(agent, body) };
  });
}
