/*
 * The Cloud API webhook envelope (reference §1.2–1.4), built exactly as Meta sends it:
 * object → entry[{id: WABA id, changes[{field:'messages', value}]}], ids and timestamps as strings.
 * The one builder of it: the sandbox sends these, and the tests and the benchmark post them too
 * (with message objects of their own making, hence the generic message and status types).
 */

export interface BusinessNumber {
  wabaId: string;
  displayPhoneNumber: string;
  phoneNumberId: string;
}

/** What every inbound message object (`value.messages[]`) has; the object named after `type` comes beside it. */
export interface WireMessageBase {
  from: string;
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
  recipient_id: string;
}

export interface WireStatus extends WireStatusBase {
  status: 'sent' | 'delivered' | 'read' | 'failed';
  biz_opaque_callback_data?: string;
  pricing?: { billable: boolean; pricing_model: 'PMP'; type: string; category: string };
  errors?: WireStatusError[];
}

export interface WireContact {
  profile: { name: string };
  wa_id: string;
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

/** One customer's message: Meta sends one per webhook, with the customer's profile beside it. */
export function messageWebhook<M extends WireMessageBase = WireInboundMessage>(
  business: BusinessNumber,
  contact: { name: string; waId: string },
  message: M,
): WebhookPayload<M> {
  return envelope(business, {
    contacts: [{ profile: { name: contact.name }, wa_id: contact.waId }],
    messages: [message],
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
