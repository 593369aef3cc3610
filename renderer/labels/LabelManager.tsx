import { ActionIcon, Button, Group, Modal, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Label } from '../../shared/domain/label.js';
import { describeError } from '../app/describe-error';
import { useT } from '../i18n/use-t';
import { useInbox, useRelayLink } from '../inbox/inbox-context';
import { createLabel, deleteLabel, setAutoAssign, updateLabel } from './labels-commands';
import { selectAutoAssign, selectLabels } from './labels-state';
import classes from './Labels.module.css';

const PALETTE = ['#e03131', '#f08c00', '#2f9e44', '#1971c2', '#7048e8', '#c2255c', '#0c8599', '#495057'];

function LabelRow({ label, onError }: { label: Label; onError: (message: string) => void }) {
  const t = useT();
  const link = useRelayLink();
  const [name, setName] = useState(label.name);
  const save = async (patch: { name?: string; color?: string }) => {
    try {
      await updateLabel(link, label.id, patch);
    } catch (failure) {
      onError(t('labels.failed', { message: describeError(failure, t) }));
    }
  };
  return (
    <Group gap="xs" wrap="nowrap">
      <input
        type="color"
        className={classes.colorInput}
        aria-label={t('labels.color')}
        value={label.color}
        onChange={(event) => void save({ color: event.currentTarget.value })}
      />
      <TextInput
        size="xs"
        flex={1}
        aria-label={t('labels.rename', { name: label.name })}
        value={name}
        onChange={(event) => setName(event.currentTarget.value)}
        onBlur={() => {
          if (name.trim() !== '' && name.trim() !== label.name) void save({ name });
        }}
      />
      <ActionIcon
        variant="subtle"
        color="red"
        aria-label={t('labels.delete', { name: label.name })}
        onClick={() => {
          deleteLabel(link, label.id).catch((failure: unknown) => {
            onError(t('labels.failed', { message: describeError(failure, t) }));
          });
        }}
      >
        ×
      </ActionIcon>
    </Group>
  );
}

/** Supervisors: the team's labels (name and colour) and auto-assignment, in one dialog. */
export function LabelManager({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const t = useT();
  const link = useRelayLink();
  const labels = useInbox(selectLabels);
  const autoAssign = useInbox(selectAutoAssign);
  const [name, setName] = useState('');
  const [color, setColor] = useState(PALETTE[0] ?? '#e03131');
  const [error, setError] = useState<string | null>(null);

  async function add() {
    setError(null);
    try {
      await createLabel(link, { name, color });
      setName('');
      setColor(PALETTE[(labels.length + 1) % PALETTE.length] ?? color);
    } catch (failure) {
      setError(t('labels.failed', { message: describeError(failure, t) }));
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title={t('labels.managerTitle')} size="md" centered>
      <Stack gap="sm">
        <Switch
          label={t('filters.autoAssign')}
          description={t('filters.autoAssignHint')}
          checked={autoAssign}
          onChange={(event) => {
            setAutoAssign(link, event.currentTarget.checked).catch((failure: unknown) => {
              setError(describeError(failure, t));
            });
          }}
        />
        <Text size="xs" c="dimmed">
          {t('labels.managerHint')}
        </Text>
        {labels.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('labels.none')}
          </Text>
        ) : (
          labels.map((label) => <LabelRow key={label.id} label={label} onError={setError} />)
        )}
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (name.trim() !== '') void add();
          }}
        >
          <Group gap="xs" wrap="nowrap" align="flex-end">
            <input
              type="color"
              className={classes.colorInput}
              aria-label={t('labels.color')}
              value={color}
              onChange={(event) => setColor(event.currentTarget.value)}
            />
            <TextInput
              size="xs"
              flex={1}
              label={t('labels.name')}
              value={name}
              maxLength={40}
              onChange={(event) => setName(event.currentTarget.value)}
            />
            <Button size="xs" type="submit">
              {t('labels.add')}
            </Button>
          </Group>
        </form>
        {error ? (
          <Text size="xs" c="red.8" role="alert">
            {error}
          </Text>
        ) : null}
      </Stack>
    </Modal>
  );
}
