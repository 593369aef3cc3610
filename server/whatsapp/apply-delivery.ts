import type { Logger } from 'pino';
import { applyIdentityChange } from '../conversations/contact-changes.js';
import type { ConversationService } from '../conversations/conversation-service.js';
import type { DomainEvents } from '../domain-events.js';
import type { MessageService } from '../messages/message-service.js';
import type { StatusInput, StatusTracker } from '../messages/status-tracker.js';
import type { ConversationStore } from '../storage/conversation-store.js';
import type { WebhookIntent } from './webhook-intents.js';

export interface ApplyDeliveryDeps {
  store: ConversationStore;
  conversations: ConversationService;
  messages: MessageService;
  statuses: StatusTracker;
  events: DomainEvents;
  now: () => number;
  logger: Logger;
}

/**
 * One webhook delivery, applied whole or not at all: every conversation it touches is locked, and
 * everything it changes is one durable step. Resolves only once that step is on disk.
 */
export async function applyDelivery(deps: ApplyDeliveryDeps, intents: WebhookIntent[]): Promise<void> {
  const targets = intents.map((intent) => {
    if (intent.kind === 'message') return deps.conversations.resolveFor(intent.contact);
    const identity = intent.kind === 'status' ? intent.status.recipient : intent.from;
    return deps.store.find(identity)?.id ?? null;
  });
  const early: StatusInput[] = [];
  await deps.store.transaction(
    targets.filter((id): id is string => id !== null),
    async (tx) => {
      for (const [i, intent] of intents.entries()) {
        const id = targets[i];
        if (id === undefined || id === null) {
          deps.logger.warn({ kind: intent.kind }, 'webhook about a customer the inbox does not know: ignored');
          continue;
        }
        if (intent.kind === 'message') await deps.messages.receive(tx, id, intent.contact, intent.input);
        else if (intent.kind === 'identity') await applyIdentityChange(tx, id, intent.change, deps);
        else if (!(await deps.statuses.apply(tx, id, intent.status))) early.push(intent.status);
      }
    },
  );
  for (const status of early) deps.statuses.rememberEarly(status);
}
