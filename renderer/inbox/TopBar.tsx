import { Avatar, Button, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { selectMe } from '../accounts/accounts-state';
import type { Session } from '../app/session-storage';
import { useT } from '../i18n/use-t';
import { IconLogout, IconMessage, IconShoppingBag, IconTag } from '../ui/icons';
import { ConnectionIndicator } from './ConnectionIndicator';
import { MentionsMenu } from '../mentions/MentionsMenu';
import { OutboxIndicator } from '../outbox/OutboxIndicator';
import { CannedRepliesManager } from '../canned-replies/CannedRepliesManager';
import { useState } from 'react';
import { useInbox } from './inbox-context';
import { LabelManager } from '../labels/LabelManager';
import { PresenceControl } from '../workflow/PresenceControl';
import classes from './TopBar.module.css';

interface Props {
  session: Session;
  onSignOut: () => void;
  /** The way between the inbox and the other screens (the orders view). */
  screens?: ReactNode;
  /** Supervisors: the catalog's management screen. */
  onOpenProducts?: () => void;
}

export function TopBar({ session, onSignOut, screens, onOpenProducts }: Props) {
  const t = useT();
  // The snapshot's copy of me is fresher than the one from sign-in (a renamed account).
  const me = useInbox(selectMe) ?? session.agent;
  const [labelsOpen, setLabelsOpen] = useState(false);
  const [managingReplies, setManagingReplies] = useState(false);
  return (
    <header className={classes.bar}>
      <Group gap={8} wrap="nowrap">
        <span className={classes.logo} aria-hidden>
          <IconMessage size={16} strokeWidth={2.4} />
        </span>
        <Text fw={700} size="md" className={classes.brand}>
          {t('app.name')}
        </Text>
      </Group>
      {screens}
      <ConnectionIndicator />
      <OutboxIndicator />
      <Group gap="sm" wrap="nowrap" ml="auto">
        {me.role === 'supervisor' ? (
          <>
            <Button
              variant="subtle"
              color="gray"
              size="compact-sm"
              onClick={() => {
                setManagingReplies(true);
              }}
            >
              {t('canned.manage')}
            </Button>
            <CannedRepliesManager
              opened={managingReplies}
              onClose={() => {
                setManagingReplies(false);
              }}
            />
          </>
        ) : null}
        <MentionsMenu />
        {me.role === 'supervisor' ? (
          <Button
            variant="subtle"
            color="gray"
            size="compact-sm"
            leftSection={<IconTag size={16} />}
            onClick={() => setLabelsOpen(true)}
          >
            {t('labels.manage')}
          </Button>
        ) : null}
        <LabelManager opened={labelsOpen} onClose={() => setLabelsOpen(false)} />
        <PresenceControl />
        {me.role === 'supervisor' && onOpenProducts ? (
          <Button
            variant="subtle"
            color="gray"
            size="compact-sm"
            leftSection={<IconShoppingBag size={16} />}
            onClick={onOpenProducts}
          >
            {t('products.nav')}
          </Button>
        ) : null}
        <Group gap={8} wrap="nowrap" className={classes.account}>
          <Avatar name={me.name} color="initials" size={28} aria-hidden />
          <div className={classes.who}>
            <Text size="sm" fw={600} lh={1.2} truncate>
              {me.name}
            </Text>
            <Text size="xs" c="dimmed" lh={1.2}>
              {t(me.role === 'supervisor' ? 'account.roleSupervisor' : 'account.roleAgent')}
            </Text>
          </div>
        </Group>
        <Button
          variant="subtle"
          color="gray"
          size="compact-sm"
          leftSection={<IconLogout size={16} />}
          onClick={onSignOut}
          classNames={{ section: classes.signOutIcon }}
        >
          <span className={classes.signOutLabel}>{t('account.signOut')}</span>
        </Button>
      </Group>
    </header>
  );
}
