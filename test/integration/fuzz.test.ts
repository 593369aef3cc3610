import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConversationListResponseSchema } from '../../shared/protocol/conversations.js';
import { commandSpecs } from '../../shared/protocol/events.js';
import { dataFolderDigest, everyJsonFileParses } from '../helpers/data-folder.js';
import { api, connectClient, startHarness, type Harness, type TestClient } from '../helpers/relay-harness.js';
import { envelope, inboundText, postWebhook } from '../helpers/webhooks.js';

/*
 * Property-based fuzzing of every way in: signed webhooks (the real structure with hostile values,
 * and arbitrary JSON), REST bodies and Socket.IO payloads. Each is answered with a 2xx or a
 * specific 4xx — never a 5xx, never a crash — and a refused webhook leaves the data folder
 * byte-identical. Afterwards the relay restarts and opens every file.
 *
 * FUZZ_RUNS sets the number of inputs per property (a short run in `npm test`; FUZZ_RUNS=5000 for
 * the long one). FUZZ_SEED replays a failing run.
 */

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 150);
const SEED = process.env['FUZZ_SEED'] === undefined ? undefined : Number(process.env['FUZZ_SEED']);
const params = { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }) };
/** Generous: each input is a real HTTP round trip, some with a flush and a folder digest. */
const timeout = 30_000 + RUNS * 60;

const hostileString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.constantFrom('', ' ', '\u0000', '<script>alert(1)</script>', '../../etc/passwd', '%zz', '9'.repeat(40), '-1'),
  fc.string({ minLength: 65_000, maxLength: 70_000 }),
);
const hostileValue = fc.oneof(
  hostileString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.jsonValue({ maxDepth: 3 }),
);
const maybe = <T>(good: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 3, arbitrary: good }, { weight: 1, arbitrary: hostileValue });

const waId = fc.constantFrom('32470123456', '31612345678', '32470999000');
const bsuid = fc.constantFrom('BE.13491208655302741918', 'NL.ENT.42', 'XX.');
const timestamp = fc.oneof(
  fc.constant(String(Math.floor(Date.now() / 1000))),
  fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }).map(String),
  hostileString,
);

const messageArb = fc.record(
  {
    from: maybe(waId),
    from_user_id: maybe(bsuid),
    id: maybe(fc.uuid().map((u) => `wamid.${u}`)),
    timestamp: maybe(timestamp),
    type: fc.constantFrom(
      'text',
      'image',
      'location',
      'order',
      'reaction',
      'interactive',
      'system',
      'unsupported',
      'x',
    ),
    text: maybe(fc.record({ body: hostileString })),
    image: maybe(fc.record({ id: hostileString, caption: hostileString })),
    location: maybe(fc.record({ latitude: fc.double(), longitude: fc.double(), name: hostileString })),
    reaction: maybe(fc.record({ message_id: hostileString, emoji: hostileString })),
    order: maybe(
      fc.record({
        catalog_id: hostileString,
        product_items: fc.array(
          fc.record({
            product_retailer_id: hostileString,
            quantity: fc.oneof(fc.integer(), fc.double()),
            item_price: fc.oneof(fc.integer(), fc.double()),
            currency: fc.constantFrom('EUR', 'eur', 'XXXX', ''),
          }),
          { maxLength: 3 },
        ),
      }),
    ),
    system: maybe(
      fc.record({
        type: fc.constantFrom('user_changed_number', 'user_changed_user_id'),
        wa_id: maybe(waId),
        user_id: maybe(bsuid),
      }),
    ),
  },
  { requiredKeys: [] },
);
const statusArb = fc.record(
  {
    id: maybe(fc.constant('wamid.x')),
    status: maybe(fc.constantFrom('sent', 'delivered', 'read', 'failed', 'deleted')),
    timestamp: maybe(timestamp),
    recipient_id: maybe(waId),
    recipient_user_id: maybe(bsuid),
    errors: maybe(fc.array(fc.record({ code: fc.integer(), title: hostileString }), { maxLength: 2 })),
  },
  { requiredKeys: [] },
);
const contactArb = fc.record(
  {
    wa_id: maybe(waId),
    user_id: maybe(bsuid),
    profile: maybe(fc.record({ name: hostileString, username: hostileString })),
  },
  { requiredKeys: [] },
);
const webhookArb = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .record({ contacts: fc.array(contactArb, { maxLength: 3 }), messages: fc.array(messageArb, { maxLength: 3 }) })
      .map(envelope),
  },
  { weight: 2, arbitrary: fc.record({ statuses: fc.array(statusArb, { maxLength: 3 }) }).map(envelope) },
  { weight: 1, arbitrary: fc.jsonValue() },
);

describe('fuzzing every way in', () => {
  let h: Harness;
  let client: TestClient;
  let conversationId = '';

  beforeAll(async () => {
    h = await startHarness();
    await postWebhook(h.url, inboundText({ waId: '32470123456', name: 'Fuzzy' }, 'seed'));
    const list = ConversationListResponseSchema.parse(
      (await api(h, h.adminToken, 'GET', '/api/v1/conversations')).body,
    );
    conversationId = list.conversations[0]?.id ?? '';
    client = await connectClient(h.url, h.adminToken);
  });
  afterAll(async () => {
    client.close();
    await h.stop();
  });

  it(
    'answers every signed webhook 200 or a specific 4xx; a refused one changes no file',
    async () => {
      let accepted = 0;
      let refused = 0;
      await fc.assert(
        fc.asyncProperty(webhookArb, async (payload) => {
          await h.relay.flush();
          const before = await dataFolderDigest(h.dataDir);
          const response = await postWebhook(h.url, payload);
          const body = (await response.json().catch(() => null)) as { error?: { code?: string } } | null;
          expect([200, 400]).toContain(response.status);
          if (response.status === 200) {
            accepted += 1;
            return;
          }
          refused += 1;
          expect(body?.error?.code).toBe('BAD_REQUEST');
          await h.relay.flush();
          expect(await dataFolderDigest(h.dataDir)).toEqual(before);
        }),
        params,
      );
      // The generator is worth its name only if both kinds came up.
      expect(accepted).toBeGreaterThan(0);
      expect(refused).toBeGreaterThan(0);
    },
    timeout,
  );

  it('answers every REST body and path with a 2xx or a specific 4xx', async () => {
    const routes = [
      ['POST', '/api/v1/auth/login'],
      ['POST', '/api/v1/agents'],
      ['POST', `/api/v1/conversations/${conversationId}/messages`],
      ['POST', `/api/v1/conversations/${conversationId}/assign`],
      ['GET', '/api/v1/conversations?q='],
      ['GET', `/api/v1/conversations/${conversationId}/messages?limit=`],
      ['POST', '/api/v1/conversations/%2e%2e/messages'],
      ['PUT', `/api/v1/conversations/${conversationId}/cart/items/no-such-product`],
      ['POST', `/api/v1/conversations/${conversationId}/payment-link`],
      ['GET', '/api/v1/orders?status='],
      ['POST', '/webhooks/mollie'],
      ['POST', '/webhooks/stripe'],
    ] as const;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        fc.oneof(fc.jsonValue(), hostileString),
        fc.boolean(),
        async ([method, path], body, withToken) => {
          const suffix = method === 'GET' && typeof body === 'string' ? encodeURIComponent(body.slice(0, 300)) : '';
          const response = await api(
            h,
            withToken ? h.adminToken : null,
            method,
            `${path}${suffix}`,
            method === 'GET' ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
          );
          expect(response.status).toBeLessThan(500);
          if (response.status >= 400)
            expect(response.body).toMatchObject({ error: { code: expect.any(String) as string } });
        },
      ),
      params,
    );
  });

  it(
    'acks every Socket.IO payload with a result or a specific refusal, never INTERNAL',
    async () => {
      const events = Object.keys(commandSpecs);
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...events),
          fc.oneof(
            fc.jsonValue(),
            hostileString,
            fc.record({
              conversationId: fc.oneof(fc.constant(conversationId), hostileString),
              text: hostileString,
              clientId: hostileString,
              agentId: fc.oneof(fc.constant(null), hostileString),
              before: hostileString,
              limit: hostileValue,
            }),
          ),
          async (event, payload) => {
            const emit = client.socket.timeout(5_000).emitWithAck.bind(client.socket.timeout(5_000)) as (
              name: string,
              ...args: unknown[]
            ) => Promise<{ ok: boolean; code?: string }>;
            const ack = event === 'inbox:sync' ? await emit(event) : await emit(event, payload);
            if (!ack.ok) expect(ack.code).not.toBe('INTERNAL');
          },
        ),
        { ...params, numRuns: Math.max(20, Math.floor(RUNS / 2)) },
      );
      expect(client.socket.connected).toBe(true);
    },
    timeout,
  );

  it('restarts afterwards and opens every file', async () => {
    await h.restart();
    expect(await everyJsonFileParses(h.dataDir)).toBeGreaterThanOrEqual(2);
    const list = await api(h, h.adminToken, 'GET', '/api/v1/conversations');
    expect(list.status).toBe(200);
  });
});
