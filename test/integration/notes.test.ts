import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConversationListResponseSchema } from '../../shared/protocol/conversations.js';
import { MessageListResponseSchema } from '../../shared/protocol/messages.js';
import { NoteResponseSchema } from '../../shared/protocol/notes.js';
import {
  api,
  command,
  connectClient,
  customerWrites,
  startHarness,
  type Harness,
  type TestClient,
} from '../helpers/relay-harness.js';

const cees = { waId: '32486111222', name: 'Cees Janssens' };
const dirk = { waId: '32486333444', name: 'Dirk Maes' };

type Person = { agent: { id: string }; token: string };

describe('private notes and mentions', () => {
  let h: Harness;
  let ann: Person;
  let ben: Person;
  let carl: Person;
  let annClient: TestClient;
  let benClient: TestClient;
  let carlClient: TestClient;
  let ceesId: string;
  let dirkId: string;

  beforeEach(async () => {
    h = await startHarness();
    ann = await h.addAgent('Ann Peeters');
    ben = await h.addAgent('Ben');
    carl = await h.addAgent('Carl');
    ceesId = await customerWrites(h, cees, 'Goeiedag');
    dirkId = await customerWrites(h, dirk, 'Hallo');
    [annClient, benClient, carlClient] = await Promise.all([
      connectClient(h.url, ann.token),
      connectClient(h.url, ben.token),
      connectClient(h.url, carl.token),
    ]);
  });
  afterEach(async () => {
    for (const c of [annClient, benClient, carlClient]) c.close();
    await h.stop();
  });

  it('stores a note in the conversation as type note, never sends it to WhatsApp, and keeps the list as it was', async () => {
    const before = ConversationListResponseSchema.parse(
      (await api(h, ann.token, 'GET', '/api/v1/conversations')).body,
    ).conversations.find((c) => c.id === ceesId);
    const everyoneSees = [annClient, benClient, carlClient].map((c) =>
      c.next('message:new', (p) => p.message.type === 'note'),
    );
    const created = await api(h, ann.token, 'POST', `/api/v1/conversations/${ceesId}/notes`, {
      text: 'Klant wil <b>korting</b>',
    });
    expect(created.status).toBe(201);
    const { note } = NoteResponseSchema.parse(created.body);
    expect(note).toMatchObject({ authorId: ann.agent.id, text: 'Klant wil <b>korting</b>', mentions: [] });
    await Promise.all(everyoneSees);

    const { messages } = MessageListResponseSchema.parse(
      (await api(h, ben.token, 'GET', `/api/v1/conversations/${ceesId}/messages`)).body,
    );
    expect(messages.at(-1)).toMatchObject({ id: note.id, type: 'note', text: note.text, authorId: ann.agent.id });
    const after = ConversationListResponseSchema.parse(
      (await api(h, ann.token, 'GET', '/api/v1/conversations')).body,
    ).conversations.find((c) => c.id === ceesId);
    expect(after?.lastMessage).toEqual(before?.lastMessage);
    expect(after?.activitySeq).toBe(before?.activitySeq);

    await h.relay.idle();
    expect(h.graph.sends()).toEqual([]);
    // Still not sent after a restart (a note is never in the relay's outbox).
    await h.restart();
    await h.relay.idle();
    expect(h.graph.sends()).toEqual([]);
  });

  it('notifies only the mentioned agent, keeps the mention until they open it, also across a restart', async () => {
    const benBefore = benClient.events.length;
    const carlMentioned = carlClient.next('mention:new');
    const { note } = await command(annClient.socket, 'note:add', {
      conversationId: ceesId,
      text: '@carl can you call this customer? (not @Benjamin)',
    });
    expect(note.mentions).toEqual([carl.agent.id]);
    const mention = await carlMentioned;
    expect(mention).toMatchObject({
      agentId: carl.agent.id,
      authorId: ann.agent.id,
      conversationId: ceesId,
      messageId: note.id,
      customerName: cees.name,
    });
    // Ben got the note itself (he may see the chat) but no mention.
    // Once Ben has a later note, he would have had a mention sent before it.
    const benSeesLater = benClient.next('message:new', (p) => p.message.text === 'later');
    await command(annClient.socket, 'note:add', { conversationId: ceesId, text: 'later' });
    await benSeesLater;
    expect(benClient.events.slice(benBefore).map((e) => e.name)).not.toContain('mention:new');
    expect((await command(benClient.socket, 'mention:list')).mentions).toEqual([]);

    await h.restart();
    const carlAgain = await connectClient(h.url, carl.token);
    expect((await command(carlAgain.socket, 'mention:list')).mentions).toEqual([mention]);
    // Ben cannot dismiss Carl's mention; Carl can.
    const benAgain = await connectClient(h.url, ben.token);
    await command(benAgain.socket, 'mention:dismiss', { ids: [mention.id] });
    expect((await command(carlAgain.socket, 'mention:list')).mentions).toHaveLength(1);
    expect((await command(carlAgain.socket, 'mention:dismiss', { ids: [mention.id] })).mentions).toEqual([]);
    carlAgain.close();
    benAgain.close();
  });

  it('never mentions (nor reveals the chat to) an agent who may not see it, and refuses notes on chats one may not see', async () => {
    await command(annClient.socket, 'conversation:assign', { conversationId: dirkId, agentId: ann.agent.id });
    const { note } = await command(annClient.socket, 'note:add', { conversationId: dirkId, text: '@Ben look' });
    expect(note.mentions).toEqual([]);
    expect((await command(benClient.socket, 'mention:list')).mentions).toEqual([]);
    // The supervisor sees every chat, so may be mentioned anywhere.
    const boss = await connectClient(h.url, h.adminToken);
    const me = await command(boss.socket, 'inbox:sync');
    const bossMentioned = boss.next('mention:new');
    await command(annClient.socket, 'note:add', { conversationId: dirkId, text: `help @${me.me.name}` });
    expect((await bossMentioned).conversationId).toBe(dirkId);
    boss.close();

    expect((await api(h, ben.token, 'POST', `/api/v1/conversations/${dirkId}/notes`, { text: 'x' })).status).toBe(404);
    await expect(command(benClient.socket, 'note:add', { conversationId: dirkId, text: 'x' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect((await api(h, ben.token, 'POST', `/api/v1/conversations/${ceesId}/notes`, { text: '  ' })).status).toBe(400);
    expect((await api(h, ben.token, 'POST', `/api/v1/conversations/${ceesId}/notes`, {})).status).toBe(400);
    expect((await api(h, null, 'POST', `/api/v1/conversations/${ceesId}/notes`, { text: 'x' })).status).toBe(401);
  });
});
