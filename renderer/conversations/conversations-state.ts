import type { ConversationSummary } from '../../shared/domain/conversation.js';
import { PersistentMap } from '../app/persistent-map';
import type { InboxAction, InboxState } from '../inbox/inbox-store';
import { reposition, sortConversations, without } from './conversation-order';

/*
 * The conversation list: every conversation this person may see, by id and in the inbox's order.
 * A live update changes one conversation, so it costs one bucket of the map and one copy of the
 * order, however many conversations the shop has.
 */

export interface ConversationsState {
  byId: PersistentMap<ConversationSummary>;
  /** Latest activity first; the very objects of `byId`. */
  order: readonly ConversationSummary[];
  /** Unread messages over all conversations, kept as they change (the window title shows it). */
  unreadTotal: number;
}

export type ConversationsAction =
  /**
   * A command's answer (read, assigned): the conversation as the relay had it then. Events may
   * have overtaken it (a message arrived meanwhile), and a removed conversation stays removed.
   */
  | { type: 'conversation:replied'; conversation: ConversationSummary }
  /**
   * More of the list after the snapshot (`inbox:page`). Every event sent before the page arrived
   * has been applied, so a conversation already here is current and is kept as it is.
   */
  | { type: 'inbox:page'; conversations: readonly ConversationSummary[] };

export const initialConversationsState: ConversationsState = {
  byId: PersistentMap.empty(),
  order: [],
  unreadTotal: 0,
};

function upsert(state: ConversationsState, conversation: ConversationSummary): ConversationsState {
  const previous = state.byId.get(conversation.id);
  return {
    byId: state.byId.set(conversation.id, conversation),
    order: reposition(state.order, previous, conversation),
    unreadTotal: state.unreadTotal - (previous?.unreadCount ?? 0) + conversation.unreadCount,
  };
}

function remove(state: ConversationsState, id: string): ConversationsState {
  const previous = state.byId.get(id);
  if (!previous) return state;
  return {
    byId: state.byId.delete(id),
    order: without(state.order, previous),
    unreadTotal: state.unreadTotal - previous.unreadCount,
  };
}

export function reduceConversations(state: ConversationsState, action: InboxAction): ConversationsState {
  switch (action.type) {
    case 'inbox:synced': {
      const list = action.snapshot.conversations;
      return {
        byId: PersistentMap.from(list.map((c) => [c.id, c] as const)),
        order: sortConversations(list),
        unreadTotal: list.reduce((total, c) => total + c.unreadCount, 0),
      };
    }
    case 'conversation:upsert':
      return upsert(state, action.event);
    case 'message:new':
      return upsert(state, action.event.conversation);
    case 'conversation:remove':
      return remove(state, action.event.id);
    case 'inbox:page': {
      const added = action.conversations.filter((c) => !state.byId.has(c.id));
      if (added.length === 0) return state;
      let byId = state.byId;
      for (const conversation of added) byId = byId.set(conversation.id, conversation);
      return {
        byId,
        order: sortConversations([...state.order, ...added]),
        unreadTotal: added.reduce((total, c) => total + c.unreadCount, state.unreadTotal),
      };
    }
    case 'conversation:replied': {
      const current = state.byId.get(action.conversation.id);
      if (!current || action.conversation.activitySeq < current.activitySeq) return state;
      return upsert(state, action.conversation);
    }
    default:
      return state;
  }
}

export const selectConversation = (state: InboxState, id: string): ConversationSummary | undefined =>
  state.conversations.byId.get(id);
export const selectOrder = (state: InboxState): readonly ConversationSummary[] => state.conversations.order;
export const selectUnreadTotal = (state: InboxState): number => state.conversations.unreadTotal;
