import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { AppError } from '../kit/app-error.js';
import { parseInput } from '../kit/parse-input.js';
import type { OrderService } from './order-service.js';
import { orderPage, sandboxCheckoutPage, unknownOrderPage, type OrderPageKind } from './pages.js';
import type { StoredOrder } from './stored-order.js';

/*
 * The payment routes outside the API: the customer's stable link (`/pay/:orderId`, 303 to a live
 * checkout), the page after the checkout, the providers' webhooks, and the sandbox checkout. They
 * live in their own scope, which reads form bodies (Mollie, the checkout's buttons) and keeps
 * Stripe's JSON as the bytes it signed.
 */

const WEBHOOK_BODY_LIMIT = 1024 * 1024;
const OrderParamsSchema = z.object({ orderId: z.string().regex(/^ord_[A-Za-z0-9_-]{1,64}$/) });
const PaymentParamsSchema = z.object({ paymentId: z.string().regex(/^sbx_[A-Za-z0-9_-]{16}$/) });
const OutcomeSchema = z.object({ outcome: z.enum(['paid', 'canceled', 'failed', 'expired']) });

function html(reply: FastifyReply, status: number, body: string): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(body);
}

function pageKindAfterCheckout(order: StoredOrder, now: number): OrderPageKind {
  if (order.status === 'paid') return 'paid';
  if (order.replacedBy !== null) return 'replaced';
  const latest = order.attempts.at(-1);
  if (latest?.status === 'pending' || latest?.status === 'authorized') return 'wait';
  return now < Date.parse(order.payableUntil) ? 'not_paid' : 'closed';
}

export function registerPayRoutes(app: FastifyInstance, orders: OrderService, now: () => number): void {
  void app.register(async (scope) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
      done(null, body);
    });
    scope.removeContentTypeParser('application/json');
    scope.addContentTypeParser(
      'application/json',
      { parseAs: 'buffer', bodyLimit: WEBHOOK_BODY_LIMIT },
      (_req, body, done) => {
        done(null, body);
      },
    );

    scope.get('/pay/:orderId', async (request, reply) => {
      const parsed = OrderParamsSchema.safeParse(request.params);
      const order = parsed.success ? orders.get(parsed.data.orderId) : undefined;
      if (!parsed.success || !order) return html(reply, 404, unknownOrderPage());
      let step;
      try {
        step = await orders.payLink(order.id);
      } catch (error) {
        if (error instanceof AppError && error.code === 'UNAVAILABLE')
          return html(reply, 503, orderPage('unavailable', order));
        throw error;
      }
      if (step.kind === 'redirect') return reply.header('cache-control', 'no-store').redirect(step.url, 303);
      const kind: OrderPageKind =
        step.kind === 'paid' || step.kind === 'closed' || step.kind === 'replaced' ? step.kind : 'wait';
      return html(reply, 200, orderPage(kind, orders.get(order.id) ?? order));
    });

    scope.get('/pay/:orderId/return', async (request, reply) => {
      const parsed = OrderParamsSchema.safeParse(request.params);
      if (!parsed.success || !orders.get(parsed.data.orderId)) return html(reply, 404, unknownOrderPage());
      const order = await orders.returned(parsed.data.orderId).catch(() => orders.get(parsed.data.orderId));
      if (!order) return html(reply, 404, unknownOrderPage());
      return html(reply, 200, orderPage(pageKindAfterCheckout(order, now()), order));
    });

    scope.post('/webhooks/mollie', { bodyLimit: WEBHOOK_BODY_LIMIT }, async (request, reply) => {
      const rawBody = typeof request.body === 'string' ? request.body : '';
      await orders.receiveWebhook('mollie', { headers: request.headers, rawBody });
      return reply.code(200).send({ received: true });
    });

    scope.post('/webhooks/stripe', { bodyLimit: WEBHOOK_BODY_LIMIT }, async (request, reply) => {
      const rawBody = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      await orders.receiveWebhook('stripe', { headers: request.headers, rawBody });
      return reply.code(200).send({ received: true });
    });

    scope.get('/sandbox/checkout/:paymentId', async (request, reply) => {
      const parsed = PaymentParamsSchema.safeParse(request.params);
      const payment = parsed.success ? orders.sandboxCheckout(parsed.data.paymentId) : null;
      if (!payment) return html(reply, 404, unknownOrderPage());
      return html(reply, 200, sandboxCheckoutPage({ ...payment, paymentId: payment.id }));
    });

    scope.post('/sandbox/checkout/:paymentId', async (request, reply) => {
      const { paymentId } = parseInput(PaymentParamsSchema, request.params, 'path');
      const form = typeof request.body === 'string' ? Object.fromEntries(new URLSearchParams(request.body)) : {};
      const { outcome } = parseInput(OutcomeSchema, form, 'checkout choice');
      const settled = await orders.settleSandbox(paymentId, outcome);
      if (!settled) return html(reply, 404, unknownOrderPage());
      return reply.redirect(settled.returnUrl, 303);
    });
  });
}
