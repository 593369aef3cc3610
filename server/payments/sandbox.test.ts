import { describe, expect, it } from 'vitest';
import type { PaymentRequest } from './provider.js';
import { WebhookRejectedError } from './provider.js';
import { SandboxPayments } from './sandbox.js';

const eur = (amount: number) => ({ amount, currency: 'EUR' });
let clock = Date.parse('2026-03-01T10:00:00Z');
const sandbox = new SandboxPayments({ publicUrl: 'http://127.0.0.1:4000/', now: () => clock });

const request = (extra: Partial<PaymentRequest> = {}): PaymentRequest => ({
  orderId: 'ord_1',
  attempt: 1,
  idempotencyKey: `ord_1-${Math.random()}`,
  amount: eur(1250),
  description: 'Order ord_1',
  lines: [
    { productId: 'p', sku: 'K', name: 'Koffie', quantity: 1, vatRate: 6, unitPrice: eur(1250), lineTotal: eur(1250) },
  ],
  returnUrl: 'http://127.0.0.1:4000/pay/ord_1/return',
  expiresAt: null,
  ...extra,
});

describe('the sandbox checkout', () => {
  it('issues ids and checkout pages under the relay, an hour long by default', async () => {
    const payment = await sandbox.createPayment(request());
    expect(payment.id).toMatch(/^sbx_[A-Za-z0-9_-]{16}$/);
    expect(payment).toMatchObject({
      provider: 'sandbox',
      status: 'open',
      orderId: 'ord_1',
      amount: eur(1250),
      checkoutUrl: `http://127.0.0.1:4000/sandbox/checkout/${payment.id}`,
      expiresAt: '2026-03-01T11:00:00.000Z',
    });
    expect(sandbox.checkout(payment.id)).toMatchObject({ description: 'Order ord_1', lines: [{ name: 'Koffie' }] });
    const asked = await sandbox.createPayment(request({ expiresAt: '2026-03-01T10:30:00.000Z' }));
    expect(asked.expiresAt).toBe('2026-03-01T10:30:00.000Z');
  });

  it('honours idempotency keys like a real provider', async () => {
    const first = await sandbox.createPayment(request({ idempotencyKey: 'ord_1-1' }));
    expect((await sandbox.createPayment(request({ idempotencyKey: 'ord_1-1' }))).id).toBe(first.id);
    await expect(sandbox.createPayment(request({ idempotencyKey: 'ord_1-1', amount: eur(1) }))).rejects.toThrow(
      'Idempotency key reused',
    );
  });

  it('settles once: a second click or a click after expiry changes nothing', async () => {
    const { id } = await sandbox.createPayment(request());
    expect(sandbox.settle(id, 'paid')).toMatchObject({ status: 'paid', checkoutUrl: null });
    expect(sandbox.settle(id, 'canceled')?.status).toBe('paid');
    expect((await sandbox.getPayment(id))?.status).toBe('paid');

    const late = await sandbox.createPayment(request());
    clock += 60 * 60 * 1000;
    expect((await sandbox.getPayment(late.id))?.status).toBe('expired');
    expect(sandbox.settle(late.id, 'paid')?.status).toBe('expired');
    expect(sandbox.settle('sbx_doesnotexist00', 'paid')).toBeNull();
  });

  it('reads its webhook like Mollie’s: by id, unknown ids ignored', async () => {
    const { id } = await sandbox.createPayment(request());
    sandbox.settle(id, 'failed');
    expect(await sandbox.receiveWebhook({ headers: {}, rawBody: `id=${id}` })).toMatchObject({
      kind: 'payment',
      payment: { id, status: 'failed' },
    });
    expect(await sandbox.receiveWebhook({ headers: {}, rawBody: 'id=sbx_nope' })).toEqual({
      kind: 'ignored',
      reason: 'unknown payment',
    });
    await expect(sandbox.receiveWebhook({ headers: {}, rawBody: '' })).rejects.toThrow(WebhookRejectedError);
  });
});
