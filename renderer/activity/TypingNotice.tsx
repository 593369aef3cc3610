import { userLocale } from '../i18n';
import { formatNames } from '../i18n/format';
import { useT } from '../i18n/use-t';
import classes from './Activity.module.css';

/** "Anna is typing…" above the composer; the line keeps its height so the composer does not jump. */
export function TypingNotice({ typing }: { typing: readonly string[] }) {
  const t = useT();
  return (
    <div className={classes.typing} role="status" aria-live="polite">
      {typing.length > 0
        ? t('activity.typing', { count: typing.length, names: formatNames(typing, userLocale()) })
        : null}
    </div>
  );
}
