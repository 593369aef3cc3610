import type { PaymentProviderName } from '../../shared/domain/order.js';
import type { PaymentsConfig } from '../config.js';
import { AppError } from '../kit/app-error.js';
import { MolliePayments, mollieWebhookUrl } from './mollie.js';
import type { PaymentProvider } from './provider.js';
import { SandboxPayments } from './sandbox.js';
import { StripePayments } from './stripe.js';

/*
 * The providers this relay may use: those with credentials, and the sandbox checkout when none is
 * configured or WhatsApp itself is the sandbox (a training setup). A shop with real payments never
 * offers the sandbox: its checkout pays nothing. Adapters are made at first use, once the relay
 * knows its public URL (the sandbox's checkout and Mollie's webhook live under it).
 */

export interface PaymentProviders {
  readonly defaultName: PaymentProviderName;
  available(): PaymentProviderName[];
  /** The adapter, or BAD_REQUEST naming the variable that would configure it. */
  get(name: PaymentProviderName): PaymentProvider;
  /** The sandbox checkout, when this relay offers it. */
  sandbox(): SandboxPayments | null;
}

export interface ProvidersOptions {
  config: PaymentsConfig;
  whatsappSandbox: boolean;
  publicUrl: () => string;
  now: () => number;
}

const SETTING: Record<PaymentProviderName, string> = {
  mollie: 'MOLLIE_API_KEY',
  stripe: 'STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET',
  sandbox: 'no MOLLIE_API_KEY or STRIPE_SECRET_KEY (the sandbox checkout is for shops without real payments)',
};

export function paymentProviders({ config, whatsappSandbox, publicUrl, now }: ProvidersOptions): PaymentProviders {
  const names: PaymentProviderName[] = [];
  if (config.mollie) names.push('mollie');
  if (config.stripe) names.push('stripe');
  if (names.length === 0 || whatsappSandbox) names.push('sandbox');
  const made = new Map<PaymentProviderName, PaymentProvider>();
  let sandbox: SandboxPayments | null = null;

  const make = (name: PaymentProviderName): PaymentProvider => {
    const { mollie, stripe } = config;
    if (name === 'mollie' && mollie) {
      return new MolliePayments({
        apiKey: mollie.apiKey,
        apiUrl: mollie.apiUrl,
        webhookUrl: mollieWebhookUrl(publicUrl()),
      });
    }
    if (name === 'stripe' && stripe) {
      return new StripePayments({ ...stripe, now });
    }
    sandbox = new SandboxPayments({ publicUrl: publicUrl(), now });
    return sandbox;
  };

  const providers: PaymentProviders = {
    defaultName: names[0] ?? 'sandbox',
    available: () => [...names],
    get(name) {
      if (!names.includes(name)) {
        throw new AppError(
          'BAD_REQUEST',
          `Payments through ${name} are not set up on this relay: it needs ${SETTING[name]}`,
        );
      }
      const existing = made.get(name);
      if (existing) return existing;
      const provider = make(name);
      made.set(name, provider);
      return provider;
    },
    sandbox() {
      if (!names.includes('sandbox')) return null;
      providers.get('sandbox');
      return sandbox;
    },
  };
  return providers;
}
