import { rm } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { ConversationListResponseSchema } from '../../shared/protocol/conversations.js';
import { MessageListResponseSchema } from '../../shared/protocol/messages.js';
import { ADMIN, api, makeDataDir, startHarness, type Harness } from '../helpers/relay-harness.js';
import { TEST_APP_SECRET, TEST_PHONE_NUMBER_ID, inboundText, newWamid, postWebhook } from '../helpers/webhooks.js';
import { login } from '../../shared/client/relay-client.js';
import { everyJsonFileParses } from '../helpers/data-folder.js';
import { spawnRelay } from '../helpers/spawn-relay.js';

const customers = [
  { waId: '32470000001', name: 'Fien' },
  { waId: '32470000002', name: 'Gert' },
  { waId: '32470000003', name: 'Hanne' },
];

/** Every wamid stored under a data folder, read back through a fresh relay. */
async function storedWamids(h: Harness): Promise<Set<string>> {
  const list = ConversationListResponseSchema.parse((await api(h, h.adminToken, 'GET', '/api/v1/conversations')).body);
  const wamids = new Set<string>();
  for (const c of list.conversations) {
    const page = await api(h, h.adminToken, 'GET', `/api/v1/conversations/${c.id}/messages?limit=500`);
    for (const m of MessageListResponseSchema.parse(page.body).messages) if (m.waMessageId) wamids.add(m.waMessageId);
  }
  return wamids;
}

describe('durability', () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    // Last in, first out: the relay stops before its data folder is removed.
    for (const task of cleanup.splice(0).reverse()) await task();
  });

  it('keeps every acknowledged message across a clean restart', async () => {
    const h = await startHarness();
    cleanup.push(() => h.stop());
    const acked: string[] = [];
    for (let i = 0; i < 30; i++) {
      const wamid = newWamid();
      const customer = customers[i % customers.length] ?? customers[0];
      if (customer && (await postWebhook(h.url, inboundText(customer, `message ${i}`, { wamid }))).status === 200)
        acked.push(wamid);
    }
    await h.restart();
    h.adminToken = (await login(h.url, ADMIN.email, ADMIN.password)).token;
    const stored = await storedWamids(h);
    expect(acked.filter((w) => !stored.has(w))).toEqual([]);
    expect(stored.size).toBe(30);
  });

  it('keeps every acknowledged message and opens every file after kill -9 in the middle of writes', async () => {
    const dataDir = await makeDataDir();
    cleanup.push(() => rm(dataDir, { recursive: true, force: true }));
    const acked = new Set<string>();
    for (let round = 0; round < 3; round++) {
      const { child, url } = await spawnRelay({
        DATA_DIR: dataDir,
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
        WHATSAPP_TOKEN: 't',
        WHATSAPP_PHONE_NUMBER_ID: TEST_PHONE_NUMBER_ID,
        WHATSAPP_APP_SECRET: TEST_APP_SECRET,
        WHATSAPP_VERIFY_TOKEN: 'v',
        WHATSAPP_API_URL: 'http://127.0.0.1:9',
      });
      let killed = false;
      // Four writers at once; the relay is killed while they are mid-flight.
      const writer = async (n: number) => {
        for (let i = 0; !killed; i++) {
          const wamid = newWamid();
          const customer = customers[(n + i) % customers.length] ?? customers[0];
          if (!customer) return;
          try {
            const response = await postWebhook(
              url,
              inboundText(customer, `round ${round} writer ${n} #${i}`, { wamid }),
            );
            if (response.status === 200) acked.add(wamid);
          } catch {
            return; // the connection died with the relay
          }
        }
      };
      const writers = [0, 1, 2, 3].map(writer);
      const target = acked.size + 40 + round * 17;
      while (acked.size < target) await new Promise((resolve) => setImmediate(resolve));
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      killed = true;
      await Promise.all([exited, ...writers]);
    }
    // The accounts and the format file at least; the conversations may still be only in the journal.
    expect(await everyJsonFileParses(dataDir)).toBeGreaterThanOrEqual(2);
    const h = await startHarness({ dataDir });
    cleanup.push(() => h.stop());
    const stored = await storedWamids(h);
    expect([...acked].filter((w) => !stored.has(w))).toEqual([]);
  });
});
