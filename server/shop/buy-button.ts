import type { Product } from '../../shared/domain/catalog.js';
import { markup } from './html.js';
import type { ShopContext } from './shop-pages.js';
import { shopStrings } from './shop-strings.js';
import { orderOnWhatsAppUrl } from './wa-link.js';

/*
 * The "Order on WhatsApp" button a shop pastes into its own website: one self-contained link with
 * inline styles (it cannot count on any stylesheet there), opening WhatsApp with the same prefilled
 * text as the hosted shop, so the inbox recognises the product either way. Dark text on WhatsApp
 * green: white on that green is below WCAG AA contrast.
 */

const STYLE = [
  'display:inline-block',
  'padding:12px 20px',
  'border-radius:999px',
  'background:#25d366',
  'color:#0b1f14',
  'font:600 16px/1.2 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif',
  'text-decoration:none',
].join(';');

export function buyButtonSnippet(
  product: Pick<Product, 'name' | 'sku'>,
  shop: Pick<ShopContext, 'waNumber' | 'locale'>,
): string {
  const strings = shopStrings(shop.locale);
  const href = orderOnWhatsAppUrl(shop.waNumber, product, shop.locale);
  const label = strings.orderLabel(product.name);
  return markup`<a href="${href}" target="_blank" rel="noopener" style="${STYLE}" aria-label="${label}">${strings.orderOnWhatsApp}</a>`
    .value;
}
