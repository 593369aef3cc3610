import { describe, expect, it } from 'vitest';
import { matchCannedReplies, slashQueryAt } from './canned-replies-state';

const replies = [
  { id: '1', shortcut: 'hours', text: 'We are open 9–18' },
  { id: '2', shortcut: 'shipping', text: 'Delivery takes 2 days' },
  { id: '3', shortcut: 'thanks', text: 'Thank you for your order' },
];

describe('canned replies in the composer', () => {
  it('finds the /query before the caret, at the start or after a space only', () => {
    expect(slashQueryAt('/ho', 3)).toEqual({ start: 0, query: 'ho' });
    expect(slashQueryAt('Hi /', 4)).toEqual({ start: 3, query: '' });
    expect(slashQueryAt('and/or', 6)).toBeNull();
    expect(slashQueryAt('/hours now', 10)).toBeNull();
    expect(slashQueryAt('/hours now', 6)).toEqual({ start: 0, query: 'hours' });
  });

  it('offers shortcuts that start with the query first, then those that contain it', () => {
    expect(matchCannedReplies(replies, 'h').map((r) => r.shortcut)).toEqual(['hours', 'shipping', 'thanks']);
    expect(matchCannedReplies(replies, 'SH').map((r) => r.shortcut)).toEqual(['shipping']);
    expect(matchCannedReplies(replies, 'order').map((r) => r.shortcut)).toEqual(['thanks']);
    expect(matchCannedReplies(replies, '').map((r) => r.shortcut)).toEqual(['hours', 'shipping', 'thanks']);
  });
});
