import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Agent } from '../../shared/domain/agent.js';
import { createDomainEvents, type DomainEvent } from '../domain-events.js';
import { CatalogStore } from '../storage/catalog-store.js';
import { CatalogService } from './catalog-service.js';

const boss: Agent = {
  id: 's1',
  name: 'Sam',
  email: 's@x.test',
  role: 'supervisor',
  active: true,
  capacity: 10,
  presence: 'online' as const,
};
const eur = (amount: number) => ({ amount, currency: 'EUR' });

describe('CatalogService', () => {
  let dir: string;
  let catalog: CatalogService;
  let published: DomainEvent[];
  const open = async () => {
    const events = createDomainEvents(pino({ level: 'silent' }));
    published = [];
    events.subscribe((e) => published.push(e));
    const store = await CatalogStore.open(dir);
    return new CatalogService({
      store,
      events,
      now: () => 0,
      publicUrl: () => 'http://shop.test',
      defaultVatRate: () => 6,
    });
  };
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'catalog-'));
    catalog = await open();
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('moves tracked stock exactly under concurrent adjustments, never below 0, and leaves untracked stock alone', async () => {
    const tracked = await catalog.create(boss, { sku: 'A', name: 'A', price: eur(100), stock: 10 });
    await Promise.all([-1, -2, -3, 4].map((delta) => catalog.adjustStock(tracked.id, delta)));
    expect(catalog.get(tracked.id)?.stock).toBe(8);
    expect((await catalog.adjustStock(tracked.id, -50)).stock).toBe(0);
    const untracked = await catalog.create(boss, { sku: 'B', name: 'B', price: eur(100) });
    const count = published.length;
    expect((await catalog.adjustStock(untracked.id, -1)).stock).toBeNull();
    expect(published).toHaveLength(count);
    // Durable: a store opened again reads what was acknowledged.
    expect((await open()).get(tracked.id)).toMatchObject({ stock: 0, vatRate: 6 });
  });

  it('finds products by SKU, refuses a SKU another product holds, and publishes each change with its imageUrl', async () => {
    const a = await catalog.create(boss, { sku: 'A', name: 'A', price: eur(100) });
    await catalog.create(boss, { sku: 'B', name: 'B', price: eur(100) });
    expect(catalog.getBySku('A')?.id).toBe(a.id);
    await expect(catalog.patch(boss, a.id, { sku: 'B' })).rejects.toMatchObject({ code: 'CONFLICT' });
    const image = { id: 'a'.repeat(32), width: 800, height: 600 };
    const withImage = await catalog.addUploadedImage(boss, a.id, image);
    expect(catalog.view(withImage).imageUrl).toBe(`http://shop.test/media/products/${'a'.repeat(32)}/card.webp`);
    expect(published.at(-1)).toMatchObject({
      type: 'products.changed',
      products: [catalog.view(withImage)],
    });
    const agent: Agent = { ...boss, id: 'a1', role: 'agent', active: true, capacity: 10, presence: 'online' as const };
    await expect(catalog.create(agent, { sku: 'C', name: 'C', price: eur(1) })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});
