import type { Product } from '../../shared/domain/catalog.js';

/** What carts and orders need of the catalog; the relay passes the CatalogService. */
export interface ProductLookup {
  get(id: string): Product | undefined;
  getBySku(sku: string): Product | undefined;
  /** Stock goes down by what was sold (negative delta); untracked stock (null) stays untracked. */
  adjustStock(productId: string, delta: number): Promise<unknown>;
}
