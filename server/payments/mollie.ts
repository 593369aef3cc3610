import { z } from 'zod';
import { PaymentStatusSchema } from '../../shared/domain/order.js';
import { MoneyError, formatDecimal, parseDecimal } from '../../shared/money.js';
import { callProvider, type ProviderHttp } from './http.js';
import {
  PaymentProviderError,
  WebhookRejectedError,
  type PaymentProvider,
  type PaymentRequest,
  type ProviderPayment,
  type WebhookDelivery,
  type WebhookResult,
} from './provider.js';

/*
 * Mollie Payments API v2 (reference/payments.md §1): `POST /v2/payments` with the amount as a string
 * of exactly the currency's decimals, `GET /v2/payments/:id`. Mollie's statuses are our words.
 * A webhook carries only `id=tr_…` and no signature: the payment is fetched with our key, so a forged
 * call can only make us look at a real payment, and an id Mollie does not know changes nothing.
 * Mollie sets each method's expiry itself (iDEAL 15 min … bank transfer days) and says when.
 */

export interface MollieOptions {
  apiKey: string;
  apiUrl?: string;
  /** `PUBLIC_URL/webhooks/mollie`; null where Mollie cannot reach the relay (see mollieWebhookUrl). */
  webhookUrl: string | null;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

const MolliePaymentSchema = z.object({
  id: z.string(),
  status: PaymentStatusSchema,
  amount: z.object({ currency: z.string(), value: z.string() }),
  metadata: z.unknown().optional(),
  expiresAt: z.string().nullish(),
  _links: z.object({ checkout: z.object({ href: z.string() }).nullish() }).loose(),
});

const MOLLIE_LOCALES = new Set(
  'en_US en_GB nl_NL nl_BE de_DE de_AT de_CH fr_FR fr_BE es_ES ca_ES pt_PT it_IT nb_NO sv_SE fi_FI da_DK is_IS hu_HU pl_PL lv_LV lt_LT'.split(
    ' ',
  ),
);

/** "nl-BE" → "nl_BE" when Mollie has it; otherwise Mollie picks from the customer's browser. */
export function mollieLocale(locale: string | undefined): string | undefined {
  const candidate = locale?.replace('-', '_');
  return candidate && MOLLIE_LOCALES.has(candidate) ? candidate : undefined;
}

/** Mollie refuses webhook URLs it cannot reach; on a loopback relay, statuses come from lookups only. */
export function mollieWebhookUrl(publicUrl: string): string | null {
  const { hostname } = new URL(publicUrl);
  const loopback = hostname === 'localhost' || hostname === '[::1]' || /^127\./.test(hostname);
  return loopback ? null : `${publicUrl.replace(/\/+$/, '')}/webhooks/mollie`;
}

const PAYMENT_ID = /^tr_[A-Za-z0-9]{1,64}$/;

export class MolliePayments implements PaymentProvider {
  readonly name = 'mollie' as const;
  readonly checkoutLifetimeMs = null;
  private readonly http: ProviderHttp;

  constructor(private readonly options: MollieOptions) {
    this.http = {
      provider: 'mollie',
      baseUrl: (options.apiUrl ?? 'https://api.mollie.com').replace(/\/+$/, ''),
      authorization: `Bearer ${options.apiKey}`,
      fetch: options.fetch ?? fetch,
      timeoutMs: options.timeoutMs ?? 15_000,
      errorMessage: (body) => {
        const parsed = z.object({ detail: z.string(), field: z.string().optional() }).safeParse(body);
        return parsed.success ? parsed.data.detail + (parsed.data.field ? ` (${parsed.data.field})` : '') : undefined;
      },
    };
  }

  async createPayment(request: PaymentRequest): Promise<ProviderPayment> {
    const locale = mollieLocale(request.locale);
    const body = {
      amount: { currency: request.amount.currency, value: formatDecimal(request.amount) },
      description: request.description.slice(0, 255),
      redirectUrl: request.returnUrl,
      ...(this.options.webhookUrl ? { webhookUrl: this.options.webhookUrl } : {}),
      ...(locale ? { locale } : {}),
      metadata: { orderId: request.orderId, attempt: request.attempt },
    };
    const answer = await callProvider(this.http, 'POST', '/v2/payments', {
      contentType: 'application/json',
      text: JSON.stringify(body),
      idempotencyKey: request.idempotencyKey,
    });
    if (answer.status === 404) throw new PaymentProviderError('mollie', 'invalid_response', 'Mollie: no payments API');
    return this.toPayment(answer.body);
  }

  async getPayment(paymentId: string): Promise<ProviderPayment | null> {
    if (!PAYMENT_ID.test(paymentId)) return null; // never put a stranger's text in our API path
    const answer = await callProvider(this.http, 'GET', `/v2/payments/${paymentId}`);
    return answer.status === 404 ? null : this.toPayment(answer.body);
  }

  async receiveWebhook(delivery: WebhookDelivery): Promise<WebhookResult> {
    const id = new URLSearchParams(delivery.rawBody.toString()).get('id');
    if (!id) throw new WebhookRejectedError('A Mollie webhook carries id=tr_…');
    const payment = await this.getPayment(id);
    return payment ? { kind: 'payment', payment, eventId: null } : { kind: 'ignored', reason: 'unknown payment' };
  }

  private toPayment(body: unknown): ProviderPayment {
    const parsed = MolliePaymentSchema.safeParse(body);
    if (!parsed.success) {
      throw new PaymentProviderError('mollie', 'invalid_response', `Mollie sent a payment we cannot read`);
    }
    const { id, status, amount, metadata, expiresAt, _links } = parsed.data;
    const orderId = z.object({ orderId: z.string() }).safeParse(metadata);
    let money;
    try {
      money = parseDecimal(amount.value, amount.currency);
    } catch (error) {
      if (!(error instanceof MoneyError)) throw error;
      throw new PaymentProviderError('mollie', 'invalid_response', `Mollie sent an amount we cannot read`);
    }
    return {
      provider: 'mollie',
      id,
      status,
      orderId: orderId.success ? orderId.data.orderId : null,
      amount: money,
      checkoutUrl: _links.checkout?.href ?? null,
      expiresAt: expiresAt ?? null,
    };
  }
}
