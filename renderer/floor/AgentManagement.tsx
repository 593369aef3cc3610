import { Badge, Button, Group, NativeSelect, NumberInput, PasswordInput, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Agent, AgentRole } from '../../shared/domain/agent.js';
import type { Floor } from '../../shared/protocol/floor.js';
import { describeError } from '../app/describe-error';
import { useT } from '../i18n/use-t';
import { useRelayLink } from '../inbox/inbox-context';
import { createAgentAccount, updateAgentAccount } from './floor-commands';
import classes from './Floor.module.css';

const presenceColor = { online: 'teal', away: 'yellow', offline: 'gray' } as const;

/** Each agent's status and load, and what a supervisor changes about them. */
export function AgentManagement({ floor, agents, meId }: { floor: Floor; agents: readonly Agent[]; meId: string }) {
  const t = useT();
  const link = useRelayLink();
  const [error, setError] = useState<string | null>(null);
  const [draft, setDraft] = useState({ name: '', email: '', password: '', role: 'agent' as AgentRole });
  const openChats = new Map(floor.agents.map((a) => [a.id, a.openChats]));

  const run = (work: Promise<unknown>) => {
    setError(null);
    work.catch((failure: unknown) => {
      setError(describeError(failure, t));
    });
  };

  return (
    <section className={classes.card} aria-label={t('floor.agents')}>
      <h3 className={classes.cardTitle}>{t('floor.agents')}</h3>
      <Table verticalSpacing={6} highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('floor.name')}</Table.Th>
            <Table.Th>{t('floor.status')}</Table.Th>
            <Table.Th>{t('floor.openChats')}</Table.Th>
            <Table.Th>{t('floor.role')}</Table.Th>
            <Table.Th>{t('floor.capacity')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {agents.map((agent) => (
            <Table.Tr key={agent.id} data-inactive={!agent.active || undefined}>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {agent.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {agent.email}
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color={agent.active ? presenceColor[agent.presence] : 'red'}>
                  {agent.active ? t(`floor.presence.${agent.presence}`) : t('floor.deactivated')}
                </Badge>
              </Table.Td>
              <Table.Td>
                {openChats.get(agent.id) ?? 0} / {agent.capacity}
              </Table.Td>
              <Table.Td>
                <NativeSelect
                  size="xs"
                  aria-label={t('floor.roleOf', { name: agent.name })}
                  value={agent.role}
                  disabled={agent.id === meId}
                  data={[
                    { value: 'agent', label: t('account.roleAgent') },
                    { value: 'supervisor', label: t('account.roleSupervisor') },
                  ]}
                  onChange={(event) => {
                    run(updateAgentAccount(link, agent.id, { role: event.currentTarget.value as AgentRole }));
                  }}
                />
              </Table.Td>
              <Table.Td>
                <NumberInput
                  size="xs"
                  w={80}
                  min={0}
                  max={1000}
                  aria-label={t('floor.capacityOf', { name: agent.name })}
                  defaultValue={agent.capacity}
                  onBlur={(event) => {
                    const capacity = Number(event.currentTarget.value);
                    if (Number.isInteger(capacity) && capacity !== agent.capacity)
                      run(updateAgentAccount(link, agent.id, { capacity }));
                  }}
                />
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    onClick={() => {
                      const password = window.prompt(t('floor.newPasswordFor', { name: agent.name }));
                      if (password) run(updateAgentAccount(link, agent.id, { password }));
                    }}
                  >
                    {t('floor.resetPassword')}
                  </Button>
                  {agent.id !== meId ? (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      color={agent.active ? 'red' : 'teal'}
                      onClick={() => {
                        run(updateAgentAccount(link, agent.id, { active: !agent.active }));
                      }}
                    >
                      {agent.active ? t('floor.deactivate') : t('floor.activate')}
                    </Button>
                  ) : null}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <form
        className={classes.addAgent}
        onSubmit={(event) => {
          event.preventDefault();
          run(
            createAgentAccount(link, draft).then(() => {
              setDraft({ name: '', email: '', password: '', role: 'agent' });
            }),
          );
        }}
      >
        <TextInput
          size="xs"
          label={t('floor.name')}
          value={draft.name}
          onChange={(e) => {
            const name = e.currentTarget.value;
            setDraft((d) => ({ ...d, name }));
          }}
        />
        <TextInput
          size="xs"
          label={t('floor.email')}
          value={draft.email}
          onChange={(e) => {
            const email = e.currentTarget.value;
            setDraft((d) => ({ ...d, email }));
          }}
        />
        <PasswordInput
          size="xs"
          label={t('floor.password')}
          value={draft.password}
          onChange={(e) => {
            const password = e.currentTarget.value;
            setDraft((d) => ({ ...d, password }));
          }}
        />
        <NativeSelect
          size="xs"
          label={t('floor.role')}
          value={draft.role}
          data={[
            { value: 'agent', label: t('account.roleAgent') },
            { value: 'supervisor', label: t('account.roleSupervisor') },
          ]}
          onChange={(e) => {
            const role = e.currentTarget.value as AgentRole;
            setDraft((d) => ({ ...d, role }));
          }}
        />
        <Button size="xs" type="submit" disabled={!draft.name || !draft.email || draft.password.length < 8}>
          {t('floor.addAgent')}
        </Button>
      </form>
      {error ? (
        <Text size="xs" c="red.8" role="alert">
          {error}
        </Text>
      ) : null}
    </section>
  );
}
