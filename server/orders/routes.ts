import type { FastifyInstance } from 'fastify';
import { OrderListQuerySchema, PaymentLinkRequestSchema } from '../../shared/protocol/orders.js';
import type { AccountService } from '../accounts/account-service.js';
import { authenticate } from '../accounts/authenticate.js';
import { conversationIdOf } from '../conversations/params.js';
import { parseInput } from '../kit/parse-input.js';
import type { OrderService } from './order-service.js';

export function registerOrderRoutes(app: FastifyInstance, accounts: AccountService, orders: OrderService): void {
  app.post('/api/v1/conversations/:id/payment-link', async (request, reply) => {
    const agent = authenticate(accounts, request);
    const id = conversationIdOf(request.params);
    const { provider } = parseInput(PaymentLinkRequestSchema, request.body ?? {}, 'payment link request');
    const order = await orders.requestPayment(agent, id, provider);
    return reply.code(201).send({ order });
  });

  app.get('/api/v1/orders', async (request) => {
    const agent = authenticate(accounts, request);
    const query = parseInput(OrderListQuerySchema, request.query, 'query');
    return { orders: orders.list(agent, query) };
  });
}
