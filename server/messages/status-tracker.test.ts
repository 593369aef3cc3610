import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { customer, customerText, startServices, type Services } from '../../test/helpers/services.js';

const bram = customer('31612345678', 'Bram');

describe('StatusTracker', () => {
  let s: Services;
  let conversationId: string;
  beforeEach(async () => {
    s = await startServices();
    await s.messages.receiveInbound(bram, customerText('Hoi', s.clock.now));
    conversationId = s.store.find({ waId: bram.waId, userId: null })?.id ?? '';
  });
  afterEach(async () => {
    await s.close();
  });

  const statusOf = async () => (await s.store.history(conversationId, undefined, 1)).messages[0]?.status;

  it('moves ticks forward only, and takes a status that raced ahead of the send’s answer', async () => {
    const message = await s.messages.sendText(s.supervisor, conversationId, 'Dag Bram', 'c1');
    // The `delivered` webhook arrives before the Graph API's answer has been recorded.
    await s.statuses.applyStatus({ waMessageId: 'wamid.out1', recipient: bram, status: 'delivered' });
    expect(await statusOf()).toBe('pending');
    await s.statuses.recordSendResult(message, { waMessageId: 'wamid.out1' });
    expect(await statusOf()).toBe('delivered');
    await s.statuses.applyStatus({ waMessageId: 'wamid.out1', recipient: bram, status: 'read' });
    await s.statuses.applyStatus({ waMessageId: 'wamid.out1', recipient: bram, status: 'delivered' });
    expect(await statusOf()).toBe('read');
    expect(s.store.get(conversationId)?.lastMessage?.status).toBe('read');
    expect(s.store.outbox()).toEqual([]);
    const updates = s.events.flatMap((e) => (e.type === 'message.updated' ? [e.message.status] : []));
    expect(updates).toEqual(['sent', 'delivered', 'read']);
  });

  it('records a final send error on the message, and a failed status with its reason', async () => {
    const message = await s.messages.sendText(s.supervisor, conversationId, 'Dag', 'c2');
    await s.statuses.recordSendResult(message, { error: { code: 131047, message: 'Re-engagement message' } });
    const [failed] = (await s.store.history(conversationId, undefined, 1)).messages;
    expect(failed).toMatchObject({ status: 'failed', error: { code: 131047 } });
  });

  it('ignores statuses of inbound messages and of customers it does not know', async () => {
    const before = s.events.length;
    const inbound = (await s.store.history(conversationId, undefined, 1)).messages[0];
    await s.statuses.applyStatus({
      waMessageId: inbound?.waMessageId ?? '',
      recipient: bram,
      status: 'read',
    });
    await s.statuses.applyStatus({
      waMessageId: 'wamid.x',
      recipient: { waId: '32400000000', userId: null },
      status: 'read',
    });
    expect(s.events.length).toBe(before);
  });
});
