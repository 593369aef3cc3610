import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FloorResponseSchema } from '../../shared/protocol/floor.js';
import { api, command, connectClient, conversationOf, startHarness, type Harness } from '../helpers/relay-harness.js';
import { inboundText, postWebhook } from '../helpers/webhooks.js';

const cees = { waId: '32486111222', name: 'Cees Janssens' };
const dirk = { waId: '32486333444', name: 'Dirk Maes' };

describe("the supervisor's floor", () => {
  let h: Harness;
  let clock: number;
  beforeEach(async () => {
    clock = Date.parse('2026-12-02T09:00:00.000Z');
    h = await startHarness({ now: () => clock });
  });
  afterEach(async () => {
    await h.stop();
  });

  const idOf = (waId: string) => conversationOf(h, waId);

  it('shows the queue, each agent’s open chats and presence, and first-response and resolution times', async () => {
    const ann = await h.addAgent('Ann');
    const annClient = await connectClient(h.url, ann.token);
    await postWebhook(h.url, inboundText(cees, 'Hallo', { at: clock }));
    const ceesId = await idOf(cees.waId);
    await api(h, h.adminToken, 'POST', `/api/v1/conversations/${ceesId}/assign`, { agentId: ann.agent.id });
    clock += 90_000;
    await command(annClient.socket, 'note:add', { conversationId: ceesId, text: 'a note is no answer' });
    clock += 30_000;
    await api(h, ann.token, 'POST', `/api/v1/conversations/${ceesId}/messages`, { text: 'Dag Cees!' });
    clock += 180_000;
    await postWebhook(h.url, inboundText(dirk, 'Is er iemand?', { at: clock }));

    let floor = FloorResponseSchema.parse((await api(h, h.adminToken, 'GET', '/api/v1/floor')).body).floor;
    expect(floor.queue).toEqual({
      length: 1,
      oldest: {
        conversationId: await idOf(dirk.waId),
        customerName: dirk.name,
        waitingSince: new Date(clock).toISOString(),
      },
    });
    expect(floor.agents.find((a) => a.id === ann.agent.id)).toMatchObject({ openChats: 1, presence: 'online' });
    expect(floor.days).toHaveLength(14);
    expect(floor.days.at(-1)).toBe('2026-12-02');
    expect(floor.stats).toEqual([
      {
        agentId: ann.agent.id,
        day: '2026-12-02',
        firstResponses: 1,
        firstResponseMs: 120_000,
        resolutions: 0,
        resolutionMs: null,
      },
    ]);

    clock += 60_000;
    expect((await api(h, ann.token, 'PATCH', `/api/v1/conversations/${ceesId}`, { status: 'resolved' })).status).toBe(
      200,
    );
    const boss = await connectClient(h.url, h.adminToken);
    floor = (await command(boss.socket, 'floor:get')).floor;
    boss.close();
    expect(floor.agents.find((a) => a.id === ann.agent.id)?.openChats).toBe(0);
    expect(floor.stats[0]).toMatchObject({ resolutions: 1, resolutionMs: 360_000 });
    annClient.close();
  });

  it('is for supervisors only, in REST and Socket.IO', async () => {
    const ann = await h.addAgent('Ann');
    expect((await api(h, ann.token, 'GET', '/api/v1/floor')).status).toBe(403);
    const client = await connectClient(h.url, ann.token);
    await expect(command(client.socket, 'floor:get')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    client.close();
    expect((await api(h, null, 'GET', '/api/v1/floor')).status).toBe(401);
  });
});
