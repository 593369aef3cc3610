import type { FastifyInstance } from 'fastify';
import { CartItemParamsSchema, SetCartQuantitySchema } from '../../shared/protocol/carts.js';
import type { AccountService } from '../accounts/account-service.js';
import { authenticate } from '../accounts/authenticate.js';
import { conversationIdOf } from '../conversations/params.js';
import { parseInput } from '../kit/parse-input.js';
import type { CartService } from './cart-service.js';

export function registerCartRoutes(app: FastifyInstance, accounts: AccountService, carts: CartService): void {
  app.get('/api/v1/conversations/:id/cart', async (request) => {
    const agent = authenticate(accounts, request);
    return { cart: carts.view(agent, conversationIdOf(request.params)) };
  });

  app.put('/api/v1/conversations/:id/cart/items/:productId', async (request) => {
    const agent = authenticate(accounts, request);
    const { id, productId } = parseInput(CartItemParamsSchema, request.params, 'path');
    const { quantity } = parseInput(SetCartQuantitySchema, request.body, 'cart item');
    return { cart: await carts.setItem(agent, id, productId, quantity) };
  });
}
