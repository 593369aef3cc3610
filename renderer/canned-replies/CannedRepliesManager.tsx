import { ActionIcon, Button, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { CannedReply } from '../../shared/domain/canned-reply.js';
import { describeError } from '../app/describe-error';
import { useT } from '../i18n/use-t';
import { useInbox, useRelayLink } from '../inbox/inbox-context';
import { IconNote } from '../ui/icons';
import classes from './CannedReplies.module.css';
import { createCannedReply, deleteCannedReply, updateCannedReply } from './canned-replies-commands';
import { selectCannedReplies } from './canned-replies-state';

type Draft = { id: string | null; shortcut: string; text: string };
const empty: Draft = { id: null, shortcut: '', text: '' };

/** Supervisors add, change and delete the shop's canned replies; every composer has them at once. */
export function CannedRepliesManager({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const t = useT();
  const link = useRelayLink();
  const replies = useInbox(selectCannedReplies);
  const [draft, setDraft] = useState<Draft>(empty);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function save() {
    setBusy(true);
    setError(null);
    try {
      const input = { shortcut: draft.shortcut.trim().replace(/^\//, ''), text: draft.text };
      if (draft.id === null) await createCannedReply(link, input);
      else await updateCannedReply(link, draft.id, input);
      setDraft(empty);
    } catch (failure) {
      setError(t('canned.failed', { message: describeError(failure, t) }));
    } finally {
      setBusy(false);
    }
  }

  async function remove(reply: CannedReply) {
    setError(null);
    try {
      await deleteCannedReply(link, reply.id);
      if (draft.id === reply.id) setDraft(empty);
    } catch (failure) {
      setError(t('canned.failed', { message: describeError(failure, t) }));
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title={t('canned.manageTitle')} size="lg">
      <Stack gap="sm">
        {replies.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('canned.empty')}
          </Text>
        ) : (
          <ul className={classes.managerList}>
            {replies.map((reply) => (
              <li key={reply.id} className={classes.managerRow}>
                <span className={classes.shortcut}>/{reply.shortcut}</span>
                <span className={classes.managerText}>{reply.text}</span>
                <Group gap={4} wrap="nowrap">
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    aria-label={t('canned.edit', { shortcut: reply.shortcut })}
                    onClick={() => {
                      setDraft({ id: reply.id, shortcut: reply.shortcut, text: reply.text });
                    }}
                  >
                    ✎
                  </Button>
                  <ActionIcon
                    size="sm"
                    variant="subtle"
                    color="red"
                    aria-label={t('canned.delete', { shortcut: reply.shortcut })}
                    onClick={() => {
                      void remove(reply);
                    }}
                  >
                    ×
                  </ActionIcon>
                </Group>
              </li>
            ))}
          </ul>
        )}
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <Stack gap="xs">
            <TextInput
              label={t('canned.shortcut')}
              leftSection="/"
              value={draft.shortcut}
              onChange={(event) => {
                const value = event.currentTarget.value;
                setDraft((d) => ({ ...d, shortcut: value }));
              }}
              maxLength={32}
            />
            <Textarea
              label={t('canned.text')}
              autosize
              minRows={2}
              maxRows={6}
              value={draft.text}
              onChange={(event) => {
                const value = event.currentTarget.value;
                setDraft((d) => ({ ...d, text: value }));
              }}
              description={t('canned.placeholders', { placeholders: '{{firstName}}, {{name}}, {{agentName}}' })}
            />
            {error ? (
              <Text size="xs" c="red.8" role="alert">
                {error}
              </Text>
            ) : null}
            <Group justify="flex-end" gap="xs">
              {draft.id !== null ? (
                <Button
                  variant="default"
                  onClick={() => {
                    setDraft(empty);
                  }}
                >
                  {t('canned.cancel')}
                </Button>
              ) : null}
              <Button
                type="submit"
                loading={busy}
                leftSection={<IconNote size={14} />}
                disabled={draft.shortcut.trim() === '' || draft.text.trim() === ''}
              >
                {draft.id === null ? t('canned.add') : t('canned.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Modal>
  );
}
