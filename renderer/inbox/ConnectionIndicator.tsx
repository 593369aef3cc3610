import { Text, Tooltip } from '@mantine/core';
import { useT } from '../i18n/use-t';
import { PHONE_WIDTH, ResponsiveLabel } from '../ui/ResponsiveLabel';
import classes from './ConnectionIndicator.module.css';
import { useInbox } from './inbox-context';
import { selectConnection } from './sync-state';

/** A quiet dot and word: green when live, amber while (re)connecting. */
export function ConnectionIndicator() {
  const t = useT();
  const connection = useInbox(selectConnection);
  const label = t(`connection.${connection}`);
  const hint = t(connection === 'connected' ? 'connection.connectedHint' : 'connection.reconnectingHint');
  return (
    <Tooltip label={hint} multiline w={260} withArrow>
      <div className={classes.indicator} data-state={connection} role="status" aria-live="polite">
        <span className={classes.dot} aria-hidden />
        <Text size="xs" c="dimmed" component="span">
          {connection === 'connected' ? <ResponsiveLabel hideBelow={PHONE_WIDTH}>{label}</ResponsiveLabel> : label}
        </Text>
      </div>
    </Tooltip>
  );
}
