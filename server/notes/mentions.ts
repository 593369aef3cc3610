import type { Agent } from '../../shared/domain/agent.js';

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The agents a note's text mentions: `@` followed by an agent's full name, or by their first name
 * when no other agent has it, not followed by a letter or digit. Case does not matter.
 */
export function findMentions(text: string, agents: readonly Agent[]): string[] {
  const firstNames = new Map<string, number>();
  const firstOf = (agent: Agent): string => agent.name.trim().split(/\s+/)[0] ?? agent.name;
  for (const agent of agents) {
    const first = firstOf(agent).toLowerCase();
    firstNames.set(first, (firstNames.get(first) ?? 0) + 1);
  }
  const found: string[] = [];
  for (const agent of agents) {
    const names = [agent.name.trim()];
    const first = firstOf(agent);
    if (first !== names[0] && firstNames.get(first.toLowerCase()) === 1) names.push(first);
    const pattern = new RegExp(`(^|[^\\p{L}\\p{N}])@(${names.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'iu');
    if (pattern.test(text)) found.push(agent.id);
  }
  return found;
}
