import type { Message } from '../../shared/domain/message.js';
import { productsBody } from './product-bodies.js';

/*
 * What a stored outbound message becomes on the Cloud API (reference §2.1): the `type` and that
 * type's object of `POST /{phone-number-id}/messages`. A message with no special content is a text.
 */

export type OutboundBody = { type: string } & Record<string, unknown>;

export function outboundBody(message: Pick<Message, 'text' | 'content'>): OutboundBody {
  const { content } = message;
  switch (content?.kind) {
    case 'cta_url':
      return {
        type: 'interactive',
        interactive: {
          type: 'cta_url',
          body: { text: message.text },
          action: { name: 'cta_url', parameters: { display_text: content.displayText, url: content.url } },
        },
      };
    case 'products':
      return productsBody(message.text, content);
    default:
      return { type: 'text', text: { body: message.text, preview_url: true } };
  }
}
