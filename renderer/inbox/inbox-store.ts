import type { RelaySocket } from '../../shared/client/relay-client.js';
import { bindAccountEvents } from '../accounts/accounts-events';
import { bindActivityEvents } from '../activity/activity-events';
import { bindMentionEvents } from '../mentions/mentions-events';
import { bindCannedReplyEvents } from '../canned-replies/canned-replies-events';
import {
  initialCannedRepliesState,
  reduceCannedReplies,
  type CannedRepliesAction,
  type CannedRepliesState,
} from '../canned-replies/canned-replies-state';
import {
  initialMentionsState,
  reduceMentions,
  type MentionsAction,
  type MentionsState,
} from '../mentions/mentions-state';
import { initialOutboxState, reduceOutbox, type OutboxAction, type OutboxState } from '../outbox/outbox-state';
import { initialActivityState, reduceActivity, type ActivityState } from '../activity/activity-state';
import { initialAccountsState, reduceAccounts, type AccountsState } from '../accounts/accounts-state';
import { bindCartEvents } from '../carts/carts-events';
import { initialCartsState, reduceCarts, type CartsAction, type CartsState } from '../carts/carts-state';
import { bindCatalogEvents } from '../catalog/catalog-events';
import { initialCatalogState, reduceCatalog, type CatalogState } from '../catalog/catalog-state';
import { bindConversationEvents } from '../conversations/conversations-events';
import {
  initialConversationsState,
  reduceConversations,
  type ConversationsAction,
  type ConversationsState,
} from '../conversations/conversations-state';
import { bindHealthEvents } from '../health/health-events';
import { initialHealthState, reduceHealth, type HealthState } from '../health/health-state';
import { bindMessageEvents } from '../messages/messages-events';
import {
  initialMessagesState,
  reduceMessages,
  type MessagesAction,
  type MessagesState,
} from '../messages/messages-state';
import { bindOrderEvents } from '../orders/orders-events';
import { initialOrdersState, reduceOrders, type OrdersAction, type OrdersState } from '../orders/orders-state';
import { createStore, type Store } from '../app/store';
import { bindLabelEvents } from '../labels/labels-events';
import { initialLabelsState, reduceLabels, type LabelsAction, type LabelsState } from '../labels/labels-state';
import type { RelayEventAction } from './relay-event';
import { initialSyncState, reduceSync, type SyncAction, type SyncState } from './sync-state';

/*
 * What the inbox is made of: one state slice per feature, and the event bindings that feed them.
 * The one place that lists the features; a new event or command lives entirely in its feature's
 * folder. Every slice sees every action once (one pass per action, one notification).
 */

export interface InboxState {
  sync: SyncState;
  accounts: AccountsState;
  conversations: ConversationsState;
  messages: MessagesState;
  health: HealthState;
  activity: ActivityState;
  carts: CartsState;
  orders: OrdersState;
  outbox: OutboxState;
  mentions: MentionsState;
  cannedReplies: CannedRepliesState;
  catalog: CatalogState;
  labels: LabelsState;
}

export type InboxAction =
  | SyncAction
  | RelayEventAction
  | ConversationsAction
  | MessagesAction
  | CartsAction
  | OrdersAction
  | OutboxAction
  | MentionsAction
  | LabelsAction
  | CannedRepliesAction;

export const initialInboxState: InboxState = {
  sync: initialSyncState,
  accounts: initialAccountsState,
  conversations: initialConversationsState,
  messages: initialMessagesState,
  health: initialHealthState,
  activity: initialActivityState,
  carts: initialCartsState,
  orders: initialOrdersState,
  outbox: initialOutboxState,
  mentions: initialMentionsState,
  cannedReplies: initialCannedRepliesState,
  catalog: initialCatalogState,
  labels: initialLabelsState,
};

export function inboxReducer(state: InboxState, action: InboxAction): InboxState {
  const sync = reduceSync(state.sync, action);
  const accounts = reduceAccounts(state.accounts, action);
  const conversations = reduceConversations(state.conversations, action);
  const messages = reduceMessages(state.messages, action);
  const health = reduceHealth(state.health, action);
  const activity = reduceActivity(state.activity, action);
  const carts = reduceCarts(state.carts, action);
  const orders = reduceOrders(state.orders, action);
  const outbox = reduceOutbox(state.outbox, action);
  const mentions = reduceMentions(state.mentions, action);
  const cannedReplies = reduceCannedReplies(state.cannedReplies, action);
  const catalog = reduceCatalog(state.catalog, action);
  const labels = reduceLabels(state.labels, action);
  if (
    sync === state.sync &&
    accounts === state.accounts &&
    conversations === state.conversations &&
    messages === state.messages &&
    health === state.health &&
    activity === state.activity &&
    carts === state.carts &&
    orders === state.orders &&
    outbox === state.outbox &&
    mentions === state.mentions &&
    cannedReplies === state.cannedReplies &&
    catalog === state.catalog &&
    labels === state.labels
  ) {
    return state;
  }
  return {
    sync,
    accounts,
    conversations,
    messages,
    health,
    activity,
    carts,
    orders,
    outbox,
    mentions,
    cannedReplies,
    catalog,
    labels,
  };
}

export type InboxStore = Store<InboxState, InboxAction>;

export function createInboxStore(): InboxStore {
  return createStore(inboxReducer, initialInboxState);
}

export type SessionEndReason = 'ended' | 'unauthorized';

/** What a feature's event bindings may do with what the relay pushes. */
export interface EventContext {
  dispatch: (action: InboxAction) => void;
  endSession: (reason: SessionEndReason) => void;
  /** Asks the relay for a fresh snapshot (what the caller may see changed). */
  resync: () => void;
  getState: () => InboxState;
}

/** Each feature's `listen(...)` calls; the socket's listeners all go when the connection is closed. */
export const eventBindings: readonly ((socket: RelaySocket, context: EventContext) => void)[] = [
  bindAccountEvents,
  bindConversationEvents,
  bindMessageEvents,
  bindHealthEvents,
  bindActivityEvents,
  bindCartEvents,
  bindOrderEvents,
  bindMentionEvents,
  bindLabelEvents,
  bindCannedReplyEvents,
  bindCatalogEvents,
];
