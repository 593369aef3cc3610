import { describe, expect, it } from 'vitest';
import type { Agent } from '../../shared/domain/agent.js';
import { findMentions } from './mentions.js';

const agent = (id: string, name: string): Agent => ({
  id,
  name,
  email: `${id}@shop.test`,
  role: 'agent',
  active: true,
  capacity: 10,
  presence: 'online',
});
const anna = agent('a', 'Anna Peeters');
const annaB = agent('b', 'Anna Bosmans');
const ben = agent('c', 'Ben');

describe('findMentions', () => {
  it('finds full names, and first names only when they are unambiguous', () => {
    expect(findMentions('@anna peeters can you check?', [anna, annaB, ben])).toEqual(['a']);
    expect(findMentions('@Anna can you check?', [anna, annaB, ben])).toEqual([]);
    expect(findMentions('@Anna can you check?', [anna, ben])).toEqual(['a']);
    expect(findMentions('ask @Ben, and @Anna Bosmans too', [anna, annaB, ben])).toEqual(['b', 'c']);
  });

  it('needs the @ and a whole name', () => {
    expect(findMentions('Ben knows', [ben])).toEqual([]);
    expect(findMentions('@Benjamin knows', [ben])).toEqual([]);
    expect(findMentions('mail me at x@Ben', [ben])).toEqual([]);
    expect(findMentions('(@Ben)', [ben])).toEqual(['c']);
  });
});
