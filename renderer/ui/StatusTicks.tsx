import { useT } from '../i18n/use-t';
import type { MessageStatus } from '../../shared/domain/message.js';
import { IconAlert, IconCheck, IconChecks, IconClock } from './icons';

/** The delivery state of an outbound message, as an icon with an accessible label. */
export function StatusTicks({ status, size = 16 }: { status: MessageStatus; size?: number }) {
  const t = useT();
  switch (status) {
    case 'pending':
      return <IconClock size={size - 2} label={t('ticks.pending')} style={{ color: 'var(--mantine-color-gray-6)' }} />;
    case 'sent':
      return <IconCheck size={size} label={t('ticks.sent')} style={{ color: 'var(--mantine-color-gray-6)' }} />;
    case 'delivered':
      return <IconChecks size={size} label={t('ticks.delivered')} style={{ color: 'var(--mantine-color-gray-6)' }} />;
    case 'read':
      return <IconChecks size={size} label={t('ticks.read')} style={{ color: 'var(--mantine-color-blue-6)' }} />;
    case 'failed':
      return <IconAlert size={size} label={t('ticks.failed')} style={{ color: 'var(--mantine-color-red-7)' }} />;
    case 'received':
      return null;
  }
}
