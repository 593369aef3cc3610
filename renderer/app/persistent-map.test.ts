import { describe, expect, it } from 'vitest';
import { PersistentMap } from './persistent-map';

describe('PersistentMap', () => {
  it('reads back what was set, and leaves the map it came from unchanged', () => {
    const empty = PersistentMap.empty<number>();
    const one = empty.set('a', 1);
    const two = one.set('b', 2).set('a', 10);
    expect([empty.size, one.size, two.size]).toEqual([0, 1, 2]);
    expect(one.get('a')).toBe(1);
    expect(two.get('a')).toBe(10);
    expect(two.get('b')).toBe(2);
    expect(empty.has('a')).toBe(false);
  });

  it('returns itself when nothing changes', () => {
    const value = { n: 1 };
    const map = PersistentMap.from([['a', value]]);
    expect(map.set('a', value)).toBe(map);
    expect(map.delete('missing')).toBe(map);
  });

  it('deletes without touching the original, over many keys in every bucket', () => {
    const keys = Array.from({ length: 1000 }, (_, i) => `conversation-${i}`);
    const full = PersistentMap.from(keys.map((key, i) => [key, i] as const));
    let map = full;
    for (const key of keys.filter((_, i) => i % 2 === 0)) map = map.delete(key);
    expect(full.size).toBe(1000);
    expect(map.size).toBe(500);
    expect(map.get('conversation-1')).toBe(1);
    expect(map.has('conversation-2')).toBe(false);
    expect([...map.values()].sort((a, b) => a - b)).toEqual(keys.map((_, i) => i).filter((i) => i % 2 === 1));
  });
});
