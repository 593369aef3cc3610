import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SERVICE_WINDOW_MS } from '../../shared/domain/conversation.js';
import { customer, customerText, startServices, type Services } from '../../test/helpers/services.js';
import { AppError } from '../kit/app-error.js';

const anna = customer('32470111222', 'Anna Peeters');

describe('MessageService', () => {
  let s: Services;
  beforeEach(async () => {
    s = await startServices();
  });
  afterEach(async () => {
    await s.close();
  });

  it('stores a customer message once per wamid and announces it once', async () => {
    const message = customerText('Hallo!', s.clock.now, 'wamid.same');
    await Promise.all([s.messages.receiveInbound(anna, message), s.messages.receiveInbound(anna, message)]);
    await s.messages.receiveInbound(anna, message);
    const created = s.events.filter((e) => e.type === 'message.created');
    expect(created).toHaveLength(1);
    expect(created[0]?.conversation).toMatchObject({ contact: anna, lastMessage: { text: 'Hallo!' } });
    expect(s.store.list()).toHaveLength(1);
    expect(s.store.unreadFor(s.store.list()[0]?.id ?? '', s.supervisor.id)).toBe(1);
  });

  it('keeps the latest customer time for the 24-hour window when a late webhook brings an older message', async () => {
    await s.messages.receiveInbound(anna, customerText('second', s.clock.now));
    await s.messages.receiveInbound(anna, customerText('first', s.clock.now - 60_000));
    const conversation = s.store.find({ waId: anna.waId, userId: null });
    expect(conversation?.lastInboundAt).toBe(new Date(s.clock.now).toISOString());
    expect(s.store.unreadFor(conversation?.id ?? '', s.supervisor.id)).toBe(2);
  });

  it('sends a reply once per clientId, refuses it outside the window and on a colleague’s chat', async () => {
    await s.messages.receiveInbound(anna, customerText('Vraagje', s.clock.now));
    const id = s.store.find({ waId: anna.waId, userId: null })?.id ?? '';
    const first = await s.messages.sendText(s.supervisor, id, 'Ja?', 'client-1');
    const again = await s.messages.sendText(s.supervisor, id, 'Ja?', 'client-1');
    expect(again.id).toBe(first.id);
    expect(s.events.filter((e) => e.type === 'message.created' && e.message.direction === 'out')).toHaveLength(1);
    expect(s.store.outbox().map((m) => m.id)).toEqual([first.id]);

    const jonas = await s.agent('Jonas');
    const lien = await s.agent('Lien');
    await s.assignment.assign(s.supervisor, id, jonas.id);
    await expect(s.messages.sendText(lien, id, 'Ik help!')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(s.messages.sendText(jonas, id, 'Ik help!')).resolves.toMatchObject({ authorId: jonas.id });

    s.clock.now += SERVICE_WINDOW_MS + 1;
    const late = s.messages.sendText(jonas, id, 'Nog daar?');
    await expect(late).rejects.toBeInstanceOf(AppError);
    await expect(late).rejects.toMatchObject({ code: 'WINDOW_CLOSED' });
  });

  it('lets only the assignee, or a supervisor who confirms, answer an assigned chat', async () => {
    await s.messages.receiveInbound(anna, customerText('Vraagje', s.clock.now));
    const id = s.store.find({ waId: anna.waId, userId: null })?.id ?? '';
    const jonas = await s.agent('Jonas');
    await s.assignment.assign(s.supervisor, id, jonas.id);
    await expect(s.messages.sendText(s.supervisor, id, 'Overgenomen')).rejects.toMatchObject({
      code: 'ASSIGNED_TO_OTHER',
    });
    await expect(s.messages.sendText(s.supervisor, id, 'Overgenomen', undefined, true)).resolves.toMatchObject({
      direction: 'out',
    });
    await expect(s.messages.sendText(jonas, id, 'Jonas hier')).resolves.toMatchObject({ direction: 'out' });
  });
});
