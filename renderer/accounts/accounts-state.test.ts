import { describe, expect, it } from 'vitest';
import { initialInboxState, inboxReducer } from '../inbox/inbox-store';
import { selectAgentsById, selectMe } from './accounts-state';

/** A relay that writes fine and set no file aside. */
const health = { writes: 'ok' as const, quarantined: [] };

const ann = {
  id: 'a1',
  name: 'Ann',
  email: 'ann@shop.test',
  role: 'agent' as const,
  active: true,
  capacity: 10,
  presence: 'online' as const,
};
const bob = {
  id: 'a2',
  name: 'Bob',
  email: 'bob@shop.test',
  role: 'supervisor' as const,
  active: true,
  capacity: 10,
  presence: 'online' as const,
};

describe('accounts slice', () => {
  it('takes me and the agents from each sync, the later one winning', () => {
    let state = inboxReducer(initialInboxState, {
      type: 'inbox:synced',
      snapshot: { me: ann, agents: [ann, bob], conversations: [], more: null, health, activity: [] },
    });
    expect(selectMe(state)).toEqual(ann);
    expect(selectAgentsById(state).get('a2')?.name).toBe('Bob');
    state = inboxReducer(state, {
      type: 'inbox:synced',
      snapshot: {
        me: { ...ann, name: 'Ann V.' },
        agents: [{ ...ann, name: 'Ann V.' }],
        conversations: [],
        more: null,
        health,
        activity: [],
      },
    });
    expect(selectMe(state)?.name).toBe('Ann V.');
    expect(selectAgentsById(state).has('a2')).toBe(false);
  });

  it('ignores what is not its business', () => {
    const state = inboxReducer(initialInboxState, { type: 'connection', state: 'connected' });
    expect(state.accounts).toBe(initialInboxState.accounts);
  });

  it('applies agent:upsert to the colleagues and to me, and adds a new colleague', () => {
    let state = inboxReducer(initialInboxState, {
      type: 'inbox:synced',
      snapshot: { me: ann, agents: [ann], conversations: [], more: null, health, activity: [] },
    });
    state = inboxReducer(state, { type: 'agent:upsert', event: { ...ann, presence: 'away' } });
    expect(selectMe(state)?.presence).toBe('away');
    expect(selectAgentsById(state).get('a1')?.presence).toBe('away');
    state = inboxReducer(state, { type: 'agent:upsert', event: bob });
    expect(state.accounts.agents.map((a) => a.id)).toEqual(['a1', 'a2']);
  });
});
