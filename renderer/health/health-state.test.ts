import { describe, expect, it } from 'vitest';
import { initialHealthState, reduceHealth } from './health-state';

describe('health state', () => {
  it('follows the sync, then the relay:health events', () => {
    const file = { file: 'accounts.json', movedTo: 'quarantine/x', reason: 'not JSON', at: '2026-11-24T10:00:00.000Z' };
    const synced = reduceHealth(initialHealthState, {
      type: 'inbox:synced',
      snapshot: {
        me: {
          id: 'a',
          name: 'A',
          email: 'a@b.cd',
          role: 'supervisor',
          active: true,
          capacity: 10,
          presence: 'online' as const,
        },
        agents: [],
        conversations: [],
        more: null,
        health: { writes: 'ok', quarantined: [file] },
        activity: [],
      },
    });
    expect(synced.quarantined).toEqual([file]);
    const failing = reduceHealth(synced, { type: 'relay:health', event: { writes: 'failing', quarantined: [file] } });
    expect(failing.writes).toBe('failing');
    expect(reduceHealth(failing, { type: 'connection', state: 'connected' })).toBe(failing);
  });
});
