import { describe, expect, it } from 'vitest';
import type { RelaySocket } from '../../shared/client/relay-client.js';
import type { ConversationSummary } from '../../shared/domain/conversation.js';
import { createInboxStore } from '../inbox/inbox-store';
import type { RelayLink } from '../inbox/relay-link';
import { markRead } from './conversations-commands';
import { selectConversation } from './conversations-state';

/** A relay that writes fine and set no file aside. */
const health = { writes: 'ok' as const, quarantined: [] };

function conversation(unreadCount: number, activitySeq: number): ConversationSummary {
  const at = new Date(Date.UTC(2025, 0, 1, 10)).toISOString();
  return {
    id: 'a',
    contact: { waId: '32470000001', userId: null, username: null, name: 'Anke' },
    status: 'open',
    snoozedUntil: null,
    labels: [],
    waitingSince: null,
    assigneeId: null,
    createdAt: at,
    lastMessageAt: at,
    lastMessage: null,
    unreadCount,
    lastInboundAt: at,
    activitySeq,
  };
}

/** A link whose socket records each command and lets the test answer it. */
function fakeLink() {
  const sent: { event: string; answer: (data: unknown) => void }[] = [];
  const socket = {
    timeout: () => ({
      emitWithAck: (event: string) =>
        new Promise((resolve) => {
          sent.push({ event, answer: (data) => resolve({ ok: true, data }) });
        }),
    }),
  };
  const store = createInboxStore();
  const me = {
    id: 'a1',
    name: 'Ann',
    email: 'ann@shop.test',
    role: 'agent' as const,
    active: true,
    capacity: 10,
    presence: 'online' as const,
  };
  store.dispatch({
    type: 'inbox:synced',
    snapshot: { me, agents: [me], conversations: [conversation(2, 1)], more: null, health, activity: [] },
  });
  const link: RelayLink = { socket: () => socket as unknown as RelaySocket, store, rest: { baseUrl: '', token: '' } };
  return { link, sent, store };
}

describe('markRead', () => {
  it('sends one request at a time for a conversation, however often it is asked', async () => {
    const { link, sent, store } = fakeLink();
    const first = markRead(link, 'a');
    const second = markRead(link, 'a');
    expect(second).toBe(first);
    await Promise.resolve();
    expect(sent.map((s) => s.event)).toEqual(['conversation:markRead']);
    sent[0]?.answer({ conversation: conversation(0, 1) });
    expect(await first).toBe(true);
    expect(selectConversation(store.getState(), 'a')?.unreadCount).toBe(0);
    // Once answered, the next one goes out.
    void markRead(link, 'a');
    await Promise.resolve();
    expect(sent).toHaveLength(2);
  });

  it('says so when a newer message overtook the answer, so the reader asks again', async () => {
    const { link, sent, store } = fakeLink();
    const request = markRead(link, 'a');
    await Promise.resolve();
    store.dispatch({ type: 'conversation:upsert', event: conversation(3, 2) });
    sent[0]?.answer({ conversation: conversation(0, 1) });
    expect(await request).toBe(false);
    expect(selectConversation(store.getState(), 'a')?.unreadCount).toBe(3);
  });
});
