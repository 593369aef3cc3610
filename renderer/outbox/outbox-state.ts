import { z } from 'zod';
import type { InboxAction, InboxState } from '../inbox/inbox-store';

/*
 * The outbox: replies written here that the relay has not yet acknowledged. Each keeps its clientId
 * from the moment it is written, so sending it again (after a drop, a reload, a restart) is the same
 * message to the relay, which stores a clientId once.
 */

export const OutboxEntrySchema = z.object({
  clientId: z.string(),
  conversationId: z.string(),
  text: z.string(),
  confirmAssignedToOther: z.boolean(),
  createdAt: z.iso.datetime(),
});
export type OutboxEntry = z.infer<typeof OutboxEntrySchema>;

export interface OutboxState {
  entries: readonly OutboxEntry[];
}

export type OutboxAction =
  | { type: 'outbox:add'; entry: OutboxEntry }
  | { type: 'outbox:remove'; clientId: string }
  /** What a previous run of the app left unsent (read back from storage at start). */
  | { type: 'outbox:restore'; entries: readonly OutboxEntry[] };

export const initialOutboxState: OutboxState = { entries: [] };

export function reduceOutbox(state: OutboxState, action: InboxAction): OutboxState {
  switch (action.type) {
    case 'outbox:add':
      return state.entries.some((e) => e.clientId === action.entry.clientId)
        ? state
        : { entries: [...state.entries, action.entry] };
    case 'outbox:remove':
      return state.entries.some((e) => e.clientId === action.clientId)
        ? { entries: state.entries.filter((e) => e.clientId !== action.clientId) }
        : state;
    case 'outbox:restore': {
      const known = new Set(state.entries.map((e) => e.clientId));
      const added = action.entries.filter((e) => !known.has(e.clientId));
      return added.length === 0 ? state : { entries: [...added, ...state.entries] };
    }
    default:
      return state;
  }
}

export const selectOutbox = (state: InboxState): readonly OutboxEntry[] => state.outbox.entries;
export const selectOutboxCount = (state: InboxState): number => state.outbox.entries.length;
