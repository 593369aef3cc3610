import type { FastifyInstance } from 'fastify';
import { SearchQuerySchema } from '../../shared/protocol/search.js';
import type { AccountService } from '../accounts/account-service.js';
import { authenticate } from '../accounts/authenticate.js';
import { parseInput } from '../kit/parse-input.js';
import type { FeatureHandlers } from '../realtime/caller.js';
import type { SearchService } from './search-service.js';

export function registerSearchRoutes(app: FastifyInstance, accounts: AccountService, search: SearchService): void {
  app.get('/api/v1/search', async (request) => {
    const agent = authenticate(accounts, request);
    const { q } = parseInput(SearchQuerySchema, request.query, 'query');
    return search.search(agent, q);
  });
}

export function searchHandlers(search: SearchService): FeatureHandlers<'search'> {
  return { search: ({ q }, { agent }) => search.search(agent, q) };
}
