import type { MessageContent } from '../../shared/domain/message.js';
import type { OutboundBody } from './outbound.js';

/*
 * Product cards on the Cloud API (reference §2.1): `product`, `product_list` (one section), or an
 * image with a caption / a text with links when no Meta catalog is linked (product-cards.ts decides).
 * The message carries all it needs, so a send resumed after a restart builds the same body.
 */

type ProductsContent = Extract<MessageContent, { kind: 'products' }>;

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

export function productsBody(text: string, content: ProductsContent): OutboundBody {
  const body = text.trim() === '' ? {} : { body: { text } };
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
          body: { text },
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
      return { type: 'image', image: { link: content.imageLink, caption: text } };
    case 'text':
      return { type: 'text', text: { body: text, preview_url: true } };
  }
}
