import { describe, expect, it } from 'vitest';
import type { ConversationSummary } from '../../shared/domain/conversation.js';
import { createInboxStore, inboxReducer, initialInboxState } from './inbox-store';

/** A relay that writes fine and set no file aside. */
const health = { writes: 'ok' as const, quarantined: [] };

const at = new Date(Date.UTC(2025, 0, 1, 10)).toISOString();
const conversation: ConversationSummary = {
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
  unreadCount: 1,
  lastInboundAt: at,
  activitySeq: 1,
};

describe('inbox store', () => {
  it('tells its readers once per new message', () => {
    const store = createInboxStore();
    let notified = 0;
    store.subscribe(() => {
      notified++;
    });
    store.dispatch({
      type: 'message:new',
      event: {
        conversationId: 'a',
        conversation,
        message: {
          id: 'm1',
          conversationId: 'a',
          seq: 0,
          direction: 'in',
          type: 'text',
          text: 'Hallo',
          status: 'received',
          waMessageId: null,
          authorId: null,
          createdAt: at,
          updatedAt: at,
        },
      },
    });
    expect(notified).toBe(1);
  });

  it('keeps the same state, and tells nobody, when no slice changes', () => {
    const state = inboxReducer(initialInboxState, { type: 'connection', state: 'connecting' });
    expect(state).toBe(initialInboxState);
    expect(inboxReducer(state, { type: 'session:end', event: { reason: 'revoked' } })).toBe(state);
  });

  it('follows the connection, and is synced from the first snapshot on', () => {
    let state = inboxReducer(initialInboxState, { type: 'connection', state: 'connected' });
    expect(state.sync).toEqual({ connection: 'connected', synced: false });
    state = inboxReducer(state, {
      type: 'inbox:synced',
      snapshot: {
        me: {
          id: 'a1',
          name: 'Ann',
          email: 'a@b.c',
          role: 'agent',
          active: true,
          capacity: 10,
          presence: 'online' as const,
        },
        agents: [],
        conversations: [],
        more: null,
        health,
        activity: [],
      },
    });
    state = inboxReducer(state, { type: 'connection', state: 'reconnecting' });
    expect(state.sync).toEqual({ connection: 'reconnecting', synced: true });
  });
});
