import { describe, expect, it } from 'vitest';
import { CartError, CartSchema, buildCart, setCartItem, type CartItem } from './cart.js';
import type { Product } from './catalog.js';

const eur = (amount: number) => ({ amount, currency: 'EUR' });

function product(id: string, amount: number, vatRate: number, extra: Partial<Product> = {}): Product {
  return {
    id,
    sku: `SKU-${id}`,
    name: `Product ${id}`,
    description: '',
    price: eur(amount),
    vatRate,
    images: [],
    stock: null,
    availability: 'in_stock',
    visibility: 'active',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...extra,
  };
}

function cartError(work: () => unknown): CartError {
  try {
    work();
  } catch (error) {
    if (error instanceof CartError) return error;
    throw error;
  }
  throw new Error('expected a CartError');
}

describe('a cart', () => {
  it('computes line totals, the total and the VAT split exactly', () => {
    let items: CartItem[] = [];
    items = setCartItem(items, product('coffee', 1250, 6), 3, 'EUR');
    items = setCartItem(items, product('mug', 899, 21), 2, 'EUR');
    items = setCartItem(items, product('card', 250, 0), 1, 'EUR');
    const cart = buildCart(items, 'EUR');
    expect(CartSchema.parse(cart)).toEqual(cart);
    expect(cart.items.map((line) => [line.sku, line.quantity, line.unitPrice.amount, line.lineTotal.amount])).toEqual([
      ['SKU-coffee', 3, 1250, 3750],
      ['SKU-mug', 2, 899, 1798],
      ['SKU-card', 1, 250, 250],
    ]);
    expect(cart.total).toEqual(eur(5798));
    // 3750 × 6/106 = 212.26 → 212; 1798 × 21/121 = 312.04 → 312.
    expect(cart.vat).toEqual([
      { rate: 0, amount: eur(0) },
      { rate: 6, amount: eur(212) },
      { rate: 21, amount: eur(312) },
    ]);
  });

  it('is empty with a total of zero in the shop’s currency', () => {
    expect(buildCart([], 'EUR')).toEqual({ items: [], total: eur(0), vat: [] });
  });

  it('works in currencies without decimals', () => {
    const yen = { ...product('tea', 1100, 10), price: { amount: 1100, currency: 'JPY' } };
    const cart = buildCart(setCartItem([], yen, 3, 'JPY'), 'JPY');
    expect(cart.total).toEqual({ amount: 3300, currency: 'JPY' });
    expect(cart.vat).toEqual([{ rate: 10, amount: { amount: 300, currency: 'JPY' } }]);
  });

  it('sets absolute quantities: a repeat changes nothing, 0 removes, order is kept', () => {
    const a = product('a', 100, 21);
    const b = product('b', 200, 21);
    const items = setCartItem(setCartItem([], a, 1, 'EUR'), b, 1, 'EUR');
    const again = setCartItem(setCartItem(items, a, 4, 'EUR'), a, 4, 'EUR');
    expect(again.map((i) => [i.productId, i.quantity])).toEqual([
      ['a', 4],
      ['b', 1],
    ]);
    expect(setCartItem(again, a, 0, 'EUR').map((i) => i.productId)).toEqual(['b']);
    expect(setCartItem(again, product('c', 1, 0), 0, 'EUR')).toEqual(again);
  });

  it('takes the product as it is now when a line is set, and keeps other lines as they were', () => {
    const items = setCartItem([], product('a', 100, 21), 1, 'EUR');
    const repriced = setCartItem(items, product('a', 120, 21, { name: 'New name' }), 2, 'EUR');
    expect(repriced[0]).toMatchObject({ name: 'New name', unitPrice: eur(120), quantity: 2 });
  });

  it('never mixes currencies', () => {
    const dollars = { ...product('usd', 100, 0), price: { amount: 100, currency: 'USD' } };
    const error = cartError(() => setCartItem([], dollars, 1, 'EUR'));
    expect(error.code).toBe('CURRENCY_MISMATCH');
    expect(error.message).toBe('Product usd is priced in USD, and this cart is in EUR');
    const stored = setCartItem([], product('a', 1, 0), 1, 'EUR').map((item) => ({ ...item, unitPrice: dollars.price }));
    expect(cartError(() => buildCart(stored, 'EUR')).code).toBe('CURRENCY_MISMATCH');
  });

  it('refuses archived products, odd quantities and a 101st line', () => {
    expect(cartError(() => setCartItem([], product('x', 1, 0, { visibility: 'archived' }), 1, 'EUR')).code).toBe(
      'PRODUCT_ARCHIVED',
    );
    for (const quantity of [-1, 1.5, 1000]) {
      expect(cartError(() => setCartItem([], product('x', 1, 0), quantity, 'EUR')).code).toBe('QUANTITY_OUT_OF_RANGE');
    }
    let items: CartItem[] = [];
    for (let i = 0; i < 100; i++) items = setCartItem(items, product(`p${i}`, 1, 0), 1, 'EUR');
    expect(cartError(() => setCartItem(items, product('one-more', 1, 0), 1, 'EUR')).code).toBe('TOO_MANY_LINES');
    expect(setCartItem(items, product('p5', 1, 0), 2, 'EUR')).toHaveLength(100);
  });
});
