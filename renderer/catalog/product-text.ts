import { availabilityOf } from '../../shared/domain/catalog.js';
import type { ProductView } from '../../shared/protocol/catalog.js';
import type { Translate } from '../i18n/use-t';

/** What the panel says about stock: the count when tracked, else the shop's stated availability. */
export function stockText(product: Pick<ProductView, 'stock' | 'availability'>, t: Translate): string {
  const availability = availabilityOf(product);
  if (availability === 'in_stock') {
    return product.stock === null ? t('catalog.untracked') : t('catalog.inStock', { count: product.stock });
  }
  if (availability === 'out_of_stock') return t('catalog.outOfStock');
  return t(availability === 'preorder' ? 'catalog.preorder' : 'catalog.availableForOrder');
}
