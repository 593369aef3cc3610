import { randomUUID } from 'node:crypto';
import type { Agent } from '../../shared/domain/agent.js';
import type { Product, ProductInput, ProductPatch } from '../../shared/domain/catalog.js';
import type { ImportResult, ProductView } from '../../shared/protocol/catalog.js';
import { requireSupervisor } from '../accounts/authenticate.js';
import type { DomainEvents } from '../domain-events.js';
import { AppError, notFound } from '../kit/app-error.js';
import type { CatalogStore } from '../storage/catalog-store.js';
import { readCatalogFeed, type FeedInput, type FeedOptions } from './feed.js';
import { imageVariantPath } from './image-variants.js';
import { newProduct, patchProduct, reimportProduct } from './product-upsert.js';
import { searchProducts } from './product-search.js';

export interface CatalogServiceDeps {
  store: CatalogStore;
  events: DomainEvents;
  now: () => number;
  /** The relay's public base URL, for the URLs of uploaded images. */
  publicUrl: () => string;
  /** The VAT rate of a product that names none (the shop's setting). */
  defaultVatRate: () => number;
}

/** A feed's rows are written in batches, so a 10,000-row feed is a few writes, not 10,000. */
const IMPORT_BATCH = 2_000;

/**
 * The shop's catalog: everyone reads it, supervisors change it. Archiving keeps a product (orders
 * and carts keep their lines) but takes it out of the panel and the shop. Every change is on disk
 * before it resolves and is published as `products.changed`.
 */
export class CatalogService {
  constructor(private readonly deps: CatalogServiceDeps) {}

  list(options: { includeArchived?: boolean } = {}): Product[] {
    const all = this.deps.store.all();
    return options.includeArchived ? [...all] : all.filter((p) => p.visibility === 'active');
  }

  get(id: string): Product | undefined {
    return this.deps.store.get(id);
  }

  getBySku(sku: string): Product | undefined {
    return this.deps.store.getBySku(sku);
  }

  /** Name or SKU, any part of it; archived products only when asked for. */
  search(query: string, options: { includeArchived?: boolean; limit?: number } = {}): Product[] {
    return searchProducts(this.list(options), query, options.limit ?? Number.POSITIVE_INFINITY);
  }

  /** The product as clients see it, with its `imageUrl`. */
  view(product: Product): ProductView {
    const image = product.images[0];
    let imageUrl: string | null = null;
    if (image?.source === 'url') imageUrl = image.url;
    if (image?.source === 'upload') imageUrl = `${this.deps.publicUrl()}${imageVariantPath(image.id, 'card')}`;
    return { ...product, imageUrl };
  }

  async create(agent: Agent, input: ProductInput): Promise<Product> {
    requireSupervisor(agent);
    return this.write((store) => {
      if (store.getBySku(input.sku)) throw skuTaken(input.sku);
      const context = { id: randomUUID(), now: this.deps.now(), defaultVatRate: this.deps.defaultVatRate() };
      return newProduct(input, context);
    });
  }

  async patch(agent: Agent, id: string, patch: ProductPatch): Promise<Product> {
    requireSupervisor(agent);
    return this.write((store) => {
      const product = store.get(id);
      if (!product) throw notFound('Product');
      const holder = patch.sku === undefined ? undefined : store.getBySku(patch.sku);
      if (holder && holder.id !== id) throw skuTaken(holder.sku);
      return patchProduct(product, patch, this.deps.now());
    });
  }

  /** DELETE: the product is archived, never removed, so orders and carts keep their lines. */
  async archive(agent: Agent, id: string): Promise<Product> {
    return this.patch(agent, id, { visibility: 'archived' });
  }

  /**
   * Moves a tracked stock count by `delta` (an order paid: negative), never below 0. A product whose
   * stock is not tracked (`null`) is left as it is. For the order side: no caller check.
   */
  async adjustStock(productId: string, delta: number): Promise<Product> {
    if (!Number.isSafeInteger(delta)) throw new AppError('BAD_REQUEST', 'A stock change is a whole number');
    return this.write((store) => {
      const product = store.get(productId);
      if (!product) throw notFound('Product');
      if (product.stock === null || delta === 0) return product;
      return patchProduct(product, { stock: Math.max(0, product.stock + delta) }, this.deps.now());
    });
  }

  /** Adds an uploaded image (already stored) in front of the product's images. */
  async addUploadedImage(
    agent: Agent,
    id: string,
    image: { id: string; width: number; height: number },
  ): Promise<Product> {
    requireSupervisor(agent);
    return this.write((store) => {
      const product = store.get(id);
      if (!product) throw notFound('Product');
      const others = product.images.filter((i) => !(i.source === 'upload' && i.id === image.id));
      const images = [{ source: 'upload' as const, ...image }, ...others].slice(0, 21);
      return patchProduct(product, { images }, this.deps.now());
    });
  }

  /**
   * A Meta feed: each good row creates a product or updates the one with its SKU; each bad row is
   * reported by its line. Good rows go in even when others fail.
   */
  async importFeed(agent: Agent, input: FeedInput, options: FeedOptions = {}): Promise<ImportResult> {
    requireSupervisor(agent);
    const result: ImportResult = { imported: 0, updated: 0, errors: [] };
    let batch: ProductInput[] = [];
    const flush = async (): Promise<void> => {
      const rows = batch;
      batch = [];
      if (rows.length === 0) return;
      const products = await this.deps.store.update((store) => {
        const now = this.deps.now();
        const changed = rows.map((input) => {
          const existing = store.getBySku(input.sku);
          if (existing) return reimportProduct(existing, input, now);
          return newProduct(input, { id: randomUUID(), now, defaultVatRate: this.deps.defaultVatRate() });
        });
        const created = rows.filter((input) => !store.getBySku(input.sku)).length;
        result.imported += created;
        result.updated += rows.length - created;
        return { products: changed, result: changed };
      });
      this.publish(products);
    };
    for await (const row of readCatalogFeed(input, { now: this.deps.now(), ...options })) {
      if (!row.ok) result.errors.push({ line: row.line, message: row.message });
      else batch.push(row.product);
      if (batch.length >= IMPORT_BATCH) await flush();
    }
    await flush();
    return result;
  }

  /** One product changed through `change` (the same object: nothing to change), written, then published. */
  private async write(change: (store: CatalogStore) => Product): Promise<Product> {
    const { product, changed } = await this.deps.store.update((store) => {
      const next = change(store);
      const changed = store.get(next.id) !== next;
      return { products: changed ? [next] : [], result: { product: next, changed } };
    });
    if (changed) this.publish([product]);
    return product;
  }

  private publish(products: Product[]): void {
    this.deps.events.publish({ type: 'products.changed', products: products.map((p) => this.view(p)) });
  }
}

const skuTaken = (sku: string): AppError =>
  new AppError('CONFLICT', `A product with SKU ${JSON.stringify(sku)} already exists`);
