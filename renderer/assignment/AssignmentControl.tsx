import { Button, Group, NativeSelect, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useT } from '../i18n/use-t';
import type { ConversationSummary } from '../../shared/domain/conversation.js';
import { selectAgents, selectAgentsById, selectMe } from '../accounts/accounts-state';
import { describeError } from '../app/describe-error';
import { useInbox, useRelayLink } from '../inbox/inbox-context';
import { IconUser } from '../ui/icons';
import { assign } from './assignment-commands';

const UNASSIGNED = '';

/**
 * Who answers this customer. Supervisors pick anyone; an agent claims an unassigned chat or
 * hands back their own. The relay decides; this only offers what the role may do.
 */
export function AssignmentControl({ conversation }: { conversation: ConversationSummary }) {
  const t = useT();
  const link = useRelayLink();
  const me = useInbox(selectMe);
  const agents = useInbox(selectAgents);
  const agentsById = useInbox(selectAgentsById);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (error === null) return;
    const timer = setTimeout(() => {
      setError(null);
    }, 8000);
    return () => {
      clearTimeout(timer);
    };
  }, [error]);
  if (!me) return null;

  const assigneeId = conversation.assigneeId;
  async function change(agentId: string | null) {
    setBusy(true);
    setError(null);
    try {
      await assign(link, conversation.id, agentId);
    } catch (failure) {
      setError(t('assign.failed', { message: describeError(failure, t) }));
    } finally {
      setBusy(false);
    }
  }

  let control;
  if (me.role === 'supervisor') {
    const options = [
      { value: UNASSIGNED, label: t('assign.unassigned') },
      ...agents.map((agent) => ({
        value: agent.id,
        label: agent.id === me.id ? t('assign.meSuffix', { name: agent.name }) : agent.name,
      })),
    ];
    control = (
      <NativeSelect
        aria-label={t('assign.label')}
        size="xs"
        w={{ base: 150, sm: 200 }}
        leftSection={<IconUser size={14} />}
        data={options}
        value={assigneeId ?? UNASSIGNED}
        disabled={busy}
        onChange={(event) => void change(event.currentTarget.value === UNASSIGNED ? null : event.currentTarget.value)}
      />
    );
  } else if (assigneeId === null) {
    control = (
      <Button size="xs" onClick={() => void change(me.id)} loading={busy}>
        {t('assign.claim')}
      </Button>
    );
  } else if (assigneeId === me.id) {
    control = (
      <Button size="xs" variant="default" onClick={() => void change(null)} loading={busy}>
        {t('assign.handBack')}
      </Button>
    );
  } else {
    control = (
      <Text size="xs" c="dimmed">
        {t('inbox.assignedTo', { name: agentsById.get(assigneeId)?.name ?? t('inbox.unknownAgent') })}
      </Text>
    );
  }

  return (
    <Group gap="xs" wrap="nowrap">
      {error ? (
        <Text size="xs" c="red.8" role="alert" maw={240} lineClamp={2}>
          {error}
        </Text>
      ) : null}
      {control}
    </Group>
  );
}
