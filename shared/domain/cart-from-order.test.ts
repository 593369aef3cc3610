import { describe, expect, it } from 'vitest';
import { cartFromOrderMessage } from './cart-from-order.js';
import type { Product } from './catalog.js';

const eur = (amount: number) => ({ amount, currency: 'EUR' });

function product(sku: string, amount: number, extra: Partial<Product> = {}): Product {
  return {
    id: `p-${sku}`,
    sku,
    name: `The ${sku}`,
    description: '',
    price: eur(amount),
    vatRate: 21,
    images: [],
    stock: null,
    availability: 'in_stock',
    visibility: 'active',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...extra,
  };
}

const catalog = [
  product('coffee', 1250, { stock: 10 }),
  product('mug', 899, { stock: 1 }),
  product('old', 500, { visibility: 'archived' }),
  product('gone', 300, { stock: 0 }),
  product('dollar', 100, { price: { amount: 100, currency: 'USD' } }),
];
const find = (sku: string) => catalog.find((p) => p.sku === sku);

describe('a WhatsApp order becoming the cart', () => {
  it('matches by retailer id, prices from the catalog and warns about everything else', () => {
    const { items, warnings } = cartFromOrderMessage(
      [
        { productRetailerId: 'coffee', quantity: 2, unitPrice: eur(1250) },
        { productRetailerId: 'mug', quantity: 2, unitPrice: eur(799) },
        { productRetailerId: 'nope', quantity: 1, unitPrice: eur(100) },
        { productRetailerId: 'old', quantity: 1, unitPrice: eur(500) },
        { productRetailerId: 'gone', quantity: 1, unitPrice: eur(300) },
        { productRetailerId: 'dollar', quantity: 1, unitPrice: eur(100) },
        { productRetailerId: 'coffee', quantity: 1, unitPrice: eur(1250) },
      ],
      find,
      'EUR',
    );
    expect(items.map((i) => [i.sku, i.quantity, i.unitPrice.amount])).toEqual([
      ['coffee', 3, 1250],
      ['mug', 2, 899],
      ['gone', 1, 300],
    ]);
    expect(warnings).toEqual([
      { kind: 'insufficient_stock', sku: 'mug', name: 'The mug', stock: 1, quantity: 2 },
      { kind: 'price_changed', sku: 'mug', name: 'The mug', customerSaw: eur(799), catalogPrice: eur(899) },
      { kind: 'unknown', sku: 'nope' },
      { kind: 'archived', sku: 'old', name: 'The old' },
      { kind: 'out_of_stock', sku: 'gone', name: 'The gone' },
      { kind: 'currency_mismatch', sku: 'dollar', name: 'The dollar', currency: 'USD' },
    ]);
  });

  it('limits a quantity the cart cannot hold, saying so', () => {
    const { items, warnings } = cartFromOrderMessage(
      [{ productRetailerId: 'coffee', quantity: 5000, unitPrice: eur(1250) }],
      () => product('coffee', 1250),
      'EUR',
    );
    expect(items[0]?.quantity).toBe(999);
    expect(warnings).toEqual([{ kind: 'quantity_limited', sku: 'coffee', name: 'The coffee', quantity: 999 }]);
  });
});
