import { Button, Group, Menu, Modal, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { ConversationStatus, ConversationSummary } from '../../shared/domain/conversation.js';
import { describeError } from '../app/describe-error';
import { userLocale } from '../i18n';
import { formatDateTime } from '../i18n/format';
import { useT } from '../i18n/use-t';
import { useRelayLink } from '../inbox/inbox-context';
import { IconCheck, IconClock, IconZzz } from '../ui/icons';
import { snoozeChoices, toLocalInput } from './snooze-times';
import { setStatus } from './workflow-commands';

/**
 * The conversation's status in the header: Resolve, Mark pending, Snooze until… and Reopen, as the
 * status allows. The relay records each change as a system line with who did it.
 */
export function StatusControl({ conversation }: { conversation: ConversationSummary }) {
  const t = useT();
  const link = useRelayLink();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [picking, setPicking] = useState(false);
  const [picked, setPicked] = useState('');
  const { status, snoozedUntil } = conversation;

  async function change(to: ConversationStatus, until?: Date) {
    setBusy(true);
    setError(null);
    try {
      await setStatus(link, conversation.id, to, until?.toISOString());
    } catch (failure) {
      setError(t('workflow.failed', { message: describeError(failure, t) }));
    } finally {
      setBusy(false);
    }
  }

  const snooze = (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button size="xs" variant="default" leftSection={<IconZzz size={14} />} disabled={busy}>
          {t('workflow.snooze')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {snoozeChoices(new Date()).map(({ key, at }) => (
          <Menu.Item key={key} onClick={() => void change('snoozed', at)}>
            {t(`workflow.${key}`)}
            <Text component="span" size="xs" c="dimmed" ml={8}>
              {formatDateTime(at.toISOString(), userLocale())}
            </Text>
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Item
          onClick={() => {
            setPicked(toLocalInput(new Date(Date.now() + 2 * 60 * 60 * 1000)));
            setPicking(true);
          }}
        >
          {t('workflow.snoozePick')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );

  return (
    <Group gap={6} wrap="nowrap">
      {error ? (
        <Text size="xs" c="red.8" role="alert" maw={220} lineClamp={2}>
          {error}
        </Text>
      ) : null}
      {status === 'snoozed' && snoozedUntil ? (
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          <IconClock size={12} /> {t('workflow.snoozedUntil', { time: formatDateTime(snoozedUntil, userLocale()) })}
        </Text>
      ) : null}
      {status === 'open' ? (
        <Button size="xs" variant="default" onClick={() => void change('pending')} disabled={busy}>
          {t('workflow.pending')}
        </Button>
      ) : null}
      {status !== 'resolved' && status !== 'snoozed' ? snooze : null}
      {status !== 'open' ? (
        <Button size="xs" variant="default" onClick={() => void change('open')} disabled={busy}>
          {t('workflow.reopen')}
        </Button>
      ) : null}
      {status !== 'resolved' ? (
        <Button
          size="xs"
          color="teal"
          leftSection={<IconCheck size={14} />}
          onClick={() => void change('resolved')}
          loading={busy}
        >
          {t('workflow.resolve')}
        </Button>
      ) : null}
      <Modal opened={picking} onClose={() => setPicking(false)} title={t('workflow.snoozePick')} size="sm" centered>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            const at = new Date(picked);
            if (Number.isNaN(at.getTime())) return;
            setPicking(false);
            void change('snoozed', at);
          }}
        >
          <TextInput
            type="datetime-local"
            label={t('workflow.snoozeAt')}
            value={picked}
            min={toLocalInput(new Date())}
            onChange={(event) => setPicked(event.currentTarget.value)}
            required
          />
          <Group justify="flex-end" mt="md">
            <Button type="submit">{t('workflow.snoozeConfirm')}</Button>
          </Group>
        </form>
      </Modal>
    </Group>
  );
}
