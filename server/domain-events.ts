import type { Logger } from 'pino';
import type { Agent } from '../shared/domain/agent.js';
import type { Label, Settings } from '../shared/domain/label.js';
import type { ConversationSummary } from '../shared/domain/conversation.js';
import type { Message } from '../shared/domain/message.js';
import type { CartView } from '../shared/protocol/carts.js';
import type { ConversationActivity } from '../shared/protocol/activity.js';
import type { ProductView } from '../shared/protocol/catalog.js';
import type { RelayHealth } from '../shared/protocol/health.js';
import type { Mention } from '../shared/protocol/notes.js';
import type { CannedReply } from '../shared/domain/canned-reply.js';
import type { OrderView } from '../shared/protocol/orders.js';

/*
 * What happened, as the services announce it: one typed union for the whole relay. Services know
 * nothing of sockets; server/realtime/ alone turns these into Socket.IO events for the right rooms,
 * and the WhatsApp delivery listens for messages to send.
 */

export type DomainEvent =
  /** `before`: the conversation as it was, when who may see it can have changed (assignment). */
  | { type: 'conversation.changed'; conversation: ConversationSummary; before?: ConversationSummary }
  | { type: 'message.created'; conversation: ConversationSummary; message: Message }
  /** One agent read the conversation: only their unread count changed (only their screens are told). */
  | { type: 'conversation.read'; conversation: ConversationSummary; agentId: string }
  /** `summaryChanged`: the conversation's summary changed with it (the list shows this message). */
  | { type: 'message.updated'; conversation: ConversationSummary; message: Message; summaryChanged: boolean }
  | { type: 'session.ended'; tokenHash: string; reason: string }
  /** An agent was created or changed (presence too); `before` when it existed (its role may have changed). */
  | { type: 'agent.changed'; agent: Agent; before?: Agent }
  | { type: 'label.changed'; label: Label }
  | { type: 'label.removed'; id: string }
  | { type: 'settings.changed'; settings: Settings }
  /** The relay's health changed (its disk refuses writes, or takes them again; a file was set aside). */
  | { type: 'health.changed'; health: RelayHealth }
  /** A note mentioned an agent (who may see its conversation). */
  | { type: 'mention.created'; mention: Mention }
  /** The canned replies changed (everyone uses them). */
  | { type: 'cannedReplies.changed'; cannedReplies: CannedReply[] }
  /** A conversation's cart changed (an agent's edit, the customer's order, a payment). */
  | { type: 'cart.changed'; conversation: ConversationSummary; cart: CartView }
  /** An order was created or its status changed. */
  | { type: 'order.changed'; conversation: ConversationSummary; order: OrderView }
  /** Who is viewing or typing in a conversation changed (live only, never stored). */
  | { type: 'activity.changed'; conversation: ConversationSummary; activity: ConversationActivity }
  /** Products created or changed (one, or a batch of an import); everyone may see the catalog. */
  | { type: 'products.changed'; products: ProductView[] };

export type DomainEventListener = (event: DomainEvent) => void;

export interface DomainEvents {
  publish(event: DomainEvent): void;
  /** Returns the unsubscribe. */
  subscribe(listener: DomainEventListener): () => void;
}

/** Listeners run at once, in order; one that throws is logged and does not stop the others. */
export function createDomainEvents(logger: Logger): DomainEvents {
  const listeners = new Set<DomainEventListener>();
  return {
    publish(event) {
      for (const listener of listeners) {
        try {
          listener(event);
        } catch (error) {
          logger.error({ err: error, event: event.type }, 'domain event listener failed');
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
