import type { Message } from '../../shared/domain/message.js';

/*
 * What the Graph API is sent for an outbound message (reference §2.1): the message's type-specific
 * part of the body, without the envelope (`messaging_product`, the recipient). A message carries all
 * it needs, so a send resumed after a restart builds the same body.
 */

export type OutboundBody = { type: string } & Record<string, unknown>;

/** The longest product_list section title WhatsApp takes. */
const SECTION_TITLE_MAX = 24;

/** Cut at a grapheme boundary, so an emoji or accented letter is never split. */
function truncate(text: string, max: number): string {
  let out = '';
  for (const { segment } of new Intl.Segmenter().segment(text)) {
    if (out.length + segment.length > max) break;
    out += segment;
  }
  return out;
}

export function outboundBody(message: Pick<Message, 'type' | 'text' | 'content'>): OutboundBody {
  const content = message.content;
  if (content?.kind === 'products') {
    const body = message.text.trim() === '' ? {} : { body: { text: message.text } };
    switch (content.format) {
      case 'product':
        return {
          type: 'interactive',
          interactive: {
            type: 'product',
            ...body,
            action: { catalog_id: content.catalogId, product_retailer_id: content.items[0]?.sku },
          },
        };
      case 'product_list': {
        const header = content.header ?? '';
        return {
          type: 'interactive',
          interactive: {
            type: 'product_list',
            header: { type: 'text', text: header },
            body: { text: message.text },
            action: {
              catalog_id: content.catalogId,
              sections: [
                {
                  title: truncate(header, SECTION_TITLE_MAX),
                  product_items: content.items.map((item) => ({ product_retailer_id: item.sku })),
                },
              ],
            },
          },
        };
      }
      case 'image':
        return { type: 'image', image: { link: content.imageLink, caption: message.text } };
      case 'text':
        return { type: 'text', text: { body: message.text, preview_url: true } };
    }
  }
  return { type: 'text', text: { body: message.text, preview_url: true } };
}
