import type { ConversationSummary } from '../../shared/domain/conversation.js';

/**
 * Keeps `waitingSince` true to the summary: a chat that is open and unassigned waits (since now if
 * it was not waiting already); any other chat does not.
 */
export function withWaiting(summary: ConversationSummary, now: number): ConversationSummary {
  const waits = summary.status === 'open' && summary.assigneeId === null;
  if (waits) return summary.waitingSince === null ? { ...summary, waitingSince: new Date(now).toISOString() } : summary;
  return summary.waitingSince === null ? summary : { ...summary, waitingSince: null };
}
