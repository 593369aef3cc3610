import type { MessageContent } from '../../shared/domain/message.js';
import { MessageTypeSchema } from '../../shared/domain/message.js';
import { decimalToMoney } from '../../shared/money.js';
import type { InboundMessageInput } from '../messages/message-service.js';
import type { InboundMessage } from './webhook-payload.js';

export type InboundContent = Pick<InboundMessageInput, 'type' | 'text' | 'content'>;

const mediaTypes = ['image', 'video', 'audio', 'document', 'sticker'] as const;

function unsupported(reason: string, text = ''): InboundContent {
  return { type: 'unsupported', text, content: { kind: 'unsupported', reason } };
}

/**
 * Turns a Cloud API message into what the inbox stores. A type the relay does not know, or a known
 * type whose object is missing, is kept as `unsupported` with the reason: never dropped.
 */
export function toInboundContent(message: InboundMessage): InboundContent {
  const { type } = message;
  if (type === 'text') {
    return message.text ? { type, text: message.text.body } : unsupported('text message without a body');
  }
  for (const media of mediaTypes) {
    if (type !== media) continue;
    const object = message[media];
    if (!object) return unsupported(`${media} message without its ${media} object`);
    const content: MessageContent = { kind: 'media', mediaId: object.id };
    if (object.mime_type !== undefined) content.mimeType = object.mime_type;
    if (object.filename !== undefined) content.filename = object.filename;
    if (object.voice !== undefined) content.voice = object.voice;
    return { type: media, text: object.caption ?? '', content };
  }
  if (type === 'location' && message.location) {
    const { latitude, longitude, name, address } = message.location;
    const content: MessageContent = { kind: 'location', latitude, longitude };
    if (name !== undefined) content.name = name;
    if (address !== undefined) content.address = address;
    return { type, text: [name, address].filter(Boolean).join(', '), content };
  }
  if (type === 'reaction' && message.reaction) {
    const emoji = message.reaction.emoji ?? null;
    return {
      type,
      text: emoji ?? '',
      content: { kind: 'reaction', emoji, targetWaMessageId: message.reaction.message_id },
    };
  }
  if (type === 'order' && message.order) {
    const items = message.order.product_items.map((item) => ({
      productRetailerId: item.product_retailer_id,
      quantity: item.quantity,
      unitPrice: decimalToMoney(item.item_price, item.currency),
    }));
    return {
      type,
      text: message.order.text ?? '',
      content: { kind: 'order', catalogId: message.order.catalog_id, items },
    };
  }
  if (type === 'interactive' && message.interactive) {
    const reply = message.interactive.button_reply ?? message.interactive.list_reply;
    return { type, text: reply?.title ?? '' };
  }
  if (type === 'button' && message.button) return { type, text: message.button.text };
  if (type === 'contacts' && message.contacts) {
    return {
      type,
      text: message.contacts
        .map((c) => c.name?.formatted_name ?? '')
        .filter(Boolean)
        .join(', '),
    };
  }
  const known = MessageTypeSchema.safeParse(type);
  const error = message.errors?.[0];
  if (type === 'unsupported' || !known.success) {
    const reason = error ? `(${error.code}) ${error.title ?? error.message ?? ''}`.trim() : `WhatsApp type "${type}"`;
    return unsupported(reason);
  }
  return unsupported(`${type} message without its ${type} object`);
}
