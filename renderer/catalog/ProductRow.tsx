import { Button, Checkbox } from '@mantine/core';
import { memo, type ReactNode } from 'react';
import { formatMoney } from '../../shared/money.js';
import type { ProductView } from '../../shared/protocol/catalog.js';
import { userLocale } from '../i18n';
import { useT } from '../i18n/use-t';
import { IconSend } from '../ui/icons';
import classes from './Catalog.module.css';
import { ProductThumb } from './ProductThumb';
import { stockText } from './product-text';

interface Props {
  product: ProductView;
  /** Sends this product alone; the button is "Send <product name>". */
  onSend: (product: ProductView) => void;
  sending?: boolean;
  /** Selection for a list of several (the checkbox is "Select <product name>"). */
  selected?: boolean;
  onSelect?: (product: ProductView, selected: boolean) => void;
  /** More buttons for this product, from other features (the cart's "Add <product name> to cart"). */
  actions?: ReactNode;
}

/** One product in the catalog panel: picture, name, price, stock, and what can be done with it. */
export const ProductRow = memo(function ProductRow({ product, onSend, sending, selected, onSelect, actions }: Props) {
  const t = useT();
  return (
    <li className={classes.row}>
      {onSelect ? (
        <Checkbox
          className={classes.check}
          checked={selected ?? false}
          onChange={(event) => {
            onSelect(product, event.currentTarget.checked);
          }}
          aria-label={t('catalog.select', { name: product.name })}
        />
      ) : null}
      <ProductThumb url={product.imageUrl} />
      <div className={classes.rowText}>
        <span className={classes.rowName}>{product.name}</span>
        <span className={classes.rowMeta}>
          <span className={classes.price}>{formatMoney(product.price, userLocale())}</span>
          <span aria-hidden>·</span>
          <span>{stockText(product, t)}</span>
        </span>
        <span className={classes.sku}>{product.sku}</span>
        <div className={classes.rowActions}>
          <Button
            size="compact-xs"
            variant="light"
            leftSection={<IconSend size={14} />}
            loading={sending ?? false}
            onClick={() => {
              onSend(product);
            }}
            aria-label={t('catalog.send', { name: product.name })}
          >
            {t('catalog.sendShort')}
          </Button>
          {actions}
        </div>
      </div>
    </li>
  );
});
