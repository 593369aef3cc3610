import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { customer, customerText, startServices, type Services } from '../../test/helpers/services.js';

describe('AssignmentService', () => {
  let s: Services;
  let id: string;
  beforeEach(async () => {
    s = await startServices();
    await s.messages.receiveInbound(customer('32470555666', 'Noor'), customerText('Hallo', s.clock.now));
    id = s.store.find({ waId: '32470555666', userId: null })?.id ?? '';
  });
  afterEach(async () => {
    await s.close();
  });

  it('lets an agent claim an unassigned chat and hand it back; the event says who could see it before', async () => {
    const jonas = await s.agent('Jonas');
    const claimed = await s.assignment.assign(jonas, id, jonas.id);
    expect(claimed.assigneeId).toBe(jonas.id);
    const event = s.events.findLast((e) => e.type === 'conversation.changed');
    expect(event).toMatchObject({ before: { assigneeId: null }, conversation: { assigneeId: jonas.id } });
    // The change is a system line saying who did it.
    expect(s.events.at(-1)).toMatchObject({
      type: 'message.created',
      message: { type: 'system', authorId: jonas.id, text: 'Jonas took the conversation' },
    });
    expect((await s.assignment.assign(jonas, id, null)).assigneeId).toBeNull();
  });

  it('refuses what an agent may not do, and lets only one of two racing claims win', async () => {
    const jonas = await s.agent('Jonas');
    const lien = await s.agent('Lien');
    await expect(s.assignment.assign(jonas, id, lien.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const results = await Promise.allSettled([
      s.assignment.assign(jonas, id, jonas.id),
      s.assignment.assign(lien, id, lien.id),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
    await expect(s.assignment.assign(s.supervisor, id, 'no-such-agent')).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('changes nothing when the chat already has that assignee', async () => {
    const before = s.events.length;
    await s.assignment.assign(s.supervisor, id, null);
    expect(s.events.length).toBe(before);
  });
});
