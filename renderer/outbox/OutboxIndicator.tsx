import { Badge } from '@mantine/core';
import { useT } from '../i18n/use-t';
import { useInbox } from '../inbox/inbox-context';
import { IconClock } from '../ui/icons';
import { selectOutboxCount } from './outbox-state';

/** "2 messages waiting to send": replies kept in the outbox until the relay has them. */
export function OutboxIndicator() {
  const t = useT();
  const count = useInbox(selectOutboxCount);
  if (count === 0) return null;
  return (
    <Badge variant="light" color="orange" leftSection={<IconClock size={12} />} role="status" tt="none">
      {t('outbox.waiting', { count })}
    </Badge>
  );
}
