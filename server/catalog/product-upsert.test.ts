import { describe, expect, it } from 'vitest';
import { ProductSchema, type Product } from '../../shared/domain/catalog.js';
import { newProduct, patchProduct, reimportProduct } from './product-upsert.js';

const t0 = Date.parse('2026-01-01T00:00:00Z');
const t1 = Date.parse('2026-02-01T00:00:00Z');
const upload = { source: 'upload' as const, id: 'a'.repeat(32), width: 800, height: 600 };

function existing(extra: Partial<Product> = {}): Product {
  return {
    ...newProduct(
      { sku: 'K1', name: 'Koffie', price: { amount: 1250, currency: 'EUR' }, vatRate: 6, stock: 8 },
      { id: 'prd_1', now: t0, defaultVatRate: 21 },
    ),
    images: [upload, { source: 'url', url: 'https://old.example/k.jpg' }],
    ...extra,
  };
}

describe('products from inputs', () => {
  it('creates with the shop’s defaults for what the input leaves out', () => {
    const product = newProduct(
      { sku: 'T1', name: 'Thee', price: { amount: 450, currency: 'EUR' }, imageUrl: 'https://x.example/t.jpg' },
      { id: 'prd_2', now: t0, defaultVatRate: 21 },
    );
    expect(ProductSchema.parse(product)).toEqual({
      id: 'prd_2',
      sku: 'T1',
      name: 'Thee',
      description: '',
      price: { amount: 450, currency: 'EUR' },
      vatRate: 21,
      images: [{ source: 'url', url: 'https://x.example/t.jpg' }],
      stock: null,
      availability: 'in_stock',
      visibility: 'active',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    });
  });

  it('patches only what is named; null stock switches tracking off', () => {
    const patched = patchProduct(existing(), { name: 'Koffie bonen', stock: null }, t1);
    expect(patched).toMatchObject({ id: 'prd_1', name: 'Koffie bonen', stock: null, vatRate: 6 });
    expect(patched.images).toHaveLength(2);
    expect(patched.updatedAt).toBe('2026-02-01T00:00:00.000Z');
    expect(patchProduct(existing(), { images: [] }, t1).images).toEqual([]);
  });

  it('re-imports: the feed wins for what it carries, keeps VAT, uploads and stock it cannot carry', () => {
    const input = {
      sku: 'K1',
      name: 'Koffie 500 g',
      description: 'Nieuw',
      price: { amount: 1999, currency: 'EUR' },
      images: [{ source: 'url' as const, url: 'https://feed.example/k.jpg' }],
      availability: 'in_stock' as const,
      visibility: 'active' as const,
    };
    const updated = reimportProduct(existing(), input, t1);
    expect(updated).toMatchObject({ name: 'Koffie 500 g', price: { amount: 1999 }, vatRate: 6, stock: 8 });
    expect(updated.images).toEqual([upload, { source: 'url', url: 'https://feed.example/k.jpg' }]);
    expect(reimportProduct(existing(), { ...input, stock: 3 }, t1).stock).toBe(3);
    expect(reimportProduct(existing(), { ...input, availability: 'out_of_stock' }, t1).stock).toBe(0);
    expect(reimportProduct(existing({ stock: null }), { ...input, availability: 'out_of_stock' }, t1).stock).toBe(null);
  });
});
