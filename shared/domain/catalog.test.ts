import { describe, expect, it } from 'vitest';
import { ProductInputSchema, SkuSchema, availabilityOf, orderability } from './catalog.js';

describe('products', () => {
  it('takes the REST body of PRODUCT.md', () => {
    const parsed = ProductInputSchema.parse({
      sku: ' KOFFIE-250 ',
      name: 'Koffie 250 g',
      price: { amount: 1250, currency: 'EUR' },
      imageUrl: 'https://shop.example/koffie.jpg',
      stock: 4,
    });
    expect(parsed.sku).toBe('KOFFIE-250');
    expect(parsed.vatRate).toBeUndefined();
  });

  it('says what is wrong with a product', () => {
    const result = ProductInputSchema.safeParse({
      sku: 'x'.repeat(101),
      name: '',
      price: { amount: 12.5, currency: 'EUR' },
      imageUrl: 'javascript:alert(1)',
      vatRate: 5.555,
      stock: -1,
    });
    const messages = result.error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        'sku: a SKU has at most 100 characters (the WhatsApp retailer id limit)',
        'name: a name is required',
        'imageUrl: expected an http(s) URL',
        'vatRate: a VAT rate is a percentage with at most two decimals, such as 21, 6 or 5.5',
      ]),
    );
    expect(messages?.some((m) => m.startsWith('price.amount'))).toBe(true);
    expect(messages?.some((m) => m.startsWith('stock'))).toBe(true);
    expect(SkuSchema.safeParse('A\nB').success).toBe(false);
  });
});

describe('availability and stock', () => {
  it('follows tracked stock, and the stated availability otherwise', () => {
    expect(availabilityOf({ stock: null, availability: 'in_stock' })).toBe('in_stock');
    expect(availabilityOf({ stock: null, availability: 'out_of_stock' })).toBe('out_of_stock');
    expect(availabilityOf({ stock: 3, availability: 'out_of_stock' })).toBe('in_stock');
    expect(availabilityOf({ stock: 0, availability: 'in_stock' })).toBe('out_of_stock');
    expect(availabilityOf({ stock: 0, availability: 'preorder' })).toBe('preorder');
    expect(availabilityOf({ stock: 0, availability: 'available_for_order' })).toBe('available_for_order');
  });

  it('tells whether a quantity can be ordered', () => {
    const active = { visibility: 'active' as const, availability: 'in_stock' as const };
    expect(orderability({ ...active, stock: null }, 50)).toBe('ok');
    expect(orderability({ ...active, stock: 2 }, 2)).toBe('ok');
    expect(orderability({ ...active, stock: 2 }, 3)).toBe('insufficient_stock');
    expect(orderability({ ...active, stock: 0 }, 1)).toBe('out_of_stock');
    expect(orderability({ ...active, stock: 0, availability: 'preorder' }, 5)).toBe('ok');
    expect(orderability({ ...active, stock: 9, visibility: 'archived' }, 1)).toBe('archived');
  });
});
