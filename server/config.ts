import { resolve } from 'node:path';
import { z } from 'zod';
import { isTimeZone } from './floor/shop-days.js';

/*
 * All configuration comes from the environment (and a .env file, loaded by index.ts).
 * The names and defaults are a contract: see PRODUCT.md and the README.
 */

const optional = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()));

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  PUBLIC_URL: optional.pipe(z.url().optional()),
  ADMIN_EMAIL: optional.pipe(z.email().optional()),
  ADMIN_PASSWORD: optional.pipe(z.string().min(8, 'ADMIN_PASSWORD needs at least 8 characters').optional()),
  WHATSAPP_TOKEN: optional,
  WHATSAPP_PHONE_NUMBER_ID: optional,
  WHATSAPP_APP_SECRET: optional,
  WHATSAPP_VERIFY_TOKEN: optional,
  WHATSAPP_API_URL: optional.pipe(z.url().optional()),
  WHATSAPP_MESSAGES_PER_SECOND: z.coerce.number().int().min(1).max(1_000).default(80),
  MOLLIE_API_KEY: optional,
  MOLLIE_API_URL: optional.pipe(z.url().optional()),
  STRIPE_SECRET_KEY: optional,
  STRIPE_WEBHOOK_SECRET: optional,
  STRIPE_API_URL: optional.pipe(z.url().optional()),
  WHATSAPP_CATALOG_ID: optional,
  SHOP_NAME: optional,
  SHOP_WHATSAPP_NUMBER: optional.pipe(
    z
      .string()
      .regex(/^\d{6,15}$/, 'digits with country code, no +')
      .optional(),
  ),
  SHOP_LOCALE: optional,
  SHOP_TIMEZONE: optional.pipe(z.string().refine(isTimeZone, 'an IANA time zone such as Europe/Brussels').optional()),
  CORS_ORIGINS: optional,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type WhatsAppConfig =
  | {
      mode: 'cloud';
      accessToken: string;
      phoneNumberId: string;
      appSecret: string;
      verifyToken: string;
      apiUrl: string;
    }
  | { mode: 'sandbox' };

/** The payment providers with credentials; with neither, payment links use the sandbox checkout. */
export interface PaymentsConfig {
  mollie?: { apiKey: string; apiUrl: string };
  stripe?: { secretKey: string; webhookSecret: string; apiUrl: string };
}

export interface RelayConfig {
  port: number;
  host: string;
  dataDir: string;
  /** Set when the relay is reached under another address than it listens on (proxy, tunnel). */
  publicUrl?: string;
  admin: { email?: string; password?: string };
  whatsapp: WhatsAppConfig;
  /** Left out: no provider configured (the sandbox checkout). */
  payments?: PaymentsConfig;
  /** Browser origins besides the relay's own that may call the API (the Electron app, a dev server). */
  extraOrigins: string[];
  logLevel: string;
  /** Waits between retries of a temporary WhatsApp error. */
  retryDelaysMs: readonly number[];
  /** The number's throughput: Graph API sends per second at most (80 by default, up to 1,000). */
  graphPerSecond: number;
  /** A request whose body has not arrived by then answers 408. */
  requestDeadlineMs: number;
  /** How long typing lasts without a new notice (tests shorten it); 6 s by default. */
  typingExpiryMs?: number;
  /** How long an agent whose apps all closed still shows as there (reloads, short drops); 20 s by default. */
  presenceGraceMs?: number;
  /** How often the relay looks at its clock for snoozes that ended; 1 s by default (tests: less). */
  clockTickMs?: number;
  /** The hosted shop and product cards: the shop's name, its WhatsApp number (wa.me links), its language. */
  shop?: { name?: string; waNumber?: string; locale?: string; catalogId?: string; timeZone?: string };
}

export const DEFAULT_PRESENCE_GRACE_MS = 20_000;
export const DEFAULT_CLOCK_TICK_MS = 1_000;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const trimmed = (url: string): string => url.replace(/\/+$/, '');

export function readConfig(env: NodeJS.ProcessEnv): RelayConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  let whatsapp: WhatsAppConfig = { mode: 'sandbox' };
  if (e.WHATSAPP_TOKEN) {
    const missing = (['WHATSAPP_PHONE_NUMBER_ID', 'WHATSAPP_APP_SECRET', 'WHATSAPP_VERIFY_TOKEN'] as const).filter(
      (name) => !e[name],
    );
    if (missing.length > 0) throw new ConfigError(`WHATSAPP_TOKEN is set, so ${missing.join(', ')} must be set too`);
    whatsapp = {
      mode: 'cloud',
      accessToken: e.WHATSAPP_TOKEN,
      phoneNumberId: e.WHATSAPP_PHONE_NUMBER_ID ?? '',
      appSecret: e.WHATSAPP_APP_SECRET ?? '',
      verifyToken: e.WHATSAPP_VERIFY_TOKEN ?? '',
      apiUrl: (e.WHATSAPP_API_URL ?? 'https://graph.facebook.com').replace(/\/+$/, ''),
    };
  }
  if (e.STRIPE_SECRET_KEY && !e.STRIPE_WEBHOOK_SECRET) {
    throw new ConfigError('STRIPE_SECRET_KEY is set, so STRIPE_WEBHOOK_SECRET must be set too (it verifies webhooks)');
  }
  const payments: PaymentsConfig = {
    ...(e.MOLLIE_API_KEY
      ? { mollie: { apiKey: e.MOLLIE_API_KEY, apiUrl: trimmed(e.MOLLIE_API_URL ?? 'https://api.mollie.com') } }
      : {}),
    ...(e.STRIPE_SECRET_KEY
      ? {
          stripe: {
            secretKey: e.STRIPE_SECRET_KEY,
            webhookSecret: e.STRIPE_WEBHOOK_SECRET ?? '',
            apiUrl: trimmed(e.STRIPE_API_URL ?? 'https://api.stripe.com'),
          },
        }
      : {}),
  };
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.DATA_DIR),
    ...(e.PUBLIC_URL ? { publicUrl: e.PUBLIC_URL.replace(/\/+$/, '') } : {}),
    admin: {
      ...(e.ADMIN_EMAIL ? { email: e.ADMIN_EMAIL } : {}),
      ...(e.ADMIN_PASSWORD ? { password: e.ADMIN_PASSWORD } : {}),
    },
    whatsapp,
    payments,
    extraOrigins: (e.CORS_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    logLevel: e.LOG_LEVEL,
    retryDelaysMs: [500, 2_000, 8_000, 30_000],
    requestDeadlineMs: 30_000,
    graphPerSecond: e.WHATSAPP_MESSAGES_PER_SECOND,
    shop: {
      ...(e.SHOP_NAME ? { name: e.SHOP_NAME } : {}),
      ...(e.SHOP_WHATSAPP_NUMBER ? { waNumber: e.SHOP_WHATSAPP_NUMBER } : {}),
      ...(e.SHOP_LOCALE ? { locale: e.SHOP_LOCALE } : {}),
      ...(e.SHOP_TIMEZONE ? { timeZone: e.SHOP_TIMEZONE } : {}),
      ...(e.WHATSAPP_CATALOG_ID ? { catalogId: e.WHATSAPP_CATALOG_ID } : {}),
    },
  };
}
