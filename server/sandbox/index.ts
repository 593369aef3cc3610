import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Server } from 'socket.io';
import { SANDBOX_API_PREFIX } from '../../shared/protocol/sandbox.js';
import { Faults } from './faults.js';
import { registerGraphRoutes } from './graph-routes.js';
import { MediaStore } from './media.js';
import { registerPage } from './page.js';
import { attachPhoneNamespace } from './phone-socket.js';
import { registerPhoneRoutes } from './phone-routes.js';
import { Sandbox } from './sandbox.js';
import { ServiceWindows } from './service-windows.js';
import { Threads } from './threads.js';
import { DEFAULT_WEBHOOK_TUNING, WebhookDispatcher, type WebhookTuning } from './webhook-dispatcher.js';

/*
 * The WhatsApp sandbox: a fake Graph API at /sandbox/graph, the customer phone page at /sandbox
 * with its Socket.IO namespace /sandbox, and a test API at /sandbox/api. It talks to the relay
 * only over HTTP (signed webhooks to `webhookUrl()`), like Meta does. Registered only when no
 * WhatsApp token is configured.
 */

export interface SandboxOptions {
  appSecret: string; // signs webhooks (X-Hub-Signature-256 = sha256=HMAC-SHA256(appSecret, raw body) hex)
  accessToken: string; // the bearer token the fake Graph API accepts
  phoneNumberId: string; // e.g. '100000000000001'; display number e.g. '15550001234'
  displayPhoneNumber: string;
  webhookUrl: () => string; // where to POST webhooks (the relay's own /webhooks/whatsapp on loopback), known after listen
  logger: Logger;
  now: () => number; // clock (ms)
  /** Where the customer-service windows outlive a restart; memory only without one. */
  dataDir?: string;
}

/** The sandbox's WhatsApp Business Account id, the `entry[].id` of every webhook. */
export const SANDBOX_WABA_ID = '100000000000002';

export function registerSandbox(app: FastifyInstance, io: Server, options: SandboxOptions): void {
  registerSandboxWith(app, io, options, DEFAULT_WEBHOOK_TUNING);
}

/** `registerSandbox` with the webhook retry timing chosen (tests shorten it). */
export function registerSandboxWith(
  app: FastifyInstance,
  io: Server,
  options: SandboxOptions,
  tuning: WebhookTuning,
): void {
  const { logger } = options;
  const media = new MediaStore();
  const faults = new Faults();
  const sandbox = new Sandbox({
    business: {
      wabaId: SANDBOX_WABA_ID,
      displayPhoneNumber: options.displayPhoneNumber,
      phoneNumberId: options.phoneNumberId,
    },
    threads: new Threads(),
    media,
    dispatcher: new WebhookDispatcher(options.webhookUrl, options.appSecret, logger, tuning),
    faults,
    windows: new ServiceWindows(
      options.dataDir === undefined ? null : join(options.dataDir, 'sandbox-windows.json'),
      options.now,
    ),
    logger,
    now: options.now,
  });
  sandbox.attachPhones(
    attachPhoneNamespace(io, { sandbox, media, displayPhoneNumber: options.displayPhoneNumber, logger }),
  );

  void app.register(
    async (scope) => {
      registerGraphRoutes(scope, { ...options, sandbox, media, logger });
    },
    { prefix: '/sandbox/graph' },
  );
  void app.register(
    async (scope) => {
      registerPhoneRoutes(scope, { sandbox, media, faults });
    },
    { prefix: SANDBOX_API_PREFIX },
  );
  registerPage(app);
  app.addHook('onClose', async () => sandbox.close());
  logger.info({ phoneNumberId: options.phoneNumberId }, 'WhatsApp sandbox ready at /sandbox');
}
