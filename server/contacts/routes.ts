import type { FastifyInstance } from 'fastify';
import type { AccountService } from '../accounts/account-service.js';
import { authenticate } from '../accounts/authenticate.js';
import { conversationIdOf } from '../conversations/params.js';
import type { FeatureHandlers } from '../realtime/caller.js';
import type { ContactService } from './contact-service.js';

export function registerContactRoutes(app: FastifyInstance, accounts: AccountService, contacts: ContactService): void {
  app.get('/api/v1/conversations/:id/contact', async (request) => {
    const agent = authenticate(accounts, request);
    return contacts.history(agent, conversationIdOf(request.params));
  });
}

export function contactHandlers(contacts: ContactService): FeatureHandlers<'contact:history'> {
  return { 'contact:history': ({ conversationId }, { agent }) => contacts.history(agent, conversationId) };
}
