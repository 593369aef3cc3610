import { join } from 'node:path';
import { Low } from 'lowdb';
import { z } from 'zod';
import { ProductSchema, type Product } from '../../shared/domain/catalog.js';
import { commit } from './commit.js';
import { DurableJsonFile, StorageCorruptError } from './durable-json-file.js';
import type { Quarantine } from './quarantine.js';

const CatalogFileSchema = z.object({ products: z.array(ProductSchema) });
type CatalogFile = z.infer<typeof CatalogFileSchema>;

/**
 * The catalog: one file, `catalog.json`, rewritten whole on every change (it grows with the shop's
 * range, not with history; 10,000 products are about 4 MB). Writes run one at a time, each built from
 * the catalog as the previous one left it, and are on disk before they resolve. SKUs are unique.
 */
export class CatalogStore {
  private queue: Promise<unknown> = Promise.resolve();
  private byId = new Map<string, Product>();
  private bySku = new Map<string, Product>();

  private constructor(private readonly db: Low<CatalogFile>) {
    this.index();
  }

  /** Opens `catalog.json`; one that cannot be read is set aside and the relay starts with an empty catalog. */
  static async open(dataDir: string, quarantine?: Quarantine): Promise<CatalogStore> {
    const file = new DurableJsonFile(join(dataDir, 'catalog.json'), CatalogFileSchema);
    const db = new Low(file, { products: [] });
    try {
      await db.read();
      duplicateSku(db.data.products, file.path);
    } catch (error) {
      if (!(error instanceof StorageCorruptError) || !quarantine) throw error;
      await quarantine.moveAside(file.path, error.message);
      db.data = { products: [] };
    }
    return new CatalogStore(db);
  }

  all(): readonly Product[] {
    return this.db.data.products;
  }

  get(id: string): Product | undefined {
    return this.byId.get(id);
  }

  getBySku(sku: string): Product | undefined {
    return this.bySku.get(sku);
  }

  /**
   * Runs `change` alone against the catalog as it is; the products it returns replace those with
   * their ids (or are added), durably, before the promise resolves. A failed write changes nothing.
   */
  update<T>(change: (catalog: CatalogStore) => { products: Product[]; result: T }): Promise<T> {
    const run = this.queue.then(async () => {
      const { products, result } = change(this);
      if (products.length === 0) return result;
      const changed = new Map(products.map((p) => [p.id, p]));
      const next = this.db.data.products.map((p) => changed.get(p.id) ?? p);
      const known = new Set(this.byId.keys());
      for (const p of products) if (!known.has(p.id)) next.push(p);
      await commit(this.db, { products: next });
      this.index();
      return result;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private index(): void {
    this.byId = new Map(this.db.data.products.map((p) => [p.id, p]));
    this.bySku = new Map(this.db.data.products.map((p) => [p.sku, p]));
  }
}

function duplicateSku(products: readonly Product[], path: string): void {
  const seen = new Set<string>();
  for (const { sku } of products) {
    if (seen.has(sku)) throw new StorageCorruptError(path, `the SKU ${JSON.stringify(sku)} appears twice`);
    seen.add(sku);
  }
}
