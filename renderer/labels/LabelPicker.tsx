import { Button, Checkbox, Menu, Text } from '@mantine/core';
import { useState, type CSSProperties } from 'react';
import type { ConversationSummary } from '../../shared/domain/conversation.js';
import { describeError } from '../app/describe-error';
import { useT } from '../i18n/use-t';
import { useInbox, useRelayLink } from '../inbox/inbox-context';
import { IconTag } from '../ui/icons';
import { setLabels } from './labels-commands';
import { selectLabels } from './labels-state';
import classes from './Labels.module.css';

/** Puts labels on the conversation or takes them off: a menu of every label with a checkbox each. */
export function LabelPicker({ conversation }: { conversation: ConversationSummary }) {
  const t = useT();
  const link = useRelayLink();
  const labels = useInbox(selectLabels);
  const [error, setError] = useState<string | null>(null);

  async function toggle(id: string) {
    const has = conversation.labels.includes(id);
    const next = has ? conversation.labels.filter((l) => l !== id) : [...conversation.labels, id];
    setError(null);
    try {
      await setLabels(link, conversation.id, next);
    } catch (failure) {
      setError(describeError(failure, t));
    }
  }

  return (
    <Menu position="bottom-end" closeOnItemClick={false} withinPortal>
      <Menu.Target>
        <Button size="xs" variant="default" leftSection={<IconTag size={14} />}>
          {t('labels.picker')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown miw={200}>
        {labels.length === 0 ? (
          <Text size="xs" c="dimmed" p="xs">
            {t('labels.none')}
          </Text>
        ) : null}
        {labels.map((label) => (
          <Menu.Item
            key={label.id}
            role="menuitemcheckbox"
            aria-checked={conversation.labels.includes(label.id)}
            onClick={() => void toggle(label.id)}
            leftSection={
              <Checkbox size="xs" checked={conversation.labels.includes(label.id)} readOnly tabIndex={-1} aria-hidden />
            }
            rightSection={<span className={classes.swatch} style={{ '--chip-color': label.color } as CSSProperties} />}
          >
            {label.name}
          </Menu.Item>
        ))}
        {error ? (
          <Text size="xs" c="red.8" p="xs" role="alert">
            {error}
          </Text>
        ) : null}
      </Menu.Dropdown>
    </Menu>
  );
}
