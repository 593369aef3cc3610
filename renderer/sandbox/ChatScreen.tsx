import { ActionIcon, CloseButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Customer, SamplePhoto } from '../../shared/protocol/sandbox.js';
import { Composer } from './Composer';
import { formatNumber } from './format';
import { IconBack, IconStore } from './icons';
import { MessageList } from './MessageList';
import type { PhoneClient } from './phone-client';
import classes from './phone.module.css';
import { useThread } from './use-thread';

interface ChatScreenProps {
  client: PhoneClient;
  customer: Customer;
  shopNumber: string | null;
  photos: SamplePhoto[];
  onBack: () => void;
}

/** The customer's chat with the shop, as WhatsApp on their phone would show it. */
export function ChatScreen({ client, customer, shopNumber, photos, onBack }: ChatScreenProps) {
  const { t } = useTranslation();
  const thread = useThread(client, customer);

  return (
    <div className={classes.chat}>
      <header className={classes.chatHeader}>
        <ActionIcon variant="subtle" color="gray" size="lg" radius="xl" onClick={onBack} aria-label={t('chat.back')}>
          <IconBack size={22} />
        </ActionIcon>
        <span className={classes.shopAvatar} aria-hidden>
          <IconStore size={20} />
        </span>
        <div className={classes.chatTitle}>
          <span className={classes.shopName}>{t('chat.shop')}</span>
          <span className={classes.shopStatus} aria-live="polite">
            {thread.typing ? t('chat.typing') : shopNumber ? formatNumber(shopNumber) : t('chat.business')}
          </span>
        </div>
      </header>
      {!thread.connected && (
        <div className={classes.offline} role="status">
          {t('chat.offline')}
        </div>
      )}
      <MessageList messages={thread.messages} onSend={thread.send} />
      {thread.error && (
        <div className={classes.sendError} role="alert">
          <span>{t('chat.sendFailed', { reason: thread.error })}</span>
          <CloseButton size="sm" onClick={thread.dismissError} aria-label="Dismiss" />
        </div>
      )}
      <Composer photos={photos} disabled={!thread.connected} onSend={thread.send} />
    </div>
  );
}
