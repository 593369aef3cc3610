import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { customer, customerText, startServices, type Services } from '../../test/helpers/services.js';

describe('ConversationService', () => {
  let s: Services;
  beforeEach(async () => {
    s = await startServices();
  });
  afterEach(async () => {
    await s.close();
  });

  it('lists what each agent may see, latest arrival first even within one second', async () => {
    const second = s.clock.now;
    for (const [i, waId] of ['32470000001', '32470000002', '32470000003'].entries()) {
      await s.messages.receiveInbound(customer(waId, `C${i}`), customerText(`hi ${i}`, second));
    }
    // An older customer writes again in the same second: it goes to the top.
    await s.messages.receiveInbound(customer('32470000001', 'C0'), customerText('again', second));
    const jonas = await s.agent('Jonas');
    const lien = await s.agent('Lien');
    const c1 = s.store.find({ waId: '32470000002', userId: null })?.id ?? '';
    await s.assignment.assign(s.supervisor, c1, lien.id);
    expect(s.conversations.listVisible(s.supervisor).map((c) => c.contact.name)).toEqual(['C0', 'C2', 'C1']);
    expect(s.conversations.listVisible(jonas).map((c) => c.contact.name)).toEqual(['C0', 'C2']);
    expect(() => s.conversations.requireVisible(jonas, c1)).toThrow('Conversation not found');
  });

  it('marks a chat read once: one event and one read receipt for the newest customer message', async () => {
    const waId = '32470000009';
    await s.messages.receiveInbound(customer(waId, 'Eva'), customerText('one', s.clock.now, 'wamid.one'));
    await s.messages.receiveInbound(customer(waId, 'Eva'), customerText('two', s.clock.now, 'wamid.two'));
    const id = s.store.find({ waId: waId, userId: null })?.id ?? '';
    const before = s.events.length;
    expect((await s.conversations.markRead(s.supervisor, id)).unreadCount).toBe(0);
    await s.conversations.markRead(s.supervisor, id);
    expect(s.events.length - before).toBe(1);
    expect(s.receipts).toEqual(['wamid.two']);
  });
});
