import { Modal } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ShopProductsResponseSchema, type ShopProduct } from '../../shared/protocol/catalog.js';
import type { CustomerMessageInput, PhoneDetail } from '../../shared/protocol/sandbox.js';
import { formatDecimal, formatMoney } from '../../shared/money.js';
import { IconBag } from './icons';
import classes from './phone.module.css';

type Products = Extract<PhoneDetail, { kind: 'products' }>;

/**
 * Looks the list's products up as WhatsApp would in the shop's Meta catalog: here the relay's public
 * shop (as ProductsCard does). Retailer ids it does not know are left out.
 */
function useCatalog(retailerIds: readonly string[], open: boolean): ShopProduct[] | null {
  const [items, setItems] = useState<ShopProduct[] | null>(null);
  const key = retailerIds.join('\n');
  useEffect(() => {
    if (!open) return;
    let cancelled = false;
    const query = key
      .split('\n')
      .filter(Boolean)
      .map((sku) => `sku=${encodeURIComponent(sku)}`)
      .join('&');
    fetch(`/shop/products.json?${query}`)
      .then(async (response) => ShopProductsResponseSchema.parse(await response.json()).products)
      .then((products) => {
        if (!cancelled) setItems(products);
      })
      .catch(() => {
        if (!cancelled) setItems([]);
      });
    return () => {
      cancelled = true;
    };
  }, [key, open]);
  return items;
}

/**
 * WhatsApp's product list as a customer uses it: open it, pick quantities, send the cart to the
 * shop. What goes out is a real `order` message (a signed webhook), priced as the catalog says.
 */
export function ProductCart({
  detail,
  onSend,
}: {
  detail: Products;
  onSend: (input: CustomerMessageInput) => Promise<boolean>;
}) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const [quantities, setQuantities] = useState<ReadonlyMap<string, number>>(new Map());
  const retailerIds = detail.sections.flatMap((section) => section.retailerIds);
  const items = useCatalog(retailerIds, open);
  const chosen = (items ?? []).filter((item) => (quantities.get(item.sku) ?? 0) > 0);
  const count = chosen.reduce((sum, item) => sum + (quantities.get(item.sku) ?? 0), 0);

  const change = (retailerId: string, delta: number) => {
    setQuantities((current) => {
      const next = new Map(current);
      next.set(retailerId, Math.max(0, Math.min(99, (current.get(retailerId) ?? 0) + delta)));
      return next;
    });
  };
  const send = () => {
    setOpen(false);
    void onSend({
      type: 'order',
      order: {
        catalogId: detail.catalogId ?? 'sandbox-catalog',
        items: chosen.map((item) => ({
          productRetailerId: item.sku,
          quantity: quantities.get(item.sku) ?? 1,
          // WhatsApp sends the price as a decimal number, as Meta's catalog has it.
          itemPrice: Number(formatDecimal(item.price)),
          currency: item.price.currency,
        })),
      },
    });
    setQuantities(new Map());
  };

  return (
    <>
      <button type="button" className={classes.action} onClick={() => setOpen(true)}>
        <IconBag size={18} /> {t('cart.view')}
      </button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('cart.title')} centered radius="lg">
        {items === null ? <p>{t('cart.loading')}</p> : null}
        {items?.length === 0 ? <p>{t('cart.none')}</p> : null}
        {items?.map((item) => {
          const quantity = quantities.get(item.sku) ?? 0;
          return (
            <div key={item.sku} className={classes.cartRow}>
              <span className={classes.cartName}>
                {item.name}
                <span className={classes.listDescription}>{formatMoney(item.price, i18n.language)}</span>
              </span>
              <button
                type="button"
                className={classes.cartStep}
                aria-label={t('cart.less', { name: item.name })}
                disabled={quantity === 0}
                onClick={() => change(item.sku, -1)}
              >
                −
              </button>
              <span className={classes.cartQuantity} aria-label={t('cart.quantity', { name: item.name })}>
                {quantity}
              </span>
              <button
                type="button"
                className={classes.cartStep}
                aria-label={t('cart.more', { name: item.name })}
                onClick={() => change(item.sku, 1)}
              >
                +
              </button>
            </div>
          );
        })}
        <button type="button" className={classes.cartSend} disabled={count === 0} onClick={send}>
          {t('cart.send', { count })}
        </button>
      </Modal>
    </>
  );
}
