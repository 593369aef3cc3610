import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationSummary } from '../../shared/domain/conversation.js';
import { SNAPSHOT_CONVERSATIONS } from '../../shared/protocol/inbox.js';
import { api, command, connectClient, startHarness, type Harness } from '../helpers/relay-harness.js';
import { inboundText, postWebhook } from '../helpers/webhooks.js';

const CUSTOMERS = SNAPSHOT_CONVERSATIONS + 45;
const customer = (i: number) => ({ waId: `3247700${String(i).padStart(4, '0')}`, name: `Customer ${i}` });

describe('the inbox list, first screen first', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    for (let start = 0; start < CUSTOMERS; start += 16) {
      const batch = Array.from({ length: Math.min(16, CUSTOMERS - start) }, (_, k) => start + k);
      await Promise.all(batch.map((i) => postWebhook(h.url, inboundText(customer(i), `hello from ${i}`))));
    }
  });
  afterAll(async () => {
    await h.stop();
  });

  it('sends the newest conversations in the snapshot and the rest in pages, none twice and none missing', async () => {
    const client = await connectClient(h.url, h.adminToken);
    const snapshot = await command(client.socket, 'inbox:sync');
    expect(snapshot.conversations).toHaveLength(SNAPSHOT_CONVERSATIONS);
    expect(snapshot.more).not.toBeNull();

    const all: ConversationSummary[] = [...snapshot.conversations];
    let more = snapshot.more;
    let pages = 0;
    while (more !== null) {
      const page = await command(client.socket, 'inbox:page', { after: more, limit: 10 });
      all.push(...page.conversations);
      more = page.more;
      pages++;
    }
    expect(pages).toBe(Math.ceil((CUSTOMERS - SNAPSHOT_CONVERSATIONS) / 10));
    expect(new Set(all.map((c) => c.id)).size).toBe(CUSTOMERS);
    const rest = await command(client.socket, 'inbox:page', { after: snapshot.more ?? { activitySeq: 0, id: '' } });
    expect(rest.conversations.map((c) => c.id)).toEqual(all.slice(SNAPSHOT_CONVERSATIONS).map((c) => c.id));
    // Newest first, by the relay's arrival order, exactly as the REST list gives it.
    const { body } = await api(h, h.adminToken, 'GET', '/api/v1/conversations');
    expect(all.map((c) => c.id)).toEqual(
      (body as { conversations: ConversationSummary[] }).conversations.map((c) => c.id),
    );
    client.close();
  });

  it('goes on from the place of a conversation that moved meanwhile, and refuses a bad cursor', async () => {
    const client = await connectClient(h.url, h.adminToken);
    const snapshot = await command(client.socket, 'inbox:sync');
    const last = snapshot.conversations.at(-1) as ConversationSummary;
    // The last conversation of the snapshot gets a new message: it moves to the top, its old place stays.
    const index = Number(last.contact.name.replace('Customer ', ''));
    await postWebhook(h.url, inboundText(customer(index), 'moved to the top'));
    const page = await command(client.socket, 'inbox:page', { after: snapshot.more ?? { activitySeq: 0, id: '' } });
    expect(page.conversations).toHaveLength(CUSTOMERS - SNAPSHOT_CONVERSATIONS);
    expect(page.conversations.map((c) => c.id)).not.toContain(last.id);
    await expect(command(client.socket, 'inbox:page', { after: { activitySeq: -1, id: '' } })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    client.close();
  });
});
