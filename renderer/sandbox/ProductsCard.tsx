import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ShopProductsResponseSchema, type ShopProduct } from '../../shared/protocol/catalog.js';
import type { PhoneDetail } from '../../shared/protocol/sandbox.js';
import { formatMoney } from '../../shared/money.js';
import { IconBag } from './icons';
import classes from './phone.module.css';

type ProductsDetail = Extract<PhoneDetail, { kind: 'products' }>;

const price = (product: ShopProduct, locale: string): string => formatMoney(product.price, locale);

/**
 * A native product or product-list message as WhatsApp shows it: WhatsApp fills in picture, name and
 * price from the shop's Meta catalog; the sandbox reads them from the relay's public shop instead.
 * A retailer id the catalog does not know shows as itself.
 */
export function ProductsCard({ detail }: { detail: ProductsDetail }) {
  const { t, i18n } = useTranslation();
  const skus = detail.sections.flatMap((section) => section.retailerIds);
  const key = skus.join('\n');
  const [found, setFound] = useState<ReadonlyMap<string, ShopProduct>>(new Map());

  useEffect(() => {
    let current = true;
    const ids = key.split('\n').filter(Boolean);
    if (ids.length === 0) return;
    const query = ids.map((sku) => `sku=${encodeURIComponent(sku)}`).join('&');
    fetch(`/shop/products.json?${query}`)
      .then(async (response) => ShopProductsResponseSchema.parse(await response.json()))
      .then(
        ({ products }) => {
          if (current) setFound(new Map(products.map((p) => [p.sku, p])));
        },
        () => undefined,
      );
    return () => {
      current = false;
    };
  }, [key]);

  const single = skus.length === 1 ? found.get(skus[0] ?? '') : undefined;
  if (single) {
    return (
      <span className={classes.productCard}>
        {single.imageUrl ? <img className={classes.photo} src={single.imageUrl} alt={single.name} /> : null}
        <strong>{single.name}</strong>
        <span className={classes.productLine}>{price(single, i18n.language)}</span>
      </span>
    );
  }
  return (
    <span className={classes.products}>
      <IconBag size={20} />
      <span>
        <strong>{t('chat.products')}</strong>
        {detail.sections.map((section, index) => (
          <span key={section.title ?? index} className={classes.productSection}>
            {section.title && section.title !== detail.header ? (
              <span className={classes.productLine}>{section.title}</span>
            ) : null}
            {section.retailerIds.map((sku) => {
              const product = found.get(sku);
              return (
                <span key={sku} className={classes.productItem}>
                  {product?.imageUrl ? <img src={product.imageUrl} alt="" width={36} height={36} /> : null}
                  <span>
                    {product ? product.name : sku}
                    {product ? <span className={classes.productLine}> · {price(product, i18n.language)}</span> : null}
                  </span>
                </span>
              );
            })}
          </span>
        ))}
      </span>
    </span>
  );
}
