import type { ConversationActivity } from '../../shared/protocol/activity.js';
import type { InboxAction, InboxState } from '../inbox/inbox-store';

/* Who is viewing and typing in each conversation, as the relay last said (live only). */

export interface ActivityState {
  byConversation: ReadonlyMap<string, ConversationActivity>;
}

export const initialActivityState: ActivityState = { byConversation: new Map() };

const isEmpty = (a: ConversationActivity): boolean => a.viewerIds.length === 0 && a.typingIds.length === 0;

export function reduceActivity(state: ActivityState, action: InboxAction): ActivityState {
  switch (action.type) {
    // Without the relay nobody's activity is known; the next sync brings it back.
    case 'connection':
      return action.state === 'connected' || state.byConversation.size === 0 ? state : initialActivityState;
    case 'inbox:synced':
      return { byConversation: new Map(action.snapshot.activity.map((a) => [a.conversationId, a])) };
    case 'conversation:activity': {
      const { event } = action;
      if (isEmpty(event) && !state.byConversation.has(event.conversationId)) return state;
      const byConversation = new Map(state.byConversation);
      if (isEmpty(event)) byConversation.delete(event.conversationId);
      else byConversation.set(event.conversationId, event);
      return { byConversation };
    }
    case 'conversation:remove': {
      if (!state.byConversation.has(action.event.id)) return state;
      const byConversation = new Map(state.byConversation);
      byConversation.delete(action.event.id);
      return { byConversation };
    }
    default:
      return state;
  }
}

export const selectActivity = (state: InboxState, conversationId: string): ConversationActivity | undefined =>
  state.activity.byConversation.get(conversationId);
