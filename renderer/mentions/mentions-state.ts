import type { Mention } from '../../shared/protocol/notes.js';
import type { InboxAction, InboxState } from '../inbox/inbox-store';

/* The caller's mentions in notes that they have not opened yet, newest first. */

export interface MentionsState {
  items: readonly Mention[];
}

export type MentionsAction = { type: 'mentions:loaded'; mentions: readonly Mention[] };

export const initialMentionsState: MentionsState = { items: [] };

export function reduceMentions(state: MentionsState, action: InboxAction): MentionsState {
  switch (action.type) {
    case 'mentions:loaded':
      return { items: action.mentions };
    case 'mention:new':
      return state.items.some((m) => m.id === action.event.id) ? state : { items: [action.event, ...state.items] };
    case 'conversation:remove':
      return state.items.some((m) => m.conversationId === action.event.id)
        ? { items: state.items.filter((m) => m.conversationId !== action.event.id) }
        : state;
    default:
      return state;
  }
}

export const selectMentions = (state: InboxState): readonly Mention[] => state.mentions.items;
export const selectMentionCount = (state: InboxState): number => state.mentions.items.length;
