import { describe, expect, it } from 'vitest';
import type { CartView } from '../../shared/protocol/carts.js';
import { initialCartsState, reduceCarts } from './carts-state';

const cart = (quantity: number, updatedAt: string): CartView => ({
  items: [
    {
      productId: 'p1',
      sku: 'MUG',
      name: 'Mug',
      quantity,
      unitPrice: { amount: 899, currency: 'EUR' },
      lineTotal: { amount: 899 * quantity, currency: 'EUR' },
      vatRate: 21,
    },
  ],
  total: { amount: 899 * quantity, currency: 'EUR' },
  vat: [],
  warnings: [],
  updatedAt,
});

describe('carts state', () => {
  it('shows the latest stored cart: a colleague’s newer edit is not undone by an older answer', () => {
    const colleague = reduceCarts(initialCartsState, {
      type: 'cart:update',
      event: { conversationId: 'c1', cart: cart(3, '2026-12-02T10:00:02.000Z') },
    });
    const mine = reduceCarts(colleague, {
      type: 'cart:loaded',
      conversationId: 'c1',
      cart: cart(2, '2026-12-02T10:00:01.000Z'),
    });
    expect(mine.byConversation.get('c1')?.items[0]?.quantity).toBe(3);
    const gone = reduceCarts(mine, { type: 'conversation:remove', event: { id: 'c1' } });
    expect(gone.byConversation.has('c1')).toBe(false);
  });
});
