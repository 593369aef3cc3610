import { createServer } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConversationListResponseSchema } from '../../shared/protocol/conversations.js';
import { api, command, connectClient, startHarness, type Harness, type TestClient } from '../helpers/relay-harness.js';
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

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address ? address.port : 0;
}

describe('catch-up of a connected client across a relay restart', () => {
  let h: Harness;
  let id: string;
  beforeEach(async () => {
    // A fixed port, so the client's own reconnection finds the relay again after the restart.
    h = await startHarness({ config: { port: await freePort() } });
    await postWebhook(h.url, inboundText(ilse, 'Hallo'));
    id =
      ConversationListResponseSchema.parse((await api(h, h.adminToken, 'GET', '/api/v1/conversations')).body)
        .conversations[0]?.id ?? '';
  });
  afterEach(async () => {
    await h.stop();
  });

  it('catches a reconnecting client up after a relay restart: everything, in order, once', async () => {
    const client: TestClient = await connectClient(h.url, h.adminToken);
    await command(client.socket, 'message:send', { conversationId: id, text: 'voor de herstart', clientId: 'a' });
    await h.relay.idle();
    const disconnected = new Promise<void>((resolve) => client.socket.once('disconnect', () => resolve()));
    await h.relay.close();
    await disconnected;
    const reconnected = new Promise<void>((resolve) => client.socket.io.once('reconnect', () => resolve()));
    await h.restart();
    // While the client finds its way back, the customer keeps writing.
    for (const text of ['na 1', 'na 2', 'na 3']) await postWebhook(h.url, inboundText(ilse, text));
    await reconnected;

    const snapshot = await command(client.socket, 'inbox:sync');
    expect(snapshot.conversations[0]).toMatchObject({ id, lastMessage: { text: 'na 3' } });
    const { messages } = await command(client.socket, 'conversation:history', { conversationId: id });
    expect(messages.map((m) => m.text)).toEqual(['Hallo', 'voor de herstart', 'na 1', 'na 2', 'na 3']);
    // No gaps, no repeats: one message per place in the conversation.
    expect(messages.map((m) => m.seq)).toEqual([0, 1, 2, 3, 4]);
    // And it is live again.
    const live = client.next('message:new', (p) => p.message.text === 'weer live');
    await postWebhook(h.url, inboundText(ilse, 'weer live'));
    await live;
    client.close();
  });
});
