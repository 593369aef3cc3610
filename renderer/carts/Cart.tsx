import { ActionIcon, Button, Group, NumberInput, Text } from '@mantine/core';
import { useState } from 'react';
import { MAX_LINE_QUANTITY, type CartLine } from '../../shared/domain/cart.js';
import type { ConversationSummary } from '../../shared/domain/conversation.js';
import type { CartView } from '../../shared/protocol/carts.js';
import { formatMoney } from '../../shared/money.js';
import { selectAgentsById, selectMe } from '../accounts/accounts-state';
import { describeError } from '../app/describe-error';
import { useServiceWindow } from '../composer/use-service-window';
import { userLocale } from '../i18n';
import { useT } from '../i18n/use-t';
import { useInbox, useRelayLink } from '../inbox/inbox-context';
import { requestPayment } from '../orders/orders-commands';
import { IconLock, IconShoppingBag } from '../ui/icons';
import classes from './Cart.module.css';
import { sendCartSummary, setCartItem } from './carts-commands';
import { CartWarnings } from './CartWarnings';

interface Props {
  conversation: ConversationSummary;
  cart: CartView;
}

/** The conversation's cart: its lines (quantity, remove), the VAT split, the total, and what to do with it. */
export function Cart({ conversation, cart }: Props) {
  const t = useT();
  const link = useRelayLink();
  const locale = userLocale();
  const { open } = useServiceWindow(conversation);
  const me = useInbox(selectMe);
  const agentsById = useInbox(selectAgentsById);
  const [busy, setBusy] = useState<'summary' | 'payment' | null>(null);
  const [notice, setNotice] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const money = (m: CartLine['lineTotal']) => formatMoney(m, locale);

  // The relay refuses both; saying so before the click is kinder than an error after it.
  const assignedElsewhere =
    conversation.assigneeId !== null && conversation.assigneeId !== me?.id && me?.role !== 'supervisor';
  const blocked = !open
    ? t('cart.windowClosed')
    : assignedElsewhere
      ? t('cart.assignedToOther', {
          name: agentsById.get(conversation.assigneeId ?? '')?.name ?? t('inbox.unknownAgent'),
        })
      : null;

  const failed = (error: unknown) => {
    setNotice({ tone: 'error', text: t('cart.failed', { message: describeError(error, t) }) });
  };
  const setQuantity = (line: CartLine, quantity: number) => {
    setNotice(null);
    setCartItem(link, conversation.id, line.productId, quantity).catch(failed);
  };
  const run = (kind: 'summary' | 'payment', work: () => Promise<unknown>, done: string | null) => {
    setBusy(kind);
    setNotice(null);
    work()
      .then(() => {
        if (done) setNotice({ tone: 'ok', text: done });
      })
      .catch(failed)
      .finally(() => {
        setBusy(null);
      });
  };
  const count = cart.items.reduce((sum, line) => sum + line.quantity, 0);

  return (
    <section className={classes.cart} aria-label={t('cart.title')}>
      <h2 className={classes.heading}>
        <IconShoppingBag size={16} />
        {t('cart.title')}
        <Text span size="xs" c="dimmed" fw={400}>
          {t('cart.items', { count })}
        </Text>
      </h2>
      <CartWarnings warnings={cart.warnings} />
      <ul className={classes.lines}>
        {cart.items.map((line) => (
          <li key={line.productId} className={classes.line}>
            <div className={classes.lineName}>
              {line.name}
              <Text size="xs" c="dimmed">
                {t('cart.each', { price: money(line.unitPrice) })}
              </Text>
            </div>
            <NumberInput
              size="xs"
              aria-label={t('cart.quantityOf', { name: line.name })}
              value={line.quantity}
              min={1}
              max={MAX_LINE_QUANTITY}
              allowDecimal={false}
              allowNegative={false}
              clampBehavior="strict"
              onChange={(value) => {
                if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value !== line.quantity) {
                  setQuantity(line, value);
                }
              }}
            />
            <span className={classes.amount}>{money(line.lineTotal)}</span>
            <ActionIcon
              variant="subtle"
              color="gray"
              size="sm"
              aria-label={t('cart.remove', { name: line.name })}
              onClick={() => {
                setQuantity(line, 0);
              }}
            >
              ×
            </ActionIcon>
          </li>
        ))}
      </ul>
      <dl className={classes.sums}>
        {cart.vat.map((part) => (
          <div key={part.rate} style={{ display: 'contents' }}>
            <dt>{t('cart.vat', { rate: part.rate })}</dt>
            <dd>{money(part.amount)}</dd>
          </div>
        ))}
        <dt className={classes.total}>{t('cart.total')}</dt>
        <dd className={classes.total}>{money(cart.total)}</dd>
      </dl>
      {blocked ? (
        <Text size="xs" c="orange.8" role="status">
          <IconLock size={12} /> {blocked}
        </Text>
      ) : null}
      {notice ? (
        <Text size="xs" c={notice.tone === 'ok' ? 'teal.8' : 'red.8'} role={notice.tone === 'ok' ? 'status' : 'alert'}>
          {notice.text}
        </Text>
      ) : null}
      <Group gap="xs" justify="flex-end">
        <Button
          size="xs"
          variant="default"
          disabled={blocked !== null || busy !== null}
          loading={busy === 'summary'}
          onClick={() => {
            run('summary', () => sendCartSummary(link, conversation.id), t('cart.summarySent'));
          }}
        >
          {t('cart.sendSummary')}
        </Button>
        <Button
          size="xs"
          disabled={blocked !== null || busy !== null}
          loading={busy === 'payment'}
          onClick={() => {
            run('payment', () => requestPayment(link, conversation.id), t('orders.linkSent'));
          }}
        >
          {t('cart.requestPayment')}
        </Button>
      </Group>
    </section>
  );
}
