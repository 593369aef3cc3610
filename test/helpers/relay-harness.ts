import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { command, connectRelay, createAgent, login, type RelaySocket } from '../../shared/client/relay-client.js';
import type { Agent, AgentRole } from '../../shared/domain/agent.js';
import { ConversationListResponseSchema } from '../../shared/protocol/conversations.js';
import type { ServerToClientEvents } from '../../shared/protocol/events.js';
import type { RelayConfig } from '../../server/config.js';
import { createRelay, type Relay } from '../../server/relay.js';
import type { DiskFaults } from '../../server/storage/disk-faults.js';
import { FakeGraph } from './fake-graph.js';
import { inboundText, postWebhook, TEST_APP_SECRET, TEST_PHONE_NUMBER_ID, type Customer } from './webhooks.js';

export const ADMIN = { email: 'boss@shop.test', password: 'correct horse battery' };
export const AGENT_PASSWORD = 'agent password 1';

export interface Harness {
  relay: Relay;
  url: string;
  dataDir: string;
  graph: FakeGraph;
  adminToken: string;
  /** Creates an agent through the API and signs them in. */
  addAgent(name: string, role?: AgentRole): Promise<{ agent: Agent; token: string }>;
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** A relay on a free loopback port in Cloud API mode against `graphUrl`, logging nothing. */
export function cloudTestConfig(dataDir: string, graphUrl: string, overrides: Partial<RelayConfig> = {}): RelayConfig {
  return {
    port: 0,
    host: '127.0.0.1',
    dataDir,
    admin: ADMIN,
    whatsapp: {
      mode: 'cloud',
      accessToken: 'test-token',
      phoneNumberId: TEST_PHONE_NUMBER_ID,
      appSecret: TEST_APP_SECRET,
      verifyToken: 'verify-me',
      apiUrl: graphUrl,
    },
    extraOrigins: [],
    logLevel: 'silent',
    retryDelaysMs: [500, 2_000, 8_000, 30_000],
    requestDeadlineMs: 30_000,
    graphPerSecond: 80,
    ...overrides,
  };
}

export async function makeDataDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'toonbank-test-'));
}

/** The real relay on loopback port 0, in Cloud API mode against a fake Graph API. */
export async function startHarness(
  options: { dataDir?: string; now?: () => number; config?: Partial<RelayConfig>; diskFaults?: DiskFaults } = {},
): Promise<Harness> {
  const dataDir = options.dataDir ?? (await makeDataDir());
  const graph = new FakeGraph();
  await graph.start();
  const config = cloudTestConfig(dataDir, graph.url, { retryDelaysMs: [10, 20], ...options.config });
  const start = async () => {
    const relay = await createRelay({
      config,
      logger: pino({ level: 'silent' }),
      ...(options.now ? { now: options.now } : {}),
      ...(options.diskFaults ? { diskFaults: options.diskFaults } : {}),
    });
    return { relay, url: await relay.listen() };
  };
  let { relay, url } = await start();
  const harness: Harness = {
    relay,
    url,
    dataDir,
    graph,
    adminToken: (await login(url, ADMIN.email, ADMIN.password)).token,
    async addAgent(name, role = 'agent') {
      const email = `${name.toLowerCase().replace(/\W+/g, '.')}@shop.test`;
      await createAgent(harness.url, harness.adminToken, { name, email, password: AGENT_PASSWORD, role });
      const { token, agent } = await login(harness.url, email, AGENT_PASSWORD);
      return { agent, token };
    },
    async restart() {
      await harness.relay.close();
      ({ relay, url } = await start());
      harness.relay = relay;
      harness.url = url;
    },
    async stop() {
      await harness.relay.close();
      await graph.stop();
      if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
  return harness;
}

/** A signed-in Socket.IO client that records every event it receives. */
export interface TestClient {
  socket: RelaySocket;
  events: { name: keyof ServerToClientEvents; payload: unknown }[];
  next<E extends keyof ServerToClientEvents>(
    name: E,
    match?: (payload: Parameters<ServerToClientEvents[E]>[0]) => boolean,
  ): Promise<Parameters<ServerToClientEvents[E]>[0]>;
  close(): void;
}

export async function connectClient(url: string, token: string): Promise<TestClient> {
  const socket = connectRelay(url, token);
  const events: TestClient['events'] = [];
  const waiters: { name: string; match: (p: unknown) => boolean; resolve: (p: unknown) => void }[] = [];
  socket.onAny((name: keyof ServerToClientEvents, payload: unknown) => {
    events.push({ name, payload });
    for (const waiter of [...waiters]) {
      if (waiter.name === name && waiter.match(payload)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(payload);
      }
    }
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => {
      resolve();
    });
    socket.once('connect_error', reject);
  });
  return {
    socket,
    events,
    next(name, match = () => true) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          reject(new Error(`no ${name} event within 5 s`));
        }, 5000);
        waiters.push({
          name,
          match: match as (p: unknown) => boolean,
          resolve: (p) => {
            clearTimeout(timer);
            resolve(p as never);
          },
        });
      });
    },
    close: () => socket.close(),
  };
}

export { command };

export async function api(
  harness: Pick<Harness, 'url'>,
  token: string | null,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: unknown }> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${harness.url}${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // plain-text answers stay text
  }
  return { status: response.status, body: parsed };
}

/** The id of the conversation of the customer with this number, as a supervisor's list shows it ('' when none). */
export async function conversationOf(h: Pick<Harness, 'url' | 'adminToken'>, waId: string): Promise<string> {
  const list = ConversationListResponseSchema.parse((await api(h, h.adminToken, 'GET', '/api/v1/conversations')).body);
  return list.conversations.find((c) => c.contact.waId === waId)?.id ?? '';
}

/** The customer writes to the shop (a signed webhook); resolves with their conversation's id. */
export async function customerWrites(
  h: Pick<Harness, 'url' | 'adminToken'>,
  customer: Customer,
  text = 'Hallo!',
  at = Date.now(),
): Promise<string> {
  await postWebhook(h.url, inboundText(customer, text, { at }));
  const id = await conversationOf(h, customer.waId);
  if (id === '') throw new Error('no conversation');
  return id;
}
