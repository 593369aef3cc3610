import { z } from 'zod';
import type { PaymentStatus } from '../../shared/domain/order.js';
import { currencyExponent, sumMoney } from '../../shared/money.js';
import { callProvider, type ProviderHttp } from './http.js';
import {
  PaymentProviderError,
  WebhookRejectedError,
  headerValue,
  type PaymentProvider,
  type PaymentRequest,
  type ProviderPayment,
  type WebhookDelivery,
  type WebhookResult,
} from './provider.js';
import { encodeForm } from './stripe-form.js';
import { DEFAULT_TOLERANCE_SECONDS, verifyStripeSignature } from './stripe-signature.js';

/*
 * Stripe Checkout Sessions (reference/payments.md §2): one session per attempt, form-encoded, amounts
 * as integers in minor units, currency in lower case. A session lives at most 24 h, so the relay asks
 * for 23 h and the stable link starts the next one after. Webhooks are verified by Stripe-Signature;
 * their session object is signed data, so it is read as is, and forward-only attempt statuses make
 * the order of deliveries (never guaranteed) harmless.
 *
 * Currencies: Stripe counts ISK, HUF, TWD, UGX and MGA differently from ISO 4217 (or only in whole
 * units) and wants three-decimal amounts to end in 0. This adapter takes two- and zero-decimal
 * currencies that Stripe counts as ISO does and refuses the rest rather than charge a wrong amount.
 */

export interface StripeOptions {
  secretKey: string;
  webhookSecret: string;
  apiUrl?: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
  now?: () => number;
  toleranceSeconds?: number;
}

export const STRIPE_CHECKOUT_LIFETIME_MS = 23 * 60 * 60 * 1000;
const STRIPE_SPECIAL_CURRENCIES = new Set(['ISK', 'HUF', 'TWD', 'UGX', 'MGA']);

const SessionSchema = z.object({
  id: z.string(),
  object: z.literal('checkout.session'),
  url: z.string().nullish(),
  status: z.enum(['open', 'complete', 'expired']).nullish(),
  payment_status: z.enum(['paid', 'unpaid', 'no_payment_required']),
  amount_total: z.number().int().nullish(),
  currency: z.string().nullish(),
  expires_at: z.number().int(),
  metadata: z.record(z.string(), z.string()).nullish(),
});
type Session = z.infer<typeof SessionSchema>;

const EventSchema = z.object({
  id: z.string(),
  type: z.string(),
  data: z.object({ object: z.unknown() }),
});

/** A session's status, as far as the session alone tells (an async failure needs the event). */
function sessionStatus(session: Session): PaymentStatus {
  if (session.status === 'expired') return 'expired';
  if (session.status === 'complete') return session.payment_status === 'unpaid' ? 'pending' : 'paid';
  return 'open';
}

const EVENT_STATUS: Record<string, PaymentStatus | undefined> = {
  'checkout.session.async_payment_succeeded': 'paid',
  'checkout.session.async_payment_failed': 'failed',
  'checkout.session.expired': 'expired',
};

const SESSION_ID = /^cs_(test|live)_[A-Za-z0-9]{1,200}$/;

export class StripePayments implements PaymentProvider {
  readonly name = 'stripe' as const;
  readonly checkoutLifetimeMs = STRIPE_CHECKOUT_LIFETIME_MS;
  private readonly http: ProviderHttp;
  private readonly now: () => number;

  constructor(private readonly options: StripeOptions) {
    this.now = options.now ?? Date.now;
    this.http = {
      provider: 'stripe',
      baseUrl: (options.apiUrl ?? 'https://api.stripe.com').replace(/\/+$/, ''),
      authorization: `Bearer ${options.secretKey}`,
      fetch: options.fetch ?? fetch,
      timeoutMs: options.timeoutMs ?? 15_000,
      errorMessage: (body) => {
        const parsed = z.object({ error: z.object({ message: z.string() }) }).safeParse(body);
        return parsed.success ? parsed.data.error.message : undefined;
      },
    };
  }

  async createPayment(request: PaymentRequest): Promise<ProviderPayment> {
    const { amount } = request;
    if (STRIPE_SPECIAL_CURRENCIES.has(amount.currency) || currencyExponent(amount.currency) > 2) {
      throw new PaymentProviderError('stripe', 'rejected', `Payments in ${amount.currency} need Mollie`);
    }
    const lines = sumMoney(
      request.lines.map((line) => line.lineTotal),
      amount.currency,
    );
    if (lines.amount !== amount.amount) {
      throw new PaymentProviderError('stripe', 'rejected', 'The order lines do not add up to the amount to pay');
    }
    const metadata = { orderId: request.orderId, attempt: request.attempt };
    const form = encodeForm({
      mode: 'payment',
      success_url: request.returnUrl,
      cancel_url: request.returnUrl,
      client_reference_id: request.orderId,
      metadata,
      payment_intent_data: { description: request.description, metadata },
      line_items: request.lines.map((line) => ({
        price_data: {
          currency: line.unitPrice.currency.toLowerCase(),
          product_data: { name: line.name, metadata: { sku: line.sku } },
          unit_amount: line.unitPrice.amount,
        },
        quantity: line.quantity,
      })),
      expires_at: request.expiresAt ? Math.floor(Date.parse(request.expiresAt) / 1000) : undefined,
    });
    const answer = await callProvider(this.http, 'POST', '/v1/checkout/sessions', {
      contentType: 'application/x-www-form-urlencoded',
      text: form,
      idempotencyKey: request.idempotencyKey,
    });
    if (answer.status === 404) throw new PaymentProviderError('stripe', 'invalid_response', 'Stripe: no sessions API');
    return this.toPayment(answer.body);
  }

  async getPayment(paymentId: string): Promise<ProviderPayment | null> {
    if (!SESSION_ID.test(paymentId)) return null;
    const answer = await callProvider(this.http, 'GET', `/v1/checkout/sessions/${paymentId}`);
    return answer.status === 404 ? null : this.toPayment(answer.body);
  }

  async receiveWebhook(delivery: WebhookDelivery): Promise<WebhookResult> {
    const check = verifyStripeSignature(
      this.options.webhookSecret,
      delivery.rawBody,
      headerValue(delivery.headers, 'stripe-signature'),
      Math.floor(this.now() / 1000),
      this.options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS,
    );
    if (!check.ok) throw new WebhookRejectedError(`Stripe-Signature refused: ${check.reason}`);
    let event;
    try {
      event = EventSchema.parse(JSON.parse(delivery.rawBody.toString()));
    } catch {
      throw new WebhookRejectedError('A signed Stripe delivery that is not an event');
    }
    if (!event.type.startsWith('checkout.session.')) return { kind: 'ignored', reason: `event ${event.type}` };
    const payment = this.toPayment(event.data.object);
    const status = EVENT_STATUS[event.type] ?? payment.status;
    return { kind: 'payment', payment: { ...payment, status }, eventId: event.id };
  }

  private toPayment(body: unknown): ProviderPayment {
    const parsed = SessionSchema.safeParse(body);
    const session = parsed.data;
    if (!session || typeof session.amount_total !== 'number' || !session.currency) {
      throw new PaymentProviderError('stripe', 'invalid_response', 'Stripe sent a Checkout Session we cannot read');
    }
    return {
      provider: 'stripe',
      id: session.id,
      status: sessionStatus(session),
      orderId: session.metadata?.['orderId'] ?? null,
      amount: { amount: session.amount_total, currency: session.currency.toUpperCase() },
      checkoutUrl: session.status === 'open' ? (session.url ?? null) : null,
      expiresAt: new Date(session.expires_at * 1000).toISOString(),
    };
  }
}
