import type { AddressInfo } from 'node:net';
import cors from '@fastify/cors';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { DESKTOP_APP_ORIGIN } from '../shared/ipc.js';
import { AccountService } from './accounts/account-service.js';
import { ActivityService } from './activity/activity-service.js';
import { activityHandlers } from './activity/commands.js';
import { ensureFirstSupervisor } from './accounts/first-supervisor.js';
import { registerAccountRoutes } from './accounts/routes.js';
import { AssignmentService } from './assignment/assignment-service.js';
import { AutoAssigner } from './assignment/auto-assign.js';
import { assignmentHandlers } from './assignment/commands.js';
import { registerAssignmentRoutes } from './assignment/routes.js';
import { CartService } from './carts/cart-service.js';
import { cartHandlers } from './carts/commands.js';
import { registerCartRoutes } from './carts/routes.js';
import { StoredCartSchema } from './carts/stored-cart.js';
import { accountHandlers } from './accounts/commands.js';
import { PresenceTracker } from './accounts/presence.js';
import { CatalogService } from './catalog/catalog-service.js';
import { catalogHandlers } from './catalog/commands.js';
import { ProductCardService } from './catalog/product-card-service.js';
import { watchProductMentions } from './catalog/product-mentions.js';
import { registerImageRoutes } from './catalog/image-routes.js';
import { registerCatalogRoutes } from './catalog/routes.js';
import { DEFAULT_CLOCK_TICK_MS, DEFAULT_PRESENCE_GRACE_MS, type RelayConfig } from './config.js';
import { workflowHandlers } from './workflow/commands.js';
import { registerWorkflowRoutes } from './workflow/routes.js';
import { WorkflowService } from './workflow/workflow-service.js';
import { labelHandlers } from './labels/commands.js';
import { LabelService } from './labels/label-service.js';
import { registerLabelRoutes } from './labels/routes.js';
import { SettingsService } from './settings/settings-service.js';
import { TeamStore } from './storage/team-store.js';
import { registerSearchRoutes, searchHandlers } from './search/routes.js';
import { SearchService } from './search/search-service.js';
import { ContactService } from './contacts/contact-service.js';
import { contactHandlers, registerContactRoutes } from './contacts/routes.js';
import { conversationHandlers } from './conversations/commands.js';
import { ConversationService } from './conversations/conversation-service.js';
import { registerConversationRoutes } from './conversations/routes.js';
import { createDomainEvents } from './domain-events.js';
import { inboxHandlers } from './inbox/sync.js';
import { frameworkErrors, installErrorHandling } from './kit/error-handler.js';
import { installRequestDeadline } from './kit/request-deadline.js';
import { installSecurityHeaders } from './kit/security-headers.js';
import { messageHandlers } from './messages/commands.js';
import { MessageService } from './messages/message-service.js';
import { registerMessageRoutes } from './messages/routes.js';
import { StatusTracker } from './messages/status-tracker.js';
import { openApiDocument } from './openapi/openapi-document.js';
import { orderHandlers } from './orders/commands.js';
import { OrderService } from './orders/order-service.js';
import { registerPayRoutes } from './orders/pay-routes.js';
import { registerOrderRoutes } from './orders/routes.js';
import { StoredOrderSchema } from './orders/stored-order.js';
import { paymentProviders } from './payments/providers.js';
import type { RelayHandlers } from './realtime/caller.js';
import { attachFanout, type RelayIo } from './realtime/fanout.js';
import { createSocketServer, serveAgents } from './realtime/socket-server.js';
import { registerSandbox } from './sandbox/index.js';
import { HealthService } from './health/health-service.js';
import { registerShopRoutes } from './shop/routes.js';
import type { ShopContext } from './shop/shop-pages.js';
import { AccountsStore } from './storage/accounts-store.js';
import { CatalogStore } from './storage/catalog-store.js';
import { ProductImageFiles } from './storage/product-images.js';
import type { DiskFaults } from './storage/disk-faults.js';
import { Quarantine } from './storage/quarantine.js';
import { RecordFile } from './storage/record-file.js';
import { MentionSchema } from '../shared/protocol/notes.js';
import { NoteService } from './notes/note-service.js';
import { FloorService } from './floor/floor-service.js';
import { floorHandlers, registerFloorRoutes } from './floor/routes.js';
import { shopDays } from './floor/shop-days.js';
import { CannedReplySchema } from '../shared/domain/canned-reply.js';
import { CannedReplyService } from './canned-replies/canned-reply-service.js';
import { cannedReplyHandlers } from './canned-replies/commands.js';
import { registerCannedReplyRoutes } from './canned-replies/routes.js';
import { noteHandlers } from './notes/commands.js';
import { registerNoteRoutes } from './notes/routes.js';
import { ConversationStore } from './storage/conversation-store.js';
import { migrateDataDir } from './storage/data-format.js';
import { RecordStore } from './storage/record-store.js';
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
  /** Tests only: writes that fail on purpose (a full disk). */
  diskFaults?: DiskFaults;
}

export interface Relay {
  app: FastifyInstance;
  io: RelayIo;
  /** Starts listening; resolves with the base URL clients use. */
  listen(): Promise<string>;
  /** The base URL, once listening. */
  url(): string;
  /** Resolves once the search index holds every stored message (it is built after `listen()`). */
  searchIndexed(): Promise<void>;
  /** Waits for background sends to finish (tests, clean shutdown). */
  idle(): Promise<void>;
  /** Waits for background sends, then writes the journal into the data files (tests, benchmark). */
  flush(): Promise<void>;
  /** What the store holds in memory and how its journal groups commits (tests, benchmark). */
  stats(): ReturnType<ConversationStore['stats']>;
  close(): Promise<void>;
}

/** The API's own JSON body limit; the WhatsApp webhook allows Meta's 3 MB on its own route. */
const API_BODY_LIMIT = 256 * 1024;
/** The VAT rate of a product created without one. */
const DEFAULT_VAT_RATE = 21;

/**
 * Builds the relay: storage, then the features' services (each told only what it needs), then
 * their routes and socket commands, on one HTTP server. Nothing listens until `listen()`;
 * `server/index.ts` only reads configuration and calls this.
 */
export async function createRelay({ config, logger, now = Date.now, diskFaults }: RelayDeps): Promise<Relay> {
  const storageLogger = logger.child({ module: 'storage' });
  const quarantine = new Quarantine(config.dataDir, storageLogger);
  await migrateDataDir(config.dataDir, storageLogger, quarantine);
  const accountsStore = await AccountsStore.open(config.dataDir, quarantine);
  const catalogStore = await CatalogStore.open(config.dataDir, quarantine);
  const mentionsFile = await RecordFile.open(config.dataDir, 'mentions.json', MentionSchema, quarantine);
  const cannedRepliesFile = await RecordFile.open(config.dataDir, 'canned-replies.json', CannedReplySchema, quarantine);
  const events = createDomainEvents(logger.child({ module: 'events' }));
  const health = new HealthService({ quarantine, events });
  const store = await ConversationStore.open(config.dataDir, {
    logger: storageLogger,
    quarantine,
    ...(diskFaults ? { faults: diskFaults } : {}),
    onWriteState: (state) => {
      health.writesAre(state);
    },
  });

  let baseUrl = '';
  const whatsapp = whatsappEndpoint(config.whatsapp, () => baseUrl);
  const graph = new GraphClient({ ...whatsapp, perSecond: config.graphPerSecond });

  const presence = new PresenceTracker(config.presenceGraceMs ?? DEFAULT_PRESENCE_GRACE_MS);
  const accounts = new AccountService({ accounts: accountsStore, events, presence, now });
  await ensureFirstSupervisor(accounts, config.admin, logger);
  const statuses = new StatusTracker({ store, events, now, logger: logger.child({ module: 'statuses' }) });
  const delivery = createDelivery({
    graph,
    results: statuses,
    retryDelaysMs: config.retryDelaysMs,
    logger: logger.child({ module: 'delivery' }),
  });
  const conversations = new ConversationService({ store, events, receipts: delivery, now });
  const workflow = new WorkflowService({
    store,
    conversations,
    events,
    now,
    tickMs: config.clockTickMs ?? DEFAULT_CLOCK_TICK_MS,
  });
  const messages = new MessageService({ store, conversations, workflow, events, now });
  const team = await TeamStore.open(config.dataDir, quarantine);
  const labels = new LabelService({ team, store, conversations, events });
  const settings = new SettingsService({ team, events });
  const assignment = new AssignmentService({ store, conversations, accounts, events, now });
  const cannedReplies = new CannedReplyService({ file: cannedRepliesFile, events });
  const search = new SearchService({ store, conversations, events, logger: logger.child({ module: 'search' }) });
  const autoAssigner = new AutoAssigner({ store, accounts, assignment, settings, events, team });
  const floor = new FloorService({
    store,
    accounts,
    now,
    // The shop's day: SHOP_TIMEZONE, else the relay machine's zone.
    days: shopDays(config.shop?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone),
  });
  const notes = new NoteService({ store, conversations, accounts, mentions: mentionsFile, events, now });
  const activity = new ActivityService({
    conversations,
    lookup: (id) => store.get(id),
    agentOf: (id) => accounts.getAgent(id),
    events,
    ...(config.typingExpiryMs === undefined ? {} : { typingExpiryMs: config.typingExpiryMs }),
  });
  // The hosted shop's name, number and language; the sandbox's number when no real one is set.
  const shop = (): ShopContext => ({
    name: config.shop?.name ?? 'Toonbank shop',
    waNumber: config.shop?.waNumber ?? SANDBOX_DISPLAY_NUMBER,
    locale: config.shop?.locale ?? 'en',
    publicUrl: config.publicUrl ?? baseUrl,
  });
  const catalog = new CatalogService({
    store: catalogStore,
    events,
    now,
    publicUrl: () => config.publicUrl ?? baseUrl,
    // Belgium's standard rate until the shop's settings carry their own.
    defaultVatRate: () => DEFAULT_VAT_RATE,
  });
  const cardContext = () => ({
    catalogId: config.shop?.catalogId ?? null,
    publicUrl: config.publicUrl ?? baseUrl,
    locale: config.shop?.locale ?? 'en',
  });
  const cards = new ProductCardService({ catalog, conversations, messages, context: cardContext });
  watchProductMentions({
    events,
    store,
    catalog,
    context: cardContext,
    now,
    logger: logger.child({ module: 'product-mentions' }),
  });
  events.subscribe((event) => {
    delivery.onEvent(event);
    if (event.type === 'conversation.changed') activity.conversationChanged(event.conversation);
    if (event.type === 'message.created' && event.message.authorId !== null) {
      activity.sent(event.message.authorId, event.conversation.id);
    }
  });
  const publicUrl = () => config.publicUrl ?? baseUrl;
  const carts = new CartService({
    carts: await RecordStore.open(config.dataDir, 'carts', StoredCartSchema, quarantine),
    catalog,
    conversations,
    conversationOf: (id) => store.get(id),
    messages,
    events,
    now,
  });
  events.subscribe((event) => {
    carts.onEvent(event, (error) => {
      logger.error({ err: error }, "a customer's order could not become their cart");
    });
  });
  const orders = new OrderService({
    orders: await RecordStore.open(config.dataDir, 'orders', StoredOrderSchema, quarantine),
    carts,
    catalog,
    conversations,
    conversationOf: (id) => store.get(id),
    messages,
    providers: paymentProviders({
      config: config.payments ?? {},
      whatsappSandbox: whatsapp.sandbox,
      publicUrl,
      now,
    }),
    events,
    now,
    publicUrl,
    logger: logger.child({ module: 'orders' }),
  });
  const contacts = new ContactService({ store, conversations, orders });

  // Fastify's own logger type, so the instance is the plain FastifyInstance every module takes.
  const fastifyLogger: FastifyBaseLogger = logger;
  const app = Fastify({
    loggerInstance: fastifyLogger,
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: API_BODY_LIMIT,
    frameworkErrors,
    // Node's own limits, a backstop behind the body deadline (slow headers, a stuck socket).
    requestTimeout: config.requestDeadlineMs + 5_000,
  });
  // Only JSON is spoken here; other bodies get 415 (routes that take CSV add their own parser).
  app.removeContentTypeParser('text/plain');
  const ownOrigins = (): string[] =>
    [baseUrl, config.publicUrl].filter((u): u is string => Boolean(u)).map((u) => new URL(u).origin);
  const allowedOrigins = [DESKTOP_APP_ORIGIN, ...config.extraOrigins];
  await app.register(cors, {
    origin: (origin, cb) => {
      cb(null, origin === undefined || allowedOrigins.includes(origin));
    },
  });
  installErrorHandling(app);
  await installSecurityHeaders(app);
  installRequestDeadline(app, config.requestDeadlineMs);

  const io = createSocketServer(app.server, allowedOrigins);
  attachFanout(io, events, { unreadFor: (id, agentId) => store.unreadFor(id, agentId) });
  const handlers: RelayHandlers = {
    ...inboxHandlers({ accounts, conversations, health, activity }),
    ...accountHandlers(accounts),
    ...conversationHandlers(conversations),
    ...messageHandlers(messages),
    ...assignmentHandlers(assignment, conversations),
    ...workflowHandlers(workflow, conversations),
    ...labelHandlers(labels, settings, conversations),
    ...searchHandlers(search),
    ...cartHandlers(carts),
    ...orderHandlers(orders),
    ...activityHandlers(activity),
    ...noteHandlers(notes),
    ...floorHandlers(floor),
    ...contactHandlers(contacts),
    ...cannedReplyHandlers(cannedReplies),
    ...catalogHandlers(catalog, cards),
  };
  serveAgents(io, {
    accounts,
    presence,
    handlers,
    now,
    logger: logger.child({ module: 'realtime' }),
    onDisconnect: (socketId) => {
      activity.disconnected(socketId);
    },
  });

  app.get('/healthz', () => Promise.resolve({ ok: true }));
  app.get('/api/v1/openapi.json', () => Promise.resolve(openApiDocument(config.publicUrl ?? baseUrl)));
  registerAccountRoutes(app, accounts);
  registerConversationRoutes(app, accounts, conversations);
  registerMessageRoutes(app, accounts, messages);
  registerAssignmentRoutes(app, accounts, conversations, assignment);
  registerWorkflowRoutes(app, accounts, conversations, workflow);
  registerLabelRoutes(app, { accounts, conversations, labels, settings });
  registerSearchRoutes(app, accounts, search);
  registerCartRoutes(app, accounts, carts);
  registerOrderRoutes(app, accounts, orders);
  registerPayRoutes(app, orders, now);
  registerCatalogRoutes(app, accounts, catalog, cards, shop);
  registerNoteRoutes(app, accounts, notes);
  registerFloorRoutes(app, accounts, floor);
  registerContactRoutes(app, accounts, contacts);
  registerCannedReplyRoutes(app, accounts, cannedReplies);
  registerImageRoutes(app, { accounts, catalog, files: new ProductImageFiles(config.dataDir) });
  registerShopRoutes(app, { catalog, events, shop });
  registerWhatsAppWebhook(app, {
    ...whatsapp,
    store,
    conversations,
    messages,
    statuses,
    events,
    now,
    logger: logger.child({ module: 'webhook' }),
  });
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
      dataDir: config.dataDir,
    });
  }
  await registerRendererFiles(app);

  return {
    app,
    io,
    async listen() {
      await app.listen({ port: config.port, host: config.host });
      const address = app.server.address() as AddressInfo;
      const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      baseUrl = `http://${host === '0.0.0.0' || host === '[::]' ? '127.0.0.1' : host}:${address.port}`;
      allowedOrigins.push(...ownOrigins());
      workflow.start();
      autoAssigner.schedule();
      // History is read into the search index after the relay answers, never before.
      void search.build();
      // Paid orders whose confirmation or stock was not done when the relay stopped.
      void orders.resume().catch((error: unknown) => {
        logger.error({ err: error }, 'resuming paid orders failed');
      });
      // Sends that were pending when the relay last stopped go out now (at least once).
      delivery.resume(
        store.outbox().flatMap((message) => {
          const conversation = store.get(message.conversationId);
          return conversation ? [{ message, to: conversation.contact }] : [];
        }),
      );
      return baseUrl;
    },
    url: () => baseUrl,
    searchIndexed: () => search.build(),
    idle: async () => {
      await autoAssigner.idle();
      await delivery.idle();
    },
    stats: () => store.stats(),
    async flush() {
      await delivery.idle();
      await store.checkpoint();
    },
    async close() {
      await workflow.close();
      await search.close();
      await autoAssigner.close();
      await io.close();
      presence.close();
      await app.close();
      await delivery.idle();
      await store.close();
    },
  };
}
