import { describe, expect, it } from 'vitest';
import { formatDuration } from './format';

describe('formatDuration', () => {
  it('words a time in the largest unit that keeps it readable', () => {
    expect(formatDuration(3_400, 'en-US')).toBe('3.4 sec');
    expect(formatDuration(89_000, 'en-US')).toBe('89 sec');
    expect(formatDuration(12.5 * 60_000, 'en-US')).toBe('12.5 min');
    expect(formatDuration(3 * 3_600_000, 'en-US')).toBe('3 hr');
  });
});
