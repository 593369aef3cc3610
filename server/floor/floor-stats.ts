import type { Message } from '../../shared/domain/message.js';
import type { FloorDay } from '../../shared/protocol/floor.js';

/*
 * First-response and resolution times from a conversation's messages, oldest first:
 * - a customer message that finds nobody waiting to answer starts a wait; the first reply by an
 *   agent (text or products, not a note or a system line) ends it: a first response, for that agent,
 *   on the day of the reply;
 * - a chat's "case" starts with the first customer message after it was last resolved; the
 *   status line to `resolved` ends it: a resolution, for who resolved it (else the assignee then).
 */

const isReply = (m: Message): boolean =>
  m.direction === 'out' && m.type !== 'note' && m.type !== 'system' && m.authorId !== null;

export interface Tally {
  add(agentId: string, at: string, kind: 'firstResponse' | 'resolution', ms: number): void;
  rows(): FloorDay[];
}

/** `dayOf`: the day (YYYY-MM-DD) a moment counts on, in the shop's time zone. */
export function createTally(days: ReadonlySet<string>, dayOf: (at: string) => string): Tally {
  const cells = new Map<string, { agentId: string; day: string; fr: number[]; res: number[] }>();
  return {
    add(agentId, at, kind, ms) {
      const day = dayOf(at);
      if (!days.has(day)) return;
      const key = `${agentId}|${day}`;
      let cell = cells.get(key);
      if (!cell) {
        cell = { agentId, day, fr: [], res: [] };
        cells.set(key, cell);
      }
      (kind === 'firstResponse' ? cell.fr : cell.res).push(Math.max(0, ms));
    },
    rows() {
      const avg = (xs: number[]) => (xs.length === 0 ? null : Math.round(xs.reduce((a, b) => a + b, 0) / xs.length));
      return [...cells.values()]
        .map((c) => ({
          agentId: c.agentId,
          day: c.day,
          firstResponses: c.fr.length,
          firstResponseMs: avg(c.fr),
          resolutions: c.res.length,
          resolutionMs: avg(c.res),
        }))
        .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.agentId < b.agentId ? -1 : 1));
    },
  };
}

export function tallyConversation(messages: readonly Message[], tally: Tally): void {
  let waitingSince: string | null = null;
  let caseSince: string | null = null;
  let assignee: string | null = null;
  for (const m of messages) {
    const content = m.content?.kind === 'system' ? m.content : null;
    if (content?.event === 'assignee_changed') assignee = content.to;
    if (m.direction === 'in' && m.type !== 'system') {
      waitingSince ??= m.createdAt;
      caseSince ??= m.createdAt;
    } else if (isReply(m) && waitingSince !== null) {
      tally.add(m.authorId ?? '', m.createdAt, 'firstResponse', Date.parse(m.createdAt) - Date.parse(waitingSince));
      waitingSince = null;
    }
    if (content?.event === 'status_changed' && content.to === 'resolved' && caseSince !== null) {
      const who = m.authorId ?? assignee;
      if (who !== null) tally.add(who, m.createdAt, 'resolution', Date.parse(m.createdAt) - Date.parse(caseSince));
      caseSince = null;
      waitingSince = null;
    }
  }
}
