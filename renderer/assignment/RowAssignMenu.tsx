import { ActionIcon, Menu } from '@mantine/core';
import { useState } from 'react';
import type { ConversationSummary } from '../../shared/domain/conversation.js';
import { selectAgents, selectMe } from '../accounts/accounts-state';
import { useT } from '../i18n/use-t';
import { useInbox, useRelayLink } from '../inbox/inbox-context';
import { IconDots } from '../ui/icons';
import { assign } from './assignment-commands';

/**
 * Reassigning from the list, beside a row: supervisors pick anyone, agents claim or hand back.
 * Agents' presence shows in the menu, so a supervisor does not hand a chat to someone who is away.
 */
export function RowAssignMenu({ conversation }: { conversation: ConversationSummary }) {
  const t = useT();
  const link = useRelayLink();
  const me = useInbox(selectMe);
  const agents = useInbox(selectAgents);
  const [busy, setBusy] = useState(false);
  if (!me) return null;
  const { assigneeId } = conversation;
  if (me.role !== 'supervisor' && assigneeId !== null && assigneeId !== me.id) return null;

  const to = (agentId: string | null) => {
    setBusy(true);
    assign(link, conversation.id, agentId)
      .catch(() => undefined) // the row shows the relay's truth either way
      .finally(() => setBusy(false));
  };
  const choices =
    me.role === 'supervisor' ? agents.filter((a) => a.active && a.id !== assigneeId) : assigneeId === null ? [me] : [];
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" size="sm" aria-label={t('assign.rowMenu')} loading={busy}>
          <IconDots size={16} />
        </ActionIcon>
      </Menu.Target>
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
