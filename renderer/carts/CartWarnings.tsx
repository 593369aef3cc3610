import { Alert } from '@mantine/core';
import type { OrderItemWarning } from '../../shared/domain/cart-from-order.js';
import { formatMoney } from '../../shared/money.js';
import { userLocale } from '../i18n';
import { useT, type Translate } from '../i18n/use-t';
import { IconAlert } from '../ui/icons';
import classes from './Cart.module.css';

function describe(warning: OrderItemWarning, t: Translate): string {
  const locale = userLocale();
  switch (warning.kind) {
    case 'unknown':
    case 'too_many_items':
      return t(`cart.warning.${warning.kind}`, { sku: warning.sku });
    case 'archived':
    case 'out_of_stock':
      return t(`cart.warning.${warning.kind}`, { name: warning.name });
    case 'currency_mismatch':
      return t('cart.warning.currency_mismatch', { name: warning.name, currency: warning.currency });
    case 'insufficient_stock':
      return t('cart.warning.insufficient_stock', { ...warning });
    case 'quantity_limited':
      return t('cart.warning.quantity_limited', { name: warning.name, quantity: warning.quantity });
    case 'price_changed':
      return t('cart.warning.price_changed', {
        name: warning.name,
        saw: formatMoney(warning.customerSaw, locale),
        price: formatMoney(warning.catalogPrice, locale),
      });
  }
}

/** What the agent should look at in the customer's own WhatsApp order. */
export function CartWarnings({ warnings }: { warnings: readonly OrderItemWarning[] }) {
  const t = useT();
  if (warnings.length === 0) return null;
  return (
    <Alert variant="light" color="orange" icon={<IconAlert size={18} />} title={t('cart.fromOrder')} p="xs">
      <ul className={classes.warnings}>
        {warnings.map((warning) => (
          <li key={`${warning.kind}-${warning.sku}`}>{describe(warning, t)}</li>
        ))}
      </ul>
    </Alert>
  );
}
