import type { MessageContent } from '../../shared/domain/message.js';
import { useInbox } from '../inbox/inbox-context';
import classes from '../messages/MessageBubble.module.css';
import { OrderStatus } from './OrderStatus';

type LinkContent = Extract<MessageContent, { kind: 'cta_url' }>;

/** A `cta_url` message as the customer sees it (text, one link button), with its order's live status. */
export function PaymentLinkCard({ content, text }: { content: LinkContent; text: string }) {
  const order = useInbox((s) => (content.orderId ? s.orders.byId.get(content.orderId) : undefined));
  return (
    <span className={classes.order}>
      <span className={classes.text}>{text}</span>
      <a href={content.url} target="_blank" rel="noopener noreferrer" className={classes.orderTitle}>
        {content.displayText} ↗
      </a>
      {order ? <OrderStatus order={order} /> : null}
    </span>
  );
}
