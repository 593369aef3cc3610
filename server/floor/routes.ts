import type { FastifyInstance } from 'fastify';
import type { AccountService } from '../accounts/account-service.js';
import { authenticate } from '../accounts/authenticate.js';
import type { FeatureHandlers } from '../realtime/caller.js';
import type { FloorService } from './floor-service.js';

export function registerFloorRoutes(app: FastifyInstance, accounts: AccountService, floor: FloorService): void {
  app.get('/api/v1/floor', async (request) => ({ floor: await floor.floor(authenticate(accounts, request)) }));
}

export function floorHandlers(floor: FloorService): FeatureHandlers<'floor:get'> {
  return { 'floor:get': async (_p, { agent }) => ({ floor: await floor.floor(agent) }) };
}
