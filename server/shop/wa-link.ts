import type { Product } from '../../shared/domain/catalog.js';
import type { WaId } from '../../shared/phone.js';
import { SKU_MARKERS, shopStrings } from './shop-strings.js';

/*
 * Click-to-chat links (reference §4): `https://wa.me/<number>?text=<urlencoded>`, the number in
 * digits with country code and no +. The text is an editable draft in the customer's WhatsApp;
 * nothing is sent until they send it.
 */

export function orderText(product: Pick<Product, 'name' | 'sku'>, locale: string): string {
  return shopStrings(locale).orderText(product.name, product.sku);
}

export function orderOnWhatsAppUrl(shopNumber: WaId, product: Pick<Product, 'name' | 'sku'>, locale: string): string {
  return `https://wa.me/${shopNumber}?text=${encodeURIComponent(orderText(product, locale))}`;
}

const MARKER = new RegExp(
  `\\((?:${SKU_MARKERS.map((m) => m.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\s*`,
  'giu',
);

/**
 * The product a customer's message orders through a shop link, if any: the SKU after one of the
 * markers, up to a closing parenthesis. The customer may have edited the text around it; a SKU that
 * itself holds ")" is found by trying each closing parenthesis in turn against the catalog.
 */
export function findOrderedProduct<P extends Pick<Product, 'sku'>>(
  text: string,
  findBySku: (sku: string) => P | undefined,
): P | null {
  for (const match of text.matchAll(MARKER)) {
    const rest = text.slice(match.index + match[0].length, match.index + match[0].length + 101);
    for (let close = rest.indexOf(')'); close !== -1; close = rest.indexOf(')', close + 1)) {
      const product = findBySku(rest.slice(0, close).trim());
      if (product) return product;
    }
  }
  return null;
}
