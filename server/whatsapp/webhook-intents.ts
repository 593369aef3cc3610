import type { Logger } from 'pino';
import type { Contact } from '../../shared/domain/conversation.js';
import type { IdentityChange } from '../conversations/contact-changes.js';
import { AppError } from '../kit/app-error.js';
import type { InboundMessageInput } from '../messages/message-service.js';
import type { StatusInput } from '../messages/status-tracker.js';
import type { ContactIdentity } from '../storage/conversation-store.js';
import { toInboundContent } from './inbound-message.js';
import type { ChangeValue, InboundMessage, WebhookContact } from './webhook-payload.js';

/*
 * A validated `messages` change, as what it asks of the inbox: customers' messages, changes of a
 * customer's ids, and statuses of messages sent. What can be repaired without losing a customer's
 * words is repaired here (a timestamp out of range becomes the time of receipt, with a warning);
 * what cannot (a message from nobody) refuses the whole delivery.
 */

export type WebhookIntent =
  | { kind: 'message'; contact: Contact; input: InboundMessageInput }
  | { kind: 'identity'; from: ContactIdentity; change: IdentityChange }
  | { kind: 'status'; status: StatusInput };

const STATUS_OF = { sent: 'sent', delivered: 'delivered', read: 'read', failed: 'failed' } as const;

/** WhatsApp (and its message ids) did not exist before 2009; a clock may run a little ahead of ours. */
const EARLIEST_MS = Date.UTC(2009, 0, 1);
const CLOCK_SLACK_MS = 5 * 60_000;

/** The message's time, or the time of receipt when the one given cannot be right. */
function sentAtOf(message: InboundMessage, receivedAt: number, logger: Logger): number {
  const ms = Number(message.timestamp) * 1000;
  if (Number.isSafeInteger(ms) && ms >= EARLIEST_MS && ms <= receivedAt + CLOCK_SLACK_MS) return ms;
  logger.warn(
    { waMessageId: message.id, timestamp: message.timestamp },
    'webhook timestamp out of range: the time of receipt is used',
  );
  return receivedAt;
}

/** The `contacts[]` entry of a message: by phone, else by BSUID, else the only one (reference §1.7). */
function contactEntryOf(message: InboundMessage, contacts: WebhookContact[]): WebhookContact | undefined {
  return (
    contacts.find((c) => message.from !== undefined && c.wa_id === message.from) ??
    contacts.find((c) => message.from_user_id !== undefined && c.user_id === message.from_user_id) ??
    (contacts.length === 1 ? contacts[0] : undefined)
  );
}

function contactOf(message: InboundMessage, entry: WebhookContact | undefined): Contact {
  const waId = message.from ?? entry?.wa_id ?? null;
  const userId = message.from_user_id ?? entry?.user_id ?? null;
  if (waId === null && userId === null) {
    throw new AppError('BAD_REQUEST', `Message ${message.id} has neither a phone number nor a business-scoped user id`);
  }
  const username = entry?.profile?.username ?? null;
  const name = entry?.profile?.name?.trim() || username || (waId === null ? (userId ?? '') : `+${waId}`);
  return { waId, userId, username, name };
}

function identityChangeOf(message: InboundMessage, sentAt: number): IdentityChange | null {
  const system = message.system;
  if (system?.type === 'user_changed_number') {
    return {
      event: 'contact_number_changed',
      waId: system.wa_id ?? null,
      userId: system.user_id ?? null,
      waMessageId: message.id,
      sentAt,
    };
  }
  if (system?.type === 'user_changed_user_id') {
    if (!system.user_id) throw new AppError('BAD_REQUEST', `System message ${message.id} names no new user id`);
    return { event: 'contact_user_id_changed', waId: null, userId: system.user_id, waMessageId: message.id, sentAt };
  }
  return null;
}

export function intentsOf(value: ChangeValue, receivedAt: number, logger: Logger): WebhookIntent[] {
  const intents: WebhookIntent[] = [];
  for (const message of value.messages ?? []) {
    const sentAt = sentAtOf(message, receivedAt, logger);
    const change = message.type === 'system' ? identityChangeOf(message, sentAt) : null;
    if (change) {
      // System messages carry no contacts array: the sender is who the ids belonged to before.
      const from = { waId: message.from ?? null, userId: message.from_user_id ?? null };
      if (from.waId === null && from.userId === null) {
        throw new AppError('BAD_REQUEST', `System message ${message.id} does not say whose ids changed`);
      }
      intents.push({ kind: 'identity', from, change });
      continue;
    }
    const contact = contactOf(message, contactEntryOf(message, value.contacts ?? []));
    intents.push({
      kind: 'message',
      contact,
      input: { ...toInboundContent(message), waMessageId: message.id, sentAt },
    });
  }
  for (const status of value.statuses ?? []) {
    const mapped = status.status in STATUS_OF ? STATUS_OF[status.status as keyof typeof STATUS_OF] : undefined;
    if (!mapped) continue;
    const recipient = { waId: status.recipient_id ?? null, userId: status.recipient_user_id ?? null };
    if (recipient.waId === null && recipient.userId === null) {
      throw new AppError('BAD_REQUEST', `Status of ${status.id} names no recipient`);
    }
    const error = status.errors?.[0];
    intents.push({
      kind: 'status',
      status: {
        waMessageId: status.id,
        recipient,
        status: mapped,
        ...(error ? { error: { code: error.code, message: describeError(error) } } : {}),
      },
    });
  }
  return intents;
}

function describeError(error: {
  code: number;
  title?: string;
  message?: string;
  error_data?: { details?: string };
}): string {
  const text = error.message ?? error.title ?? 'Not delivered';
  return error.error_data?.details ? `${text}: ${error.error_data.details}` : text;
}
