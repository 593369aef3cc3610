import { userLocale } from '../i18n';
import { formatNames } from '../i18n/format';
import { useT } from '../i18n/use-t';
import { IconEye } from '../ui/icons';
import classes from './Activity.module.css';
import { useOthersInConversation } from './use-others';

/** "Anna is viewing", in the conversation header, while a colleague has this chat open. */
export function ViewingNotice({ conversationId }: { conversationId: string }) {
  const t = useT();
  const { viewing } = useOthersInConversation(conversationId);
  if (viewing.length === 0) return null;
  return (
    <span className={classes.viewing} role="status">
      <IconEye size={14} aria-hidden />
      {t('activity.viewing', { count: viewing.length, names: formatNames(viewing, userLocale()) })}
    </span>
  );
}
