import { rm } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { login } from '../../shared/client/relay-client.js';
import { isStatusAdvance, type MessageStatus } from '../../shared/domain/message.js';
import { ConversationListResponseSchema } from '../../shared/protocol/conversations.js';
import { MessageListResponseSchema } from '../../shared/protocol/messages.js';
import { everyJsonFileParses } from '../helpers/data-folder.js';
import { FakeGraph } from '../helpers/fake-graph.js';
import { ADMIN, api, command, connectClient, makeDataDir, startHarness } from '../helpers/relay-harness.js';
import { spawnRelay } from '../helpers/spawn-relay.js';
import {
  inboundText,
  newWamid,
  postWebhook,
  statusUpdate,
  TEST_APP_SECRET,
  TEST_PHONE_NUMBER_ID,
} from '../helpers/webhooks.js';

/*
 * Crash rounds: the relay as its own process under mixed load — customers' webhooks, agents'
 * replies, status webhooks for those replies — killed with SIGKILL at a random moment, again and
 * again. Afterwards every acknowledged request is stored exactly once, every file parses, and a
 * client that connects catches up on all of it.
 *
 * CRASH_ROUNDS sets the rounds (a few in `npm test`; CRASH_ROUNDS=40 for the long run).
 */

const ROUNDS = Number(process.env['CRASH_ROUNDS'] ?? 3);
const customers = ['32470000301', '32470000302', '32470000303', '32470000304'].map((waId, i) => ({
  waId,
  name: `Klant ${i + 1}`,
}));

interface Acked {
  inbound: Set<string>;
  sends: Set<string>;
  statuses: Map<string, MessageStatus>;
}

describe('crash rounds', () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const task of cleanup.splice(0).reverse()) await task();
  });

  it(
    'keeps every acknowledged request exactly once through kill -9 under mixed load',
    async () => {
      const dataDir = await makeDataDir();
      cleanup.push(() => rm(dataDir, { recursive: true, force: true }));
      const graph = new FakeGraph();
      await graph.start();
      cleanup.push(() => graph.stop());
      const acked: Acked = { inbound: new Set(), sends: new Set(), statuses: new Map() };

      for (let round = 0; round < ROUNDS; round++) {
        const { child, url } = await spawnRelay({
          DATA_DIR: dataDir,
          ADMIN_EMAIL: ADMIN.email,
          ADMIN_PASSWORD: ADMIN.password,
          WHATSAPP_TOKEN: 't',
          WHATSAPP_PHONE_NUMBER_ID: TEST_PHONE_NUMBER_ID,
          WHATSAPP_APP_SECRET: TEST_APP_SECRET,
          WHATSAPP_VERIFY_TOKEN: 'v',
          WHATSAPP_API_URL: graph.url,
          WHATSAPP_MESSAGES_PER_SECOND: '1000',
        });
        const { token } = await login(url, ADMIN.email, ADMIN.password);
        let killed = false;
        let acks = 0;
        const customerWrites = async (n: number) => {
          for (let i = 0; !killed; i++) {
            const wamid = newWamid();
            const customer = customers[(n + i) % customers.length] ?? customers[0];
            if (!customer) return;
            const ok = await postWebhook(url, inboundText(customer, `r${round} w${n} #${i}`, { wamid }))
              .then((r) => r.status === 200)
              .catch(() => false);
            if (ok) {
              acked.inbound.add(wamid);
              acks++;
            }
          }
        };
        const agentReplies = async () => {
          for (let i = 0; !killed; i++) {
            const list = await api({ url }, token, 'GET', '/api/v1/conversations').catch(() => null);
            const id = list && ConversationListResponseSchema.safeParse(list.body).data?.conversations[i % 4]?.id;
            if (!id) {
              await new Promise((resolve) => setTimeout(resolve, 5));
              continue;
            }
            const clientId = `r${round}-reply-${i}`;
            const sent = await api({ url }, token, 'POST', `/api/v1/conversations/${id}/messages`, {
              text: `antwoord ${clientId}`,
              clientId,
            }).catch(() => null);
            if (sent?.status === 201) {
              acked.sends.add(clientId);
              acks++;
            }
            // Stay under the 20-in-10-s send limit that any agent has.
            await new Promise((resolve) => setTimeout(resolve, 600));
          }
        };
        const statuses = async () => {
          for (let i = 0; !killed; i++) {
            const sent = graph.sends().at(-1 - (i % 3));
            if (!sent) {
              await new Promise((resolve) => setTimeout(resolve, 5));
              continue;
            }
            const wamid = graph.wamidOf(sent);
            const to = String(sent.body['to']).replace('+', '');
            const status: MessageStatus = i % 2 === 0 ? 'delivered' : 'read';
            const ok = await postWebhook(url, statusUpdate(wamid, to, status))
              .then((r) => r.status === 200)
              .catch(() => false);
            if (ok) {
              const before = acked.statuses.get(wamid);
              if (before === undefined || isStatusAdvance(before, status)) acked.statuses.set(wamid, status);
              acks++;
            }
          }
        };
        const load = [customerWrites(0), customerWrites(1), customerWrites(2), agentReplies(), statuses()];
        const target = 30 + Math.floor(Math.random() * 60);
        while (acks < target) await new Promise((resolve) => setImmediate(resolve));
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGKILL');
        killed = true;
        await Promise.all([exited, ...load]);
      }

      expect(await everyJsonFileParses(dataDir)).toBeGreaterThanOrEqual(2);
      const h = await startHarness({ dataDir });
      cleanup.push(() => h.stop());
      const client = await connectClient(h.url, h.adminToken);
      const { conversations } = await command(client.socket, 'inbox:sync');
      const inbound = new Map<string, number>();
      const sends = new Map<string, number>();
      const statusOf = new Map<string, MessageStatus>();
      for (const conversation of conversations) {
        const page = await api(h, h.adminToken, 'GET', `/api/v1/conversations/${conversation.id}/messages?limit=500`);
        for (const m of MessageListResponseSchema.parse(page.body).messages) {
          if (m.direction === 'in' && m.waMessageId) inbound.set(m.waMessageId, (inbound.get(m.waMessageId) ?? 0) + 1);
          if (m.clientId) sends.set(m.clientId, (sends.get(m.clientId) ?? 0) + 1);
          if (m.waMessageId) statusOf.set(m.waMessageId, m.status);
        }
      }
      client.close();
      expect([...acked.inbound].filter((w) => inbound.get(w) !== 1)).toEqual([]);
      expect([...acked.sends].filter((c) => sends.get(c) !== 1)).toEqual([]);
      expect([...inbound.values()].every((n) => n === 1)).toBe(true);
      // An acknowledged status is never lost for a reply whose wamid was recorded.
      const behind = [...acked.statuses].filter(([wamid, status]) => {
        const stored = statusOf.get(wamid);
        return stored !== undefined && stored !== 'failed' && stored !== status && isStatusAdvance(stored, status);
      });
      expect(behind).toEqual([]);
      expect(acked.inbound.size).toBeGreaterThan(ROUNDS * 10);
    },
    60_000 + ROUNDS * 20_000,
  );
});
