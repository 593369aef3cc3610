import type { FeatureHandlers } from '../realtime/caller.js';
import type { CatalogService } from './catalog-service.js';

export function catalogHandlers(catalog: CatalogService): FeatureHandlers<'catalog:search'> {
  return {
    'catalog:search': (p) =>
      Promise.resolve({ products: catalog.search(p.q, { limit: p.limit }).map((product) => catalog.view(product)) }),
  };
}
