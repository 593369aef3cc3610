import type { CartLine } from '../../shared/domain/cart.js';
import type { PaymentProviderName, PaymentStatus } from '../../shared/domain/order.js';
import type { Money } from '../../shared/money.js';

/*
 * What the relay needs of a payment provider for links that still work tomorrow: create one
 * checkout per attempt (idempotently: a retried create with the same key is the same payment), look
 * a payment up by id (the truth after a webhook, a return from checkout, or an expiry on our clock),
 * and read a webhook delivery. The order's stable link and the choice between redirecting and
 * starting the next attempt live in order-payments.ts, the same for every provider.
 *
 * The adapters use fetch and nothing else. Each needs three endpoints; the official SDKs would bring
 * their own HTTP stack, retries and types between us and the exact wire format the tests pin down,
 * and a configurable base URL is all it takes to point them at the fakes in test/helpers.
 */

export interface PaymentRequest {
  orderId: string;
  attempt: number;
  /** The same for every retry of this attempt: `<orderId>-<attempt>` (see order-payments.ts). */
  idempotencyKey: string;
  amount: Money;
  /** Shown on the checkout and, where the method allows, the bank statement. */
  description: string;
  /** What Stripe lists on its checkout; their line totals add up to `amount`. */
  lines: readonly CartLine[];
  /** Where the customer lands after paying or giving up: the relay's own page for the order. */
  returnUrl: string;
  /** When the checkout should expire (ISO 8601), where the provider lets us say; null: its default. */
  expiresAt: string | null;
  /** The customer's language as BCP 47 ("nl-BE"), for the checkout page where the provider takes it. */
  locale?: string;
}

export interface ProviderPayment {
  provider: PaymentProviderName;
  id: string;
  status: PaymentStatus;
  /** Our order id as we gave it in the payment's metadata; null when it has none (not ours). */
  orderId: string | null;
  amount: Money;
  /** The checkout page, while the payment can still be paid there. */
  checkoutUrl: string | null;
  expiresAt: string | null;
}

export interface WebhookDelivery {
  headers: Readonly<Record<string, string | string[] | undefined>>;
  /** The body exactly as received: Stripe signs its bytes. */
  rawBody: Buffer | string;
}

export type WebhookResult =
  { kind: 'payment'; payment: ProviderPayment; eventId: string | null } | { kind: 'ignored'; reason: string };

export interface PaymentProvider {
  readonly name: PaymentProviderName;
  /** How long a new checkout should live; null when the provider decides (Mollie: per method). */
  readonly checkoutLifetimeMs: number | null;
  createPayment(request: PaymentRequest): Promise<ProviderPayment>;
  /** The provider's current view of a payment; null when it does not know the id. */
  getPayment(paymentId: string): Promise<ProviderPayment | null>;
  /**
   * Reads a webhook delivery. A payment it names that the provider does not know is `ignored` (and
   * should be answered 200, so nothing is revealed); a forged or malformed delivery throws
   * WebhookRejectedError (answer 400). Other errors are the provider being unreachable: answer 5xx
   * and the provider retries.
   */
  receiveWebhook(delivery: WebhookDelivery): Promise<WebhookResult>;
}

/**
 * `rejected`: the provider refused the request (a bug or bad data: do not retry as is);
 * `unauthorized`: the API key is wrong; `unavailable`: network, timeout, 429 or 5xx (retry later);
 * `invalid_response`: the answer was not what the provider documents.
 */
export type PaymentErrorKind = 'rejected' | 'unauthorized' | 'unavailable' | 'invalid_response';

export class PaymentProviderError extends Error {
  override name = 'PaymentProviderError';
  constructor(
    readonly provider: PaymentProviderName,
    readonly kind: PaymentErrorKind,
    message: string,
    readonly status: number | null = null,
  ) {
    super(message);
  }

  get retryable(): boolean {
    return this.kind === 'unavailable';
  }
}

export class WebhookRejectedError extends Error {
  override name = 'WebhookRejectedError';
}

export function headerValue(headers: WebhookDelivery['headers'], name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}
