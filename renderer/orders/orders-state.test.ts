import { describe, expect, it } from 'vitest';
import type { OrderView } from '../../shared/protocol/orders.js';
import { initialOrdersState, reduceOrders, sortedOrders } from './orders-state';

const order = (id: string, status: OrderView['status'], updatedAt: string, conversationId = 'c1'): OrderView => ({
  id,
  conversationId,
  status,
  items: [],
  total: { amount: 100, currency: 'EUR' },
  vat: [],
  provider: 'sandbox',
  payLink: `http://relay/pay/${id}`,
  paymentUrl: null,
  customerName: 'Anna',
  createdAt: '2026-12-02T10:00:00.000Z',
  updatedAt,
  paidAt: null,
  replacedBy: null,
});

describe('orders state', () => {
  it('keeps the newest word on each order, whether it came by event or by a command answer', () => {
    const paid = reduceOrders(initialOrdersState, {
      type: 'order:update',
      event: order('o1', 'paid', '2026-12-02T10:05:00.000Z'),
    });
    // The request's answer, older than the paid event that overtook it, does not undo it.
    const late = reduceOrders(paid, {
      type: 'order:loaded',
      order: order('o1', 'awaiting_payment', '2026-12-02T10:00:00.000Z'),
    });
    expect(late.byId.get('o1')?.status).toBe('paid');
    // A list fetched meanwhile keeps live changes that are newer than it.
    const listed = reduceOrders(late, {
      type: 'orders:loaded',
      orders: [
        order('o1', 'awaiting_payment', '2026-12-02T10:00:00.000Z'),
        order('o2', 'expired', '2026-12-02T10:01:00.000Z', 'c2'),
      ],
    });
    expect(listed.loaded).toBe(true);
    expect(listed.byId.get('o1')?.status).toBe('paid');
    expect(sortedOrders(listed.byId, 'c2').map((o) => o.id)).toEqual(['o2']);
  });
});
