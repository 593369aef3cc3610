import { useT } from '../i18n/use-t';
import type { MessageContent } from '../../shared/domain/message.js';
import { formatMoney } from '../../shared/money.js';
import { userLocale } from '../i18n';
import { IconShoppingBag } from '../ui/icons';
import classes from './MessageBubble.module.css';

type OrderContent = Extract<MessageContent, { kind: 'order' }>;

/** A WhatsApp `order`: the items the customer put in their cart, priced in minor units. */
export function OrderCard({ content, note }: { content: OrderContent; note: string }) {
  const t = useT();
  const locale = userLocale();
  const currencies = new Set(content.items.map((item) => item.unitPrice.currency));
  const [currency] = currencies;
  const total =
    currencies.size === 1 && currency
      ? {
          amount: content.items.reduce((sum, item) => sum + item.unitPrice.amount * item.quantity, 0),
          currency,
        }
      : null;
  return (
    <span className={classes.order}>
      <span className={classes.orderTitle}>
        <IconShoppingBag size={18} />
        {t('conversation.orderTitle')}
      </span>
      <span className={classes.orderItems}>
        {content.items.map((item, index) => (
          <span key={`${item.productRetailerId}-${index}`} className={classes.orderLine}>
            <span className={classes.orderProduct}>
              {t('conversation.orderLine', { quantity: item.quantity, product: item.productRetailerId })}
              <span className={classes.orderEach}>
                {t('conversation.orderEach', { price: formatMoney(item.unitPrice, locale) })}
              </span>
            </span>
            <span className={classes.orderPrice}>
              {formatMoney(
                { amount: item.unitPrice.amount * item.quantity, currency: item.unitPrice.currency },
                locale,
              )}
            </span>
          </span>
        ))}
      </span>
      {total ? (
        <span className={`${classes.orderLine} ${classes.orderTotal}`}>
          <span>{t('conversation.orderTotal')}</span>
          <span className={classes.orderPrice}>{formatMoney(total, locale)}</span>
        </span>
      ) : null}
      {note ? <span className={classes.text}>{note}</span> : null}
    </span>
  );
}
