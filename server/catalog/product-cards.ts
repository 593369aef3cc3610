import type { Product } from '../../shared/domain/catalog.js';
import type { ProductCardItem } from '../../shared/domain/message.js';
import { formatMoney } from '../../shared/money.js';
import { MAX_TEXT_LENGTH } from '../../shared/protocol/messages.js';
import { AppError } from '../kit/app-error.js';
import type { OutboundInput } from '../messages/message-service.js';
import { productPath } from '../shop/shop-pages.js';
import { imageVariantPath } from './image-variants.js';

/*
 * Products as a message to the customer. With the Meta catalog linked to the number
 * (WHATSAPP_CATALOG_ID) they go out as WhatsApp's own cards: `product` for one, `product_list` for
 * several (one section, at most 30). Without it: one product is an image with a caption (name,
 * price, its page in the hosted shop), several a text with a line and a link for each; a product
 * with no image is such a text too. The message keeps each product as it was when sent.
 */

export const MAX_CARD_PRODUCTS = 30;
const CAPTION_MAX = 1024;

export interface CardContext {
  catalogId: string | null;
  /** The relay's public base URL: the shop's pages and the images WhatsApp fetches. */
  publicUrl: string;
  locale: string;
}

const EN = { header: 'Products for you', body: 'Have a look at these' };
const WORDS: Record<string, { header: string; body: string }> = {
  en: EN,
  nl: { header: 'Producten voor jou', body: 'Bekijk ze hier' },
  fr: { header: 'Produits pour vous', body: 'Découvrez-les ici' },
};
const wordsOf = (locale: string) => WORDS[locale.split('-')[0]?.toLowerCase() ?? ''] ?? EN;

/** The image WhatsApp is sent for a product: JPEG for uploads (WhatsApp takes only JPEG and PNG). */
function sendableImage(product: Product, publicUrl: string): string | null {
  const image = product.images[0];
  if (!image) return null;
  return image.source === 'url' ? image.url : `${publicUrl}${imageVariantPath(image.id, 'large')}`;
}

export function itemOf(product: Product, context: CardContext): ProductCardItem {
  const image = product.images[0];
  const imageUrl =
    image === undefined
      ? null
      : image.source === 'url'
        ? image.url
        : `${context.publicUrl}${imageVariantPath(image.id, 'card')}`;
  return {
    productId: product.id,
    sku: product.sku,
    name: product.name,
    price: product.price,
    imageUrl,
    url: `${context.publicUrl}${productPath(product.sku)}`,
  };
}

export function productCardMessage(products: readonly Product[], note: string, context: CardContext): OutboundInput {
  const items = products.map((p) => itemOf(p, context));
  const words = wordsOf(context.locale);
  const first = products[0];
  if (!first || products.length > MAX_CARD_PRODUCTS) {
    throw new AppError('BAD_REQUEST', `Send from 1 to ${MAX_CARD_PRODUCTS} products at once`);
  }
  const { catalogId } = context;
  if (catalogId !== null) {
    if (products.length === 1) {
      return { type: 'interactive', text: note, content: { kind: 'products', format: 'product', catalogId, items } };
    }
    return {
      type: 'interactive',
      text: note || words.body,
      content: { kind: 'products', format: 'product_list', catalogId, header: words.header, items },
    };
  }
  const line = (item: ProductCardItem) => `${item.name}: ${formatMoney(item.price, context.locale)}\n${item.url}`;
  const image = products.length === 1 ? sendableImage(first, context.publicUrl) : null;
  if (image !== null && items[0]) {
    const caption = [note, line(items[0])].filter(Boolean).join('\n\n');
    if (caption.length <= CAPTION_MAX) {
      return {
        type: 'image',
        text: caption,
        content: { kind: 'products', format: 'image', catalogId: null, imageLink: image, items },
      };
    }
  }
  const text = [note || (products.length > 1 ? words.header : ''), ...items.map(line)].filter(Boolean).join('\n\n');
  if (text.length > MAX_TEXT_LENGTH) {
    throw new AppError('BAD_REQUEST', 'These products do not fit in one WhatsApp message: send fewer at once');
  }
  return { type: 'text', text, content: { kind: 'products', format: 'text', catalogId: null, items } };
}
