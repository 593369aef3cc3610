import { ActionIcon, Menu } from '@mantine/core';
import { useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { Agent } from '../../shared/domain/agent.js';
import type { ConversationSummary } from '../../shared/domain/conversation.js';
import type { Translate } from '../i18n/use-t';
import { useRelayLink } from '../inbox/inbox-context';
import { IconDots } from '../ui/icons';
import { assign } from './assignment-commands';

interface Props {
  conversation: ConversationSummary;
  /** The list's, like `agents` and `t`: a row mounts on every message, and reads nothing itself. */
  me: Agent | null;
  agents: readonly Agent[];
  t: Translate;
}

/**
 * Reassigning from the list, beside a row: supervisors pick anyone, agents claim or hand back.
 * Agents' presence shows in the menu, so a supervisor does not hand a chat to someone who is away.
 *
 * A row mounts on every message that moves its conversation, and Mantine's Menu (a Popover with
 * its floating position, transition and two renders of its own after mounting) costs more than the
 * rest of the row. So the row starts with the button alone; the first click mounts the menu, moves
 * the focus to its button and opens it; from then on the menu is Mantine's as it always was.
 */
export function RowAssignMenu({ conversation, me, agents, t }: Props) {
  const link = useRelayLink();
  const [busy, setBusy] = useState(false);
  const [armed, setArmed] = useState(false);
  const [opened, setOpened] = useState(false);
  const target = useRef<HTMLButtonElement>(null);
  const arm = () => {
    // The menu is mounted closed first and then opened, so it notes its (new) button as the one
    // to give the focus back to, as it does when it was there from the start.
    flushSync(() => {
      setArmed(true);
    });
    target.current?.focus({ preventScroll: true });
    setOpened(true);
  };
  if (!me) return null;
  const { assigneeId } = conversation;
  if (me.role !== 'supervisor' && assigneeId !== null && assigneeId !== me.id) return null;

  const button = (
    <ActionIcon
      ref={target}
      variant="subtle"
      color="gray"
      size="sm"
      aria-label={t('assign.rowMenu')}
      // Unarmed, never busy: without `loading` the button has no loader Transition to mount.
      loading={armed ? busy : undefined}
      {...(armed ? {} : { 'aria-haspopup': 'menu' as const, 'aria-expanded': false, onClick: arm })}
    >
      <IconDots size={16} />
    </ActionIcon>
  );
  if (!armed) return button;

  const to = (agentId: string | null) => {
    setBusy(true);
    assign(link, conversation.id, agentId)
      .catch(() => undefined) // the row shows the relay's truth either way
      .finally(() => setBusy(false));
  };
  const choices =
    me.role === 'supervisor' ? agents.filter((a) => a.active && a.id !== assigneeId) : assigneeId === null ? [me] : [];
  return (
    <Menu position="bottom-end" withinPortal opened={opened} onChange={setOpened}>
      <Menu.Target>{button}</Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('assign.label')}</Menu.Label>
        {choices.map((agent) => (
          <Menu.Item key={agent.id} onClick={() => to(agent.id)}>
            {agent.id === me.id && me.role !== 'supervisor'
              ? t('assign.claim')
              : agent.id === me.id
                ? t('assign.meSuffix', { name: agent.name })
                : `${agent.name} · ${t(`presence.${agent.presence}`)}`}
          </Menu.Item>
        ))}
        {assigneeId !== null ? (
          <Menu.Item onClick={() => to(null)}>
            {assigneeId === me.id && me.role !== 'supervisor' ? t('assign.handBack') : t('assign.unassigned')}
          </Menu.Item>
        ) : null}
      </Menu.Dropdown>
    </Menu>
  );
}
