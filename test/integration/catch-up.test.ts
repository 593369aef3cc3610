import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { command, connectClient, startHarness, type Harness } from '../helpers/relay-harness.js';
import { inboundText, postWebhook } from '../helpers/webhooks.js';

const ilse = { waId: '32477001122', name: 'Ilse Wouters' };

describe('catch-up after a disconnect', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.stop();
  });

  it('gives a client that reconnects everything it missed through inbox:sync and history', async () => {
    const client = await connectClient(h.url, h.adminToken);
    const empty = await command(client.socket, 'inbox:sync');
    expect(empty.conversations).toEqual([]);
    expect(empty.me.role).toBe('supervisor');

    client.socket.disconnect();
    await postWebhook(h.url, inboundText(ilse, 'while you were away'));
    await postWebhook(h.url, inboundText(ilse, 'and this too'));

    const connected = new Promise<void>((resolve) =>
      client.socket.once('connect', () => {
        resolve();
      }),
    );
    client.socket.connect();
    await connected;
    const snapshot = await command(client.socket, 'inbox:sync');
    expect(snapshot.conversations).toHaveLength(1);
    expect(snapshot.conversations[0]).toMatchObject({ unreadCount: 2, lastMessage: { text: 'and this too' } });
    const { messages } = await command(client.socket, 'conversation:history', {
      conversationId: snapshot.conversations[0]?.id ?? '',
    });
    expect(messages.map((m) => m.text)).toEqual(['while you were away', 'and this too']);
    client.close();
  });

  it('serves the same state after the relay itself restarts', async () => {
    await postWebhook(h.url, inboundText(ilse, 'before the restart'));
    await h.restart();
    const client = await connectClient(h.url, h.adminToken);
    const snapshot = await command(client.socket, 'inbox:sync');
    expect(snapshot.conversations[0]).toMatchObject({ contact: ilse, lastMessage: { text: 'before the restart' } });
    client.close();
  });
});
