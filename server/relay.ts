import type { AddressInfo } from 'node:net';
import cors from '@fastify/cors';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { DESKTOP_APP_ORIGIN } from '../shared/ipc.js';
import { registerAuthRoutes } from './auth/auth-routes.js';
import { AuthService } from './auth/auth-service.js';
import { ensureFirstSupervisor } from './auth/first-supervisor.js';
import type { RelayConfig } from './config.js';
import { registerConversationRoutes } from './conversations/conversation-routes.js';
import { ConversationService } from './conversations/conversation-service.js';
import { installErrorHandling } from './kit/error-handler.js';
import { openApiDocument } from './openapi/openapi-document.js';
import { socketBroadcaster, type Broadcaster } from './realtime/broadcaster.js';
import {
  createSocketServer,
  endSessionSockets,
  serveAgents,
  type RelaySocketServer,
} from './realtime/socket-server.js';
import { registerSandbox } from './sandbox/index.js';
import { AccountsStore } from './storage/accounts-store.js';
import { ConversationStore } from './storage/conversation-store.js';
import { registerRendererFiles } from './web/renderer-files.js';
import { createDelivery } from './whatsapp/delivery.js';
import { SANDBOX_DISPLAY_NUMBER, whatsappEndpoint } from './whatsapp/endpoint.js';
import { GraphClient } from './whatsapp/graph-client.js';
import { registerWhatsAppWebhook } from './whatsapp/webhook-routes.js';

export interface RelayDeps {
  config: RelayConfig;
  logger: Logger;
  /** The clock, in ms; tests pass a fixed or movable one. */
  now?: () => number;
}

export interface Relay {
  app: FastifyInstance;
  io: RelaySocketServer;
  /** Starts listening; resolves with the base URL clients use. */
  listen(): Promise<string>;
  /** The base URL, once listening. */
  url(): string;
  /** Waits for background sends to finish (tests, clean shutdown). */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/** The API's own JSON body limit; the WhatsApp webhook allows Meta's 3 MB on its own route. */
const API_BODY_LIMIT = 256 * 1024;

/**
 * Builds the relay: storage, services, HTTP routes and Socket.IO on one server. Nothing listens
 * until `listen()`; `server/index.ts` only reads configuration and calls this.
 */
export async function createRelay({ config, logger, now = Date.now }: RelayDeps): Promise<Relay> {
  const accounts = await AccountsStore.open(config.dataDir);
  const store = await ConversationStore.open(config.dataDir);
  const auth = new AuthService(accounts, now);
  await ensureFirstSupervisor(auth, config.admin, logger);

  // Fastify's own logger type, so the instance is the plain FastifyInstance every module takes.
  const fastifyLogger: FastifyBaseLogger = logger;
  const app = Fastify({
    loggerInstance: fastifyLogger,
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: API_BODY_LIMIT,
  });
  // Only JSON is spoken here; other bodies get 415 (routes that take CSV add their own parser).
  app.removeContentTypeParser('text/plain');
  let baseUrl = '';
  const ownOrigins = (): string[] =>
    [baseUrl, config.publicUrl].filter((u): u is string => Boolean(u)).map((u) => new URL(u).origin);
  const allowedOrigins = [DESKTOP_APP_ORIGIN, ...config.extraOrigins];

  const whatsapp = whatsappEndpoint(config.whatsapp, () => baseUrl);

  const io = createSocketServer(app.server, allowedOrigins);
  const broadcaster: Broadcaster = socketBroadcaster(io);
  const graph = new GraphClient(whatsapp);
  const delivery = createDelivery({
    graph,
    retryDelaysMs: config.retryDelaysMs,
    logger: logger.child({ module: 'delivery' }),
    // Bound late: the service and its delivery channel need each other.
    onResult: (message, result) => conversations.recordSendResult(message, result),
  });
  const conversations = new ConversationService(
    store,
    auth,
    broadcaster,
    delivery,
    now,
    logger.child({ module: 'conversations' }),
  );

  await app.register(cors, {
    origin: (origin, cb) => {
      cb(null, origin === undefined || allowedOrigins.includes(origin));
    },
  });
  installErrorHandling(app);
  app.get('/healthz', () => Promise.resolve({ ok: true }));
  app.get('/api/v1/openapi.json', () => Promise.resolve(openApiDocument(config.publicUrl ?? baseUrl)));
  registerAuthRoutes(app, auth, (tokenHash) => {
    endSessionSockets(io, tokenHash);
  });
  registerConversationRoutes(app, auth, conversations);
  registerWhatsAppWebhook(app, { ...whatsapp, conversations, logger: logger.child({ module: 'webhook' }) });
  // With real credentials none of the sandbox exists: its routes are never registered.
  if (whatsapp.sandbox) {
    registerSandbox(app, io, {
      accessToken: whatsapp.accessToken,
      appSecret: whatsapp.appSecret,
      phoneNumberId: whatsapp.phoneNumberId,
      displayPhoneNumber: SANDBOX_DISPLAY_NUMBER,
      webhookUrl: () => `${baseUrl}/webhooks/whatsapp`,
      logger: logger.child({ module: 'sandbox' }),
      now,
    });
  }
  await registerRendererFiles(app);
  serveAgents(io, { auth, conversations, now, logger: logger.child({ module: 'realtime' }) });

  return {
    app,
    io,
    async listen() {
      await app.listen({ port: config.port, host: config.host });
      const address = app.server.address() as AddressInfo;
      const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      baseUrl = `http://${host === '0.0.0.0' || host === '[::]' ? '127.0.0.1' : host}:${address.port}`;
      allowedOrigins.push(...ownOrigins());
      // Sends that were pending when the relay last stopped go out now (at least once).
      for (const message of await store.pendingOutbound()) {
        const conversation = store.get(message.conversationId);
        if (conversation) delivery.deliver(message, conversation.contact.waId);
      }
      return baseUrl;
    },
    url: () => baseUrl,
    idle: () => delivery.idle(),
    async close() {
      await io.close();
      await app.close();
      await delivery.idle();
    },
  };
}
