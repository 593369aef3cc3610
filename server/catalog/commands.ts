import type { FeatureHandlers } from '../realtime/caller.js';
import type { CatalogService } from './catalog-service.js';
import type { ProductCardService } from './product-card-service.js';

export function catalogHandlers(
  catalog: CatalogService,
  cards: ProductCardService,
): FeatureHandlers<'catalog:search' | 'catalog:send'> {
  return {
    'catalog:search': (p) =>
      Promise.resolve({ products: catalog.search(p.q, { limit: p.limit }).map((product) => catalog.view(product)) }),
    'catalog:send': async (p, { agent }) => ({
      message: await cards.send(agent, p.conversationId, p),
    }),
  };
}
