import type { FastifyInstance } from 'fastify';
import { AddNoteRequestSchema } from '../../shared/protocol/notes.js';
import type { AccountService } from '../accounts/account-service.js';
import { authenticate } from '../accounts/authenticate.js';
import { conversationIdOf } from '../conversations/params.js';
import { parseInput } from '../kit/parse-input.js';
import type { NoteService } from './note-service.js';

export function registerNoteRoutes(app: FastifyInstance, accounts: AccountService, notes: NoteService): void {
  app.post('/api/v1/conversations/:id/notes', async (request, reply) => {
    const agent = authenticate(accounts, request);
    const id = conversationIdOf(request.params);
    const { text } = parseInput(AddNoteRequestSchema, request.body, 'note');
    const { note } = await notes.add(agent, id, text);
    return reply.code(201).send({ note });
  });
}
