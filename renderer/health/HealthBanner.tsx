import { Alert, List, Text } from '@mantine/core';
import { useState } from 'react';
import { useInbox } from '../inbox/inbox-context';
import { useT } from '../i18n/use-t';
import { IconLock } from '../ui/icons';
import classes from './HealthBanner.module.css';
import { selectQuarantined, selectSendingPaused } from './health-state';

/**
 * What everyone must know of the relay itself: sending is paused while it cannot store anything;
 * and, for supervisors, that data files could not be read and were set aside (the rest works).
 */
export function HealthBanner() {
  const t = useT();
  const paused = useInbox(selectSendingPaused);
  const quarantined = useInbox(selectQuarantined);
  const [dismissed, setDismissed] = useState(0);
  const showFiles = quarantined.length > dismissed;
  if (!paused && !showFiles) return null;
  return (
    <div className={classes.banners}>
      {paused ? (
        <Alert color="red" variant="filled" icon={<IconLock size={18} />} role="alert" title={t('health.pausedTitle')}>
          {t('health.paused')}
        </Alert>
      ) : null}
      {showFiles ? (
        <Alert
          color="yellow"
          role="status"
          title={t('health.quarantinedTitle', { count: quarantined.length })}
          withCloseButton
          closeButtonLabel={t('health.dismiss')}
          onClose={() => {
            setDismissed(quarantined.length);
          }}
        >
          <Text size="sm">{t('health.quarantined')}</Text>
          <List size="xs" mt={4}>
            {quarantined.slice(0, 5).map((file) => (
              <List.Item key={file.movedTo}>
                <code>{file.file}</code> — {file.reason}
              </List.Item>
            ))}
          </List>
        </Alert>
      ) : null}
    </div>
  );
}
