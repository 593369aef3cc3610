import { describe, expect, it } from 'vitest';
import { rememberingTranslate, type Translate } from './use-t';

describe('rememberingTranslate', () => {
  it('asks once for a key alone or with a count, every time for other values', () => {
    const asked: string[] = [];
    const t = ((key: string, values?: Record<string, string | number>) => {
      asked.push(key);
      return values === undefined ? key.toUpperCase() : `${key}:${JSON.stringify(values)}`;
    }) as Translate;
    const remembering = rememberingTranslate(t);
    expect(remembering('inbox.unassigned')).toBe('INBOX.UNASSIGNED');
    expect(remembering('inbox.unassigned')).toBe('INBOX.UNASSIGNED');
    expect(remembering('inbox.unread', { count: 2 })).toBe('inbox.unread:{"count":2}');
    expect(remembering('inbox.unread', { count: 2 })).toBe('inbox.unread:{"count":2}');
    expect(remembering('inbox.unread', { count: 3 })).toBe('inbox.unread:{"count":3}');
    expect(remembering('assign.meSuffix', { name: 'Anna' })).toBe('assign.meSuffix:{"name":"Anna"}');
    expect(remembering('assign.meSuffix', { name: 'Ben' })).toBe('assign.meSuffix:{"name":"Ben"}');
    expect(asked).toEqual(['inbox.unassigned', 'inbox.unread', 'inbox.unread', 'assign.meSuffix', 'assign.meSuffix']);
  });
});
