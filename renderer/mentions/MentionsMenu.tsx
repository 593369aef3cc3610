import { ActionIcon, Indicator, Menu, Text } from '@mantine/core';
import { selectAgentsById } from '../accounts/accounts-state';
import { userLocale } from '../i18n';
import { formatListTime } from '../i18n/format';
import { useT } from '../i18n/use-t';
import { useInbox, useRelayLink } from '../inbox/inbox-context';
import { IconBell } from '../ui/icons';
import { useNow } from '../ui/use-now';
import { dismissMentions } from './mentions-commands';
import { selectMentions } from './mentions-state';
import classes from './MentionsMenu.module.css';
import { useLoadMentions } from './use-mentions';

/** The bell in the top bar: who mentioned you where; a click opens that conversation. */
export function MentionsMenu() {
  const t = useT();
  const link = useRelayLink();
  const mentions = useInbox(selectMentions);
  const agentsById = useInbox(selectAgentsById);
  useLoadMentions();
  const now = useNow();
  return (
    <Menu position="bottom-end" width={340} shadow="md" withinPortal>
      <Menu.Target>
        <Indicator label={mentions.length} size={16} color="red" disabled={mentions.length === 0} offset={4}>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            aria-label={`${t('mentions.button')}${mentions.length > 0 ? ` (${mentions.length})` : ''}`}
          >
            <IconBell size={18} />
          </ActionIcon>
        </Indicator>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('mentions.title')}</Menu.Label>
        {mentions.length === 0 ? (
          <Text size="sm" c="dimmed" px="sm" py="xs">
            {t('mentions.empty')}
          </Text>
        ) : null}
        {mentions.slice(0, 20).map((mention) => (
          <Menu.Item
            key={mention.id}
            onClick={() => {
              window.location.hash = `#/c/${encodeURIComponent(mention.conversationId)}`;
              dismissMentions(link, [mention.id]).catch(() => undefined);
            }}
          >
            <div className={classes.item}>
              <Text size="sm" fw={600} lh={1.3}>
                {t('mentions.item', {
                  author: agentsById.get(mention.authorId)?.name ?? t('inbox.unknownAgent'),
                  customer: mention.customerName,
                })}
              </Text>
              <Text size="xs" c="dimmed" lineClamp={2}>
                {mention.text}
              </Text>
              <Text size="xs" c="dimmed">
                {formatListTime(mention.createdAt, userLocale(), now)}
              </Text>
            </div>
          </Menu.Item>
        ))}
        {mentions.length > 0 ? (
          <>
            <Menu.Divider />
            <Menu.Item
              onClick={() => {
                dismissMentions(
                  link,
                  mentions.map((m) => m.id),
                ).catch(() => undefined);
              }}
            >
              {t('mentions.dismissAll')}
            </Menu.Item>
          </>
        ) : null}
      </Menu.Dropdown>
    </Menu>
  );
}
