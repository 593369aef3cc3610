import { randomUUID } from 'node:crypto';
import { formatWaId } from '../../shared/phone.js';
import type { Contact } from '../../shared/domain/conversation.js';
import type { NewMessage } from '../../shared/domain/message.js';
import type { DomainEvents } from '../domain-events.js';
import type { StoreTransaction } from '../storage/conversation-store.js';

/** A customer's ids changed on WhatsApp (a `system` message): what changed, and when it was said. */
export interface IdentityChange {
  event: 'contact_number_changed' | 'contact_user_id_changed';
  /** The new phone number (number change) or null. */
  waId: string | null;
  /** The new business-scoped user id, when WhatsApp gave one. */
  userId: string | null;
  waMessageId: string;
  sentAt: number;
}

/** What we know of a customer, with what a new message says of them added (never forgotten). */
export function mergeContact(known: Contact, seen: Contact): Contact {
  return {
    waId: seen.waId ?? known.waId,
    userId: seen.userId ?? known.userId,
    username: seen.username ?? known.username,
    name: seen.name || known.name,
  };
}

/**
 * Applies a change of the customer's ids: the contact is updated, the conversation (and its history)
 * kept, and a system line says what changed. A repeated webhook changes nothing (its wamid is stored).
 */
export async function applyIdentityChange(
  tx: StoreTransaction,
  id: string,
  change: IdentityChange,
  deps: { events: DomainEvents; now: () => number },
): Promise<void> {
  const before = tx.get(id).contact;
  const after: Contact =
    change.event === 'contact_number_changed'
      ? { ...before, waId: change.waId ?? before.waId, userId: change.userId ?? before.userId }
      : { ...before, userId: change.userId ?? before.userId };
  const [from, to, text] =
    change.event === 'contact_number_changed'
      ? [
          before.waId,
          after.waId,
          `${before.name} changed their number${before.waId ? ` from ${formatWaId(before.waId)}` : ''}${after.waId ? ` to ${formatWaId(after.waId)}` : ''}`,
        ]
      : [before.userId, after.userId, `${before.name} has a new WhatsApp user id`];
  const at = new Date(change.sentAt).toISOString();
  const draft: NewMessage = {
    id: randomUUID(),
    conversationId: id,
    direction: 'in',
    type: 'system',
    text,
    status: 'received',
    waMessageId: change.waMessageId,
    authorId: null,
    createdAt: at,
    updatedAt: new Date(deps.now()).toISOString(),
    content: { kind: 'system', event: change.event, from, to },
  };
  const appended = await tx.appendMessage(id, draft, (c) => ({ ...c, contact: after }), { activity: false });
  if (!appended.created) return;
  tx.afterCommit(() => {
    deps.events.publish({ type: 'message.created', conversation: appended.conversation, message: appended.message });
  });
}
