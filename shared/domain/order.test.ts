import { describe, expect, it } from 'vitest';
import { buildCart } from './cart.js';
import { OrderError, OrderSchema, createOrder, orderStatusOf } from './order.js';

const line = {
  productId: 'p1',
  sku: 'A',
  name: 'A',
  quantity: 2,
  unitPrice: { amount: 625, currency: 'EUR' },
  vatRate: 21,
};
const cart = buildCart([line], 'EUR');
const base = {
  id: 'ord_1',
  conversationId: 'c1',
  provider: 'mollie' as const,
  payLink: 'https://relay.example/pay/ord_1',
};
const now = Date.parse('2026-03-01T10:00:00.000Z');

describe('orders', () => {
  it('freezes the cart, awaits payment and stays payable for a week', () => {
    const order = createOrder({ ...base, cart, now });
    expect(OrderSchema.parse(order)).toEqual(order);
    expect(order).toMatchObject({
      status: 'awaiting_payment',
      total: { amount: 1250, currency: 'EUR' },
      vat: [{ rate: 21, amount: { amount: 217, currency: 'EUR' } }],
      attempts: [],
      paymentUrl: null,
      paidAt: null,
      payableUntil: '2026-03-08T10:00:00.000Z',
    });
  });

  it('refuses an empty cart or one with nothing to pay', () => {
    expect(() => createOrder({ ...base, cart: buildCart([], 'EUR'), now })).toThrow(OrderError);
    const free = buildCart([{ ...line, unitPrice: { amount: 0, currency: 'EUR' } }], 'EUR');
    expect(() => createOrder({ ...base, cart: free, now })).toThrow('The cart total is zero');
  });

  it('maps every provider status onto an order status', () => {
    expect(
      (['open', 'pending', 'authorized', 'paid', 'canceled', 'expired', 'failed'] as const).map(orderStatusOf),
    ).toEqual(['awaiting_payment', 'awaiting_payment', 'awaiting_payment', 'paid', 'canceled', 'expired', 'failed']);
  });
});
