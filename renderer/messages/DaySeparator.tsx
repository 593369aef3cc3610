import { memo } from 'react';
import { useT } from '../i18n/use-t';
import { userLocale } from '../i18n';
import { dayLabel } from '../i18n/format';
import classes from './MessageList.module.css';

export const DaySeparator = memo(function DaySeparator({ iso, now }: { iso: string; now: number }) {
  const t = useT();
  const label = dayLabel(iso, userLocale(), now);
  const text =
    label.kind === 'date' ? label.text : t(label.kind === 'today' ? 'conversation.today' : 'conversation.yesterday');
  return (
    <div className={classes.day} role="separator" aria-label={text}>
      <span>{text}</span>
    </div>
  );
});
