/*
 * The Cloud API webhook envelope (reference §1.2–1.4), built exactly as Meta sends it:
 * object → entry[{id: WABA id, changes[{field:'messages', value}]}], ids and timestamps as strings.
 */

export interface BusinessNumber {
  wabaId: string;
  displayPhoneNumber: string;
  phoneNumberId: string;
}

/** An inbound message object (`value.messages[]`): common keys plus one object named after `type`. */
export interface WireInboundMessage {
  from: string;
  id: string;
  timestamp: string;
  type: string;
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

export interface WireStatus {
  id: string;
  status: 'sent' | 'delivered' | 'read' | 'failed';
  timestamp: string;
  recipient_id: string;
  biz_opaque_callback_data?: string;
  pricing?: { billable: boolean; pricing_model: 'PMP'; type: string; category: string };
  errors?: WireStatusError[];
}

export interface WebhookValue {
  messaging_product: 'whatsapp';
  metadata: { display_phone_number: string; phone_number_id: string };
  contacts?: { profile: { name: string }; wa_id: string }[];
  messages?: WireInboundMessage[];
  statuses?: WireStatus[];
}

export interface WebhookPayload {
  object: 'whatsapp_business_account';
  entry: { id: string; changes: { field: 'messages'; value: WebhookValue }[] }[];
}

function envelope(
  business: BusinessNumber,
  value: Omit<WebhookValue, 'messaging_product' | 'metadata'>,
): WebhookPayload {
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

export function messageWebhook(
  business: BusinessNumber,
  contact: { name: string; waId: string },
  message: WireInboundMessage,
): WebhookPayload {
  return envelope(business, {
    contacts: [{ profile: { name: contact.name }, wa_id: contact.waId }],
    messages: [message],
  });
}

/** One status per webhook: Meta never combines statuses of different messages. */
export function statusWebhook(business: BusinessNumber, status: WireStatus): WebhookPayload {
  return envelope(business, { statuses: [status] });
}

/** Unix seconds as a string, as every webhook timestamp is. */
export function unixSeconds(ms: number): string {
  return Math.floor(ms / 1000).toString();
}
