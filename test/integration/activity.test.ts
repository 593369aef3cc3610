import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConversationActivity } from '../../shared/protocol/activity.js';
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

describe('who is viewing and typing, and replying to a chat that is someone else’s', () => {
  let h: Harness;
  let ann: Person;
  let ben: Person;
  let annClient: TestClient;
  let benClient: TestClient;
  let bossClient: TestClient;
  let ceesId: string;
  let dirkId: string;

  const activityOf = (client: TestClient, id: string, test: (a: ConversationActivity) => boolean) =>
    client.next('conversation:activity', (a) => a.conversationId === id && test(a));

  beforeEach(async () => {
    // Typing ends after 300 ms of silence here, so the test can watch it end (it waits for the event).
    h = await startHarness({ config: { typingExpiryMs: 300 } });
    ann = await h.addAgent('Ann');
    ben = await h.addAgent('Ben');
    ceesId = await customerWrites(h, cees, 'Goeiedag');
    dirkId = await customerWrites(h, dirk, 'Hallo');
    [annClient, benClient, bossClient] = await Promise.all([
      connectClient(h.url, ann.token),
      connectClient(h.url, ben.token),
      connectClient(h.url, h.adminToken),
    ]);
  });
  afterEach(async () => {
    for (const c of [annClient, benClient, bossClient]) c.close();
    await h.stop();
  });

  it('tells everyone who may see the chat who is viewing and typing, until they stop, leave or close the app', async () => {
    const benSeesAnnView = activityOf(benClient, ceesId, (a) => a.viewerIds.includes(ann.agent.id));
    const bossSeesAnnView = activityOf(bossClient, ceesId, (a) => a.viewerIds.includes(ann.agent.id));
    await command(annClient.socket, 'conversation:viewing', { conversationId: ceesId });
    await Promise.all([benSeesAnnView, bossSeesAnnView]);

    // A client that connects now learns it from the catch-up.
    const late = await connectClient(h.url, h.adminToken);
    const snapshot = await command(late.socket, 'inbox:sync');
    expect(snapshot.activity).toEqual([{ conversationId: ceesId, viewerIds: [ann.agent.id], typingIds: [] }]);
    late.close();

    const typing = activityOf(benClient, ceesId, (a) => a.typingIds.includes(ann.agent.id));
    await command(annClient.socket, 'conversation:typing', { conversationId: ceesId });
    expect(await typing).toEqual({ conversationId: ceesId, viewerIds: [ann.agent.id], typingIds: [ann.agent.id] });
    // Silence ends typing on the relay by itself; viewing stays.
    expect(await activityOf(benClient, ceesId, (a) => a.typingIds.length === 0)).toEqual({
      conversationId: ceesId,
      viewerIds: [ann.agent.id],
      typingIds: [],
    });

    // Switching chats moves the viewer; closing the app ends it.
    const leftCees = activityOf(benClient, ceesId, (a) => a.viewerIds.length === 0);
    const onDirk = activityOf(benClient, dirkId, (a) => a.viewerIds.includes(ann.agent.id));
    await command(annClient.socket, 'conversation:viewing', { conversationId: dirkId });
    await Promise.all([leftCees, onDirk]);
    const gone = activityOf(benClient, dirkId, (a) => a.viewerIds.length === 0);
    annClient.close();
    await gone;
  });

  it('sends a chat’s activity only to those who may see it, and refuses activity in a chat one may not see', async () => {
    // Ann takes Cees: from now on Ben may not see it, nor who is in it.
    const removed = benClient.next('conversation:remove');
    await command(annClient.socket, 'conversation:assign', { conversationId: ceesId, agentId: ann.agent.id });
    await removed;
    const benBefore = benClient.events.length;
    const bossSees = activityOf(bossClient, ceesId, (a) => a.typingIds.includes(ann.agent.id));
    await command(annClient.socket, 'conversation:typing', { conversationId: ceesId });
    await bossSees;
    // Once Ben has the activity of a chat he sees, he would have had Cees's too.
    const benSeesDirk = activityOf(benClient, dirkId, (a) => a.viewerIds.length === 1);
    await command(bossClient.socket, 'conversation:viewing', { conversationId: dirkId });
    await benSeesDirk;
    expect(benClient.events.slice(benBefore).filter((e) => JSON.stringify(e.payload).includes(ceesId))).toEqual([]);
    expect((await command(benClient.socket, 'inbox:sync')).activity.map((a) => a.conversationId)).toEqual([dirkId]);

    for (const name of ['conversation:viewing', 'conversation:typing'] as const) {
      await expect(command(benClient.socket, name, { conversationId: ceesId })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
    }
    await expect(
      command(benClient.socket, 'conversation:typing', { conversationId: 'x'.repeat(101) }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });

  it('drops a viewer from a chat that leaves their sight', async () => {
    const viewing = activityOf(bossClient, ceesId, (a) => a.viewerIds.includes(ben.agent.id));
    await command(benClient.socket, 'conversation:viewing', { conversationId: ceesId });
    await viewing;
    const dropped = activityOf(bossClient, ceesId, (a) => a.viewerIds.length === 0);
    await command(bossClient.socket, 'conversation:assign', { conversationId: ceesId, agentId: ann.agent.id });
    await dropped;
  });

  it('refuses a supervisor’s reply to a chat assigned to someone else unless confirmed (409), in REST and Socket.IO', async () => {
    await command(bossClient.socket, 'conversation:assign', { conversationId: ceesId, agentId: ann.agent.id });
    const refused = await api(h, h.adminToken, 'POST', `/api/v1/conversations/${ceesId}/messages`, { text: 'hi' });
    expect(refused).toMatchObject({ status: 409, body: { error: { code: 'ASSIGNED_TO_OTHER' } } });
    await expect(
      command(bossClient.socket, 'message:send', { conversationId: ceesId, text: 'hi', clientId: 'c1' }),
    ).rejects.toMatchObject({ code: 'ASSIGNED_TO_OTHER' });
    await h.relay.idle();
    expect(h.graph.sends()).toHaveLength(0);

    const confirmed = await api(h, h.adminToken, 'POST', `/api/v1/conversations/${ceesId}/messages`, {
      text: 'I will take over',
      confirmAssignedToOther: true,
    });
    expect(confirmed.status).toBe(201);
    const viaSocket = await command(bossClient.socket, 'message:send', {
      conversationId: ceesId,
      text: 'and this',
      clientId: 'c2',
      confirmAssignedToOther: true,
    });
    expect(viaSocket.message.text).toBe('and this');
    // Ann's own chat needs no confirmation for her, nor an unassigned one for anyone.
    expect(
      (await api(h, ann.token, 'POST', `/api/v1/conversations/${ceesId}/messages`, { text: 'Ann here' })).status,
    ).toBe(201);
    expect((await api(h, h.adminToken, 'POST', `/api/v1/conversations/${dirkId}/messages`, { text: 'x' })).status).toBe(
      201,
    );
    await h.relay.idle();
    expect(h.graph.sends()).toHaveLength(4);
  });
});
