/*
 * The Cloud API webhook envelope (reference §1.2–1.4), built exactly as Meta sends it:
 * object → entry[{id: WABA id, changes[{field:'messages', value}]}], ids and timestamps as strings.
 * The one builder of it: the sandbox sends these, and the tests and the benchmark post them too
 * (with message objects of their own making, hence the generic message and status types).
 */

import { bsuidOf } from './bsuid.js';

export interface BusinessNumber {
  wabaId: string;
  displayPhoneNumber: string;
  phoneNumberId: string;
}

/** What every inbound message object (`value.messages[]`) has; the object named after `type` comes beside it. */
export interface WireMessageBase {
  /** The customer's phone; left out for a customer who hides it behind a username. */
  from?: string;
  /** The customer's business-scoped user id. */
  from_user_id?: string;
  id: string;
  timestamp: string;
  type: string;
}

/** The inbound messages the sandbox sends: the common keys plus one object named after `type`. */
export interface WireInboundMessage extends WireMessageBase {
  context?: { from: string; id: string };
  text?: { body: string };
  image?: { caption?: string; mime_type: string; sha256: string; id: string };
  location?: { latitude: number; longitude: number; name?: string; address?: string };
  reaction?: { message_id: string; emoji?: string };
  interactive?:
    | { type: 'button_reply'; button_reply: { id: string; title: string } }
    | { type: 'list_reply'; list_reply: { id: string; title: string; description?: string } };
  order?: {
    catalog_id: string;
    text?: string;
    product_items: { product_retailer_id: string; quantity: number; item_price: number; currency: string }[];
  };
}

export interface WireStatusError {
  code: number;
  title: string;
  message: string;
  error_data: { details: string };
  href: string;
}

/** What every status object (`value.statuses[]`) has. */
export interface WireStatusBase {
  id: string;
  status: string;
  timestamp: string;
  /** Left out when the customer hides their number. */
  recipient_id?: string;
  recipient_user_id?: string;
}

export interface WireStatus extends WireStatusBase {
  status: 'sent' | 'delivered' | 'read' | 'failed';
  biz_opaque_callback_data?: string;
  pricing?: { billable: boolean; pricing_model: 'PMP'; type: string; category: string };
  errors?: WireStatusError[];
}

export interface WireContact {
  profile: { name: string; username?: string };
  /** Left out for a customer who hides their number. */
  wa_id?: string;
  user_id?: string;
}

export interface WebhookValue<M extends WireMessageBase = WireInboundMessage, S extends WireStatusBase = WireStatus> {
  messaging_product: 'whatsapp';
  metadata: { display_phone_number: string; phone_number_id: string };
  contacts?: WireContact[];
  messages?: M[];
  statuses?: S[];
}

export interface WebhookPayload<M extends WireMessageBase = WireInboundMessage, S extends WireStatusBase = WireStatus> {
  object: 'whatsapp_business_account';
  entry: { id: string; changes: { field: 'messages'; value: WebhookValue<M, S> }[] }[];
}

/** The envelope around one `messages` change value, addressed to the business. */
export function envelope<M extends WireMessageBase, S extends WireStatusBase>(
  business: BusinessNumber,
  value: Omit<WebhookValue<M, S>, 'messaging_product' | 'metadata'>,
): WebhookPayload<M, S> {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: business.wabaId,
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: business.displayPhoneNumber, phone_number_id: business.phoneNumberId },
              ...value,
            },
          },
        ],
      },
    ],
  };
}

/** Who wrote, as a webhook tells it: the phone unless hidden, the BSUID when given, the username if any. */
export interface WebhookContact {
  name: string;
  waId: string;
  userId?: string;
  username?: string;
  hidesNumber?: boolean;
}

/** A sandbox customer as the shop sees them (reference §1.7): always their BSUID, the number unless hidden. */
export function webhookContactOf(customer: {
  waId: string;
  name: string;
  username?: string | undefined;
  hidesNumber?: boolean | undefined;
}): WebhookContact {
  return {
    name: customer.name,
    waId: customer.waId,
    userId: bsuidOf(customer.waId),
    ...(customer.username === undefined ? {} : { username: customer.username }),
    ...(customer.hidesNumber === true && customer.username !== undefined ? { hidesNumber: true } : {}),
  };
}

/** One customer's message: Meta sends one per webhook, with the customer's profile beside it. */
export function messageWebhook<M extends WireMessageBase = WireInboundMessage>(
  business: BusinessNumber,
  contact: WebhookContact,
  message: M,
): WebhookPayload<M> {
  const hidden = contact.hidesNumber === true;
  const { from: _from, ...rest } = message;
  return envelope(business, {
    contacts: [
      {
        profile: { name: contact.name, ...(contact.username === undefined ? {} : { username: contact.username }) },
        ...(hidden ? {} : { wa_id: contact.waId }),
        ...(contact.userId === undefined ? {} : { user_id: contact.userId }),
      },
    ],
    messages: [
      {
        ...(hidden ? {} : { from: message.from ?? contact.waId }),
        ...(contact.userId === undefined ? {} : { from_user_id: contact.userId }),
        ...rest,
      } as M,
    ],
  });
}

/** One status per webhook: Meta never combines statuses of different messages. */
export function statusWebhook<S extends WireStatusBase = WireStatus>(
  business: BusinessNumber,
  status: S,
): WebhookPayload<WireInboundMessage, S> {
  return envelope(business, { statuses: [status] });
}

/** Unix seconds as a string, as every webhook timestamp is. */
export function unixSeconds(ms: number): string {
  return Math.floor(ms / 1000).toString();
}
