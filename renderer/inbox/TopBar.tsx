import { Avatar, Button, Group, Text, Tooltip } from '@mantine/core';
import type { ReactNode } from 'react';
import { selectMe } from '../accounts/accounts-state';
import type { Session } from '../app/session-storage';
import { useT } from '../i18n/use-t';
import { IconBolt, IconLogout, IconMessage, IconShoppingBag, IconTag } from '../ui/icons';
import { ConnectionIndicator } from './ConnectionIndicator';
import { MentionsMenu } from '../mentions/MentionsMenu';
import { OutboxIndicator } from '../outbox/OutboxIndicator';
import { CannedRepliesManager } from '../canned-replies/CannedRepliesManager';
import { useState } from 'react';
import { useInbox } from './inbox-context';
import { LabelManager } from '../labels/LabelManager';
import { PresenceControl } from '../workflow/PresenceControl';
import { ResponsiveLabel, SMALL_DESKTOP_WIDTH, useNarrowerThan } from '../ui/ResponsiveLabel';
import classes from './TopBar.module.css';

interface Props {
  session: Session;
  onSignOut: () => void;
  /** The way between the inbox and the other screens (the orders view). */
  screens?: ReactNode;
  /** Supervisors: the catalog's management screen. */
  onOpenProducts?: () => void;
}

/** A button of the bar: icon and name, or the icon alone with the name as its tooltip on a smaller window. */
function BarButton({ icon, label, onClick }: { icon: ReactNode; label: string; onClick: () => void }) {
  const compact = useNarrowerThan(SMALL_DESKTOP_WIDTH);
  return (
    <Tooltip label={label} disabled={!compact} withArrow>
      <Button
        variant="subtle"
        color="gray"
        size="compact-sm"
        leftSection={icon}
        onClick={onClick}
        classNames={{ section: compact ? classes.iconOnly : undefined }}
      >
        <ResponsiveLabel hideBelow={SMALL_DESKTOP_WIDTH}>{label}</ResponsiveLabel>
      </Button>
    </Tooltip>
  );
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
            <BarButton
              icon={<IconBolt size={16} />}
              label={t('canned.manage')}
              onClick={() => {
                setManagingReplies(true);
              }}
            />
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
          <BarButton icon={<IconTag size={16} />} label={t('labels.manage')} onClick={() => setLabelsOpen(true)} />
        ) : null}
        <LabelManager opened={labelsOpen} onClose={() => setLabelsOpen(false)} />
        <PresenceControl />
        {me.role === 'supervisor' && onOpenProducts ? (
          <BarButton icon={<IconShoppingBag size={16} />} label={t('products.nav')} onClick={onOpenProducts} />
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
        <BarButton icon={<IconLogout size={16} />} label={t('account.signOut')} onClick={onSignOut} />
      </Group>
    </header>
  );
}
