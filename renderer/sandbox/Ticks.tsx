import { useTranslation } from 'react-i18next';
import type { PhoneMessageStatus } from '../../shared/protocol/sandbox.js';
import { IconAlert, IconCheck, IconChecks, IconClock } from './icons';
import classes from './phone.module.css';

/** A message's ticks, named for screen readers and tests ("Sent", "Read", …). */
export function Ticks({ status }: { status: PhoneMessageStatus }) {
  const { t } = useTranslation();
  const label = t(`ticks.${status}`);
  switch (status) {
    case 'pending':
      return <IconClock size={14} label={label} className={classes.tickMuted} />;
    case 'sent':
      return <IconCheck size={16} label={label} className={classes.tickMuted} />;
    case 'delivered':
      return <IconChecks size={16} label={label} className={classes.tickMuted} />;
    case 'read':
      return <IconChecks size={16} label={label} className={classes.tickRead} />;
    case 'failed':
      return <IconAlert size={15} label={label} className={classes.tickFailed} />;
  }
}
