import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConversationListResponseSchema } from '../../shared/protocol/conversations.js';
import { SimulatedDisk } from '../helpers/disk-full.js';
import {
  ADMIN,
  api,
  command,
  connectClient,
  makeDataDir,
  startHarness,
  type Harness,
} from '../helpers/relay-harness.js';
import { inboundText, newWamid, postWebhook } from '../helpers/webhooks.js';
import { login } from '../../shared/client/relay-client.js';

/*
 * Nothing stored keeps the relay down, and a disk that refuses writes loses nothing acknowledged:
 * the real relay on real files, restarted over planted damage, and over a disk that fills up.
 */

async function conversations(h: Harness) {
  return ConversationListResponseSchema.parse((await api(h, h.adminToken, 'GET', '/api/v1/conversations')).body)
    .conversations;
}

describe('storage faults', () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const task of cleanup.splice(0).reverse()) await task();
  });

  it('sets damaged files aside, starts with everything else and tells supervisors (not agents)', async () => {
    const dataDir = await makeDataDir();
    cleanup.push(() => rm(dataDir, { recursive: true, force: true }));
    let h = await startHarness({ dataDir });
    await h.addAgent('Jonas');
    for (const [waId, name] of [
      ['32470000101', 'Ann'],
      ['32470000102', 'Bo'],
      ['32470000103', 'Cas'],
    ] as const) {
      await postWebhook(h.url, inboundText({ waId, name }, `hallo van ${name}`));
    }
    const [cas, bo] = await conversations(h);
    await h.stop();

    // A meta that does not parse, and a chunk that fails its schema.
    await writeFile(join(dataDir, 'conversations', cas?.id ?? '', 'meta.json'), '{"summary": ');
    await writeFile(join(dataDir, 'conversations', bo?.id ?? '', 'messages-0000.json'), '{"messages":[{"id":1}]}');
    await mkdir(join(dataDir, 'journal'), { recursive: true });
    h = await startHarness({ dataDir });
    cleanup.push(() => h.stop());
    const list = await conversations(h);
    expect(list.map((c) => c.contact.name)).toEqual(['Bo', 'Ann']);
    // Bo's damaged chunk is found when the chat is opened: set aside, the chat still opens.
    const page = await api(h, h.adminToken, 'GET', `/api/v1/conversations/${bo?.id ?? ''}/messages`);
    expect(page.status).toBe(200);

    const supervisor = await connectClient(h.url, h.adminToken);
    const { health } = await command(supervisor.socket, 'inbox:sync');
    expect(health.writes).toBe('ok');
    expect(health.quarantined.map((q) => q.file).sort()).toEqual(
      [`conversations/${bo?.id ?? ''}/messages-0000.json`, `conversations/${cas?.id ?? ''}/meta.json`].sort(),
    );
    expect(await readdir(join(dataDir, 'quarantine'))).toHaveLength(4); // two files, two notes
    const jonas = await login(h.url, 'jonas@shop.test', 'agent password 1');
    const agent = await connectClient(h.url, jonas.token);
    expect((await command(agent.socket, 'inbox:sync')).health.quarantined).toEqual([]);
    supervisor.close();
    agent.close();
  });

  it('starts over an unreadable accounts file: the first supervisor is created again', async () => {
    const dataDir = await makeDataDir();
    cleanup.push(() => rm(dataDir, { recursive: true, force: true }));
    const first = await startHarness({ dataDir });
    await first.stop();
    await writeFile(join(dataDir, 'accounts.json'), 'not json at all');
    const h = await startHarness({ dataDir });
    cleanup.push(() => h.stop());
    expect((await login(h.url, ADMIN.email, ADMIN.password)).agent.role).toBe('supervisor');
  });

  it('answers 503 while the disk refuses writes, tells agents sending is paused, and recovers by itself', async () => {
    const disk = new SimulatedDisk();
    const h = await startHarness({ diskFaults: disk });
    cleanup.push(() => h.stop());
    const customer = { waId: '32470000200', name: 'Dirk' };
    await postWebhook(h.url, inboundText(customer, 'eerste'));
    const client = await connectClient(h.url, h.adminToken);
    const [conversation] = await conversations(h);

    const failing = client.next('relay:health', (p) => p.writes === 'failing');
    disk.full = true;
    const wamid = newWamid();
    const refused = await postWebhook(h.url, inboundText(customer, 'tweede', { wamid }));
    expect(refused.status).toBe(503);
    expect(await refused.json()).toMatchObject({ error: { code: 'UNAVAILABLE' } });
    await failing;
    const send = await api(h, h.adminToken, 'POST', `/api/v1/conversations/${conversation?.id ?? ''}/messages`, {
      text: 'antwoord',
    });
    expect(send.status).toBe(503);

    const recovered = client.next('relay:health', (p) => p.writes === 'ok');
    disk.full = false;
    await recovered;
    // Meta retries the refused delivery; it is stored once, with nothing acknowledged lost.
    expect((await postWebhook(h.url, inboundText(customer, 'tweede', { wamid }))).status).toBe(200);
    expect((await postWebhook(h.url, inboundText(customer, 'tweede', { wamid }))).status).toBe(200);
    const [after] = await conversations(h);
    expect(after?.unreadCount).toBe(2);
    client.close();
  });
});
