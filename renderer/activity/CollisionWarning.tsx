import { Alert } from '@mantine/core';
import { userLocale } from '../i18n';
import { formatNames } from '../i18n/format';
import { useT } from '../i18n/use-t';
import { IconAlert } from '../ui/icons';

/**
 * Said before the agent sends, once they start typing: a colleague is typing in this chat, or the
 * chat is assigned to someone else (then sending asks for a confirmation too).
 */
export function CollisionWarning({ typing, assigneeName }: { typing: readonly string[]; assigneeName: string | null }) {
  const t = useT();
  if (typing.length === 0 && assigneeName === null) return null;
  return (
    <Alert variant="light" color="orange" icon={<IconAlert size={18} />} p="xs" role="alert">
      {typing.length > 0
        ? t('activity.collisionTyping', { count: typing.length, names: formatNames(typing, userLocale()) })
        : null}
      {typing.length > 0 && assigneeName !== null ? ' ' : null}
      {assigneeName !== null ? t('activity.collisionAssigned', { name: assigneeName }) : null}
    </Alert>
  );
}
