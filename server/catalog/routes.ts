import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  CreateProductRequestSchema,
  PatchProductRequestSchema,
  ProductIdSchema,
  ProductListQuerySchema,
  SendProductsRequestSchema,
} from '../../shared/protocol/catalog.js';
import { conversationIdOf } from '../conversations/params.js';
import type { ProductCardService } from './product-card-service.js';
import { buyButtonSnippet } from '../shop/buy-button.js';
import type { ShopContext } from '../shop/shop-pages.js';
import type { AccountService } from '../accounts/account-service.js';
import { authenticate, requireSupervisor } from '../accounts/authenticate.js';
import { AppError, notFound } from '../kit/app-error.js';
import { parseInput } from '../kit/parse-input.js';
import type { CatalogService } from './catalog-service.js';

const ProductParamsSchema = z.object({ id: ProductIdSchema });
const productIdOf = (params: unknown): string => parseInput(ProductParamsSchema, params, 'path').id;

/** A feed of 10,000 rows is 2–5 MB; this leaves room for long descriptions and many image links. */
export const FEED_BODY_LIMIT = 64 * 1024 * 1024;
export const FEED_CONTENT_TYPES = ['text/csv', 'text/tab-separated-values'] as const;

export function registerCatalogRoutes(
  app: FastifyInstance,
  accounts: AccountService,
  catalog: CatalogService,
  cards: ProductCardService,
  shop: () => ShopContext,
): void {
  // The "Order on WhatsApp" snippet for the shop's own site (archived products too: a shop may prepare).
  app.get('/api/v1/products/:id/buy-button', async (request) => {
    authenticate(accounts, request);
    const product = catalog.get(productIdOf(request.params));
    if (!product) throw notFound('Product');
    return { html: buyButtonSnippet(product, shop()) };
  });

  app.post('/api/v1/conversations/:id/products', async (request, reply) => {
    const agent = authenticate(accounts, request);
    const id = conversationIdOf(request.params);
    const input = parseInput(SendProductsRequestSchema, request.body, 'products');
    const message = await cards.send(agent, id, input);
    return reply.code(201).send({ message });
  });

  app.get('/api/v1/products', async (request) => {
    authenticate(accounts, request);
    const { q, includeArchived } = parseInput(ProductListQuerySchema, request.query, 'query');
    const products = q ? catalog.search(q, { includeArchived }) : catalog.list({ includeArchived });
    return { products: products.map((p) => catalog.view(p)) };
  });

  app.get('/api/v1/products/:id', async (request) => {
    authenticate(accounts, request);
    const product = catalog.get(productIdOf(request.params));
    if (!product) throw notFound('Product');
    return { product: catalog.view(product) };
  });

  app.post('/api/v1/products', async (request, reply) => {
    const agent = authenticate(accounts, request);
    requireSupervisor(agent);
    const input = parseInput(CreateProductRequestSchema, request.body, 'product');
    const product = await catalog.create(agent, input);
    return reply.code(201).send({ product: catalog.view(product) });
  });

  app.patch('/api/v1/products/:id', async (request) => {
    const agent = authenticate(accounts, request);
    const id = productIdOf(request.params);
    requireSupervisor(agent);
    const patch = parseInput(PatchProductRequestSchema, request.body, 'product');
    return { product: catalog.view(await catalog.patch(agent, id, patch)) };
  });

  app.delete('/api/v1/products/:id', async (request) => {
    const agent = authenticate(accounts, request);
    const id = productIdOf(request.params);
    return { product: catalog.view(await catalog.archive(agent, id)) };
  });

  // The feed is the one body that is not JSON and may be large: its parser and limit live in this scope only.
  void app.register(async (scope) => {
    scope.addContentTypeParser(
      [...FEED_CONTENT_TYPES],
      { parseAs: 'buffer', bodyLimit: FEED_BODY_LIMIT },
      (_r, body, done) => {
        done(null, body);
      },
    );
    scope.post('/api/v1/products/import', { bodyLimit: FEED_BODY_LIMIT }, async (request) => {
      const agent = authenticate(accounts, request);
      requireSupervisor(agent);
      if (!Buffer.isBuffer(request.body)) {
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the feed as text/csv or text/tab-separated-values');
      }
      const body = request.body;
      const type = request.headers['content-type'] ?? '';
      return catalog.importFeed(agent, body, type.startsWith('text/tab-separated-values') ? { format: 'tsv' } : {});
    });
  });
}
