import { Anchor } from '@mantine/core';
import type { ReactNode } from 'react';
import type { MessageContent, ProductCardItem } from '../../shared/domain/message.js';
import { formatMoney } from '../../shared/money.js';
import { userLocale } from '../i18n';
import { useT } from '../i18n/use-t';
import classes from './Catalog.module.css';
import { ProductThumb } from './ProductThumb';

type ProductsContent = Extract<MessageContent, { kind: 'products' }>;

/** Extra buttons per product from other features (the cart's "Add <product name> to cart"). */
type ItemActions = ((item: ProductCardItem) => ReactNode) | undefined;

function Item({ item, actions }: { item: ProductCardItem; actions: ItemActions }) {
  return (
    <li className={classes.cardItem}>
      <ProductThumb url={item.imageUrl} size={40} />
      <span className={classes.rowText}>
        <span className={classes.rowName}>{item.name}</span>
        <span className={classes.price}>{formatMoney(item.price, userLocale())}</span>
      </span>
      {actions?.(item)}
    </li>
  );
}

/**
 * Products the shop sent, as the customer sees them: WhatsApp's product card or list, or the image
 * with its caption (or the text with links) when no Meta catalog is linked.
 */
export function ProductCard({
  text,
  content,
  actions,
}: {
  text: string;
  content: ProductsContent;
  actions?: ItemActions;
}) {
  const t = useT();
  const [first] = content.items;
  if (content.format === 'image' && first) {
    return (
      <span className={classes.card}>
        {content.imageLink ? (
          <img className={classes.cardImage} src={first.imageUrl ?? content.imageLink} alt={first.name} />
        ) : null}
        <span style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{text}</span>
        {actions?.(first)}
      </span>
    );
  }
  const kind =
    content.format === 'product'
      ? t('catalog.cardNative')
      : content.format === 'product_list'
        ? t('catalog.cardList', { count: content.items.length })
        : null;
  return (
    <span className={classes.card}>
      {kind ? <span className={classes.cardKind}>{kind}</span> : null}
      {content.format === 'product' && first?.imageUrl ? (
        <img className={classes.cardImage} src={first.imageUrl} alt={first.name} />
      ) : null}
      {content.header ? <strong>{content.header}</strong> : null}
      <ul className={classes.cardItems}>
        {content.items.map((item) => (
          <Item key={item.productId} item={item} actions={actions} />
        ))}
      </ul>
      {content.format === 'text' || text.trim() === '' ? null : <span style={{ whiteSpace: 'pre-wrap' }}>{text}</span>}
      {content.format === 'text' && first ? (
        <Anchor href={first.url} target="_blank" rel="noopener noreferrer" size="xs">
          {t('catalog.cardShopLink')}
        </Anchor>
      ) : null}
    </span>
  );
}

/** The system line "Asked about <product>", with the product's picture and price. */
export function ProductMention({ product }: { product: ProductCardItem }) {
  const t = useT();
  return (
    <span className={classes.mention}>
      <ProductThumb url={product.imageUrl} size={32} />
      <span>
        {t('catalog.askedAbout', { name: product.name })} · {formatMoney(product.price, userLocale())}
      </span>
    </span>
  );
}
