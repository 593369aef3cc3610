import type { CustomerMessageInput, PhoneDetail, PhoneMessage } from '../../shared/protocol/sandbox.js';
import { AppError } from '../kit/app-error.js';
import { newWamid } from './ids.js';
import type { MediaStore } from './media.js';
import type { Thread } from './threads.js';
import { unixSeconds, type WireInboundMessage } from './webhook-payloads.js';

/*
 * Turns what the customer does on the phone into the inbound message object of a Cloud API
 * webhook (reference §1.3) and the bubble the phone shows. A reference to a message that is not
 * in the thread is refused before anything is sent.
 */

export interface CustomerMessageContext {
  thread: Thread;
  media: MediaStore;
  businessNumber: string;
  now: number;
}

export interface BuiltCustomerMessage {
  phone: PhoneMessage;
  wire: WireInboundMessage;
}

function findMessage(thread: Thread, id: string): PhoneMessage {
  const message = thread.messages.find((m) => m.id === id);
  if (!message) throw new AppError('NOT_FOUND', `No message ${id} in this chat`);
  return message;
}

export function buildCustomerMessage(
  input: CustomerMessageInput,
  context: CustomerMessageContext,
): BuiltCustomerMessage {
  const { thread, now } = context;
  const waId = thread.customer.waId;
  const id = newWamid(waId);
  const base = { from: waId, id, timestamp: unixSeconds(now) };
  const phone = (text: string, detail?: PhoneDetail, contextId?: string): PhoneMessage => ({
    id,
    from: 'customer',
    type: input.type,
    text,
    ...(detail ? { detail } : {}),
    ...(contextId === undefined ? {} : { contextId }),
    status: 'pending',
    timestamp: new Date(now).toISOString(),
  });
  /** Who wrote the quoted message, as `context.from` says it. */
  const quote = (quoted: PhoneMessage) => ({
    from: quoted.from === 'shop' ? context.businessNumber : waId,
    id: quoted.id,
  });

  switch (input.type) {
    case 'text': {
      const quoted = input.contextId === undefined ? undefined : findMessage(thread, input.contextId);
      return {
        phone: phone(input.text, undefined, quoted?.id),
        wire: { ...base, type: 'text', ...(quoted ? { context: quote(quoted) } : {}), text: { body: input.text } },
      };
    }
    case 'image': {
      const media = context.media.issueFor(input.image.mediaId);
      if (!media) throw new AppError('NOT_FOUND', `No sample photo with media id ${input.image.mediaId ?? ''}`);
      const caption = input.image.caption?.trim() ? input.image.caption : undefined;
      return {
        phone: phone(caption ?? '', { kind: 'media', mediaType: 'image', mediaId: media.id, mimeType: media.mimeType }),
        wire: {
          ...base,
          type: 'image',
          image: { ...(caption ? { caption } : {}), mime_type: media.mimeType, sha256: media.sha256, id: media.id },
        },
      };
    }
    case 'location': {
      const { latitude, longitude, name, address } = input.location;
      return {
        phone: phone(name ?? '', { kind: 'location', latitude, longitude, name, address }),
        wire: { ...base, type: 'location', location: { latitude, longitude, name, address } },
      };
    }
    case 'reaction': {
      const target = findMessage(thread, input.reaction.messageId);
      if (target.from !== 'shop') throw new AppError('BAD_REQUEST', 'A customer reacts to messages of the shop');
      const emoji = input.reaction.emoji;
      return {
        phone: phone(emoji ?? '', { kind: 'reaction', targetId: target.id, emoji }),
        wire: { ...base, type: 'reaction', reaction: { message_id: target.id, ...(emoji === null ? {} : { emoji }) } },
      };
    }
    case 'interactive': {
      const target = findMessage(thread, input.reply.messageId);
      const options =
        target.detail?.kind === 'buttons'
          ? target.detail.buttons
          : target.detail?.kind === 'list'
            ? target.detail.sections.flatMap((s) => s.rows)
            : [];
      const option = options.find((o) => o.id === input.reply.optionId);
      if (!option)
        throw new AppError('BAD_REQUEST', `Message ${target.id} has no reply option ${input.reply.optionId}`);
      const replyType = target.detail?.kind === 'list' ? 'list_reply' : 'button_reply';
      const interactive: WireInboundMessage['interactive'] =
        replyType === 'list_reply'
          ? { type: 'list_reply', list_reply: option }
          : { type: 'button_reply', button_reply: { id: option.id, title: option.title } };
      return {
        phone: phone(option.title, { kind: 'reply', replyType, option }, target.id),
        wire: { ...base, type: 'interactive', context: quote(target), interactive },
      };
    }
    case 'order': {
      const { catalogId, text, items } = input.order;
      return {
        phone: phone(text ?? '', { kind: 'order', catalogId, items }),
        wire: {
          ...base,
          type: 'order',
          order: {
            catalog_id: catalogId,
            ...(text === undefined ? {} : { text }),
            product_items: items.map((item) => ({
              product_retailer_id: item.productRetailerId,
              quantity: item.quantity,
              item_price: item.itemPrice,
              currency: item.currency,
            })),
          },
        },
      };
    }
  }
}
