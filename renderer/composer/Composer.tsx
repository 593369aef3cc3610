import { Alert, Button, Group, Text, Textarea } from '@mantine/core';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useT } from '../i18n/use-t';
import type { ConversationSummary } from '../../shared/domain/conversation.js';
import { MAX_TEXT_LENGTH } from '../../shared/protocol/messages.js';
import { describeError } from '../app/describe-error';
import { userLocale } from '../i18n';
import { formatTime } from '../i18n/format';
import { useInbox, useRelayLink } from '../inbox/inbox-context';
import { selectConnection } from '../inbox/sync-state';
import { sendText } from '../messages/messages-commands';
import { IconLock, IconSend } from '../ui/icons';
import classes from './Composer.module.css';
import { readDraft, writeDraft } from './drafts';
import { useServiceWindow } from './use-service-window';
import { selectSendingPaused } from '../health/health-state';
import { announceTyping, typingEnded } from '../activity/activity-commands';
import { CollisionWarning } from '../activity/CollisionWarning';
import { ConfirmReplyDialog } from '../activity/ConfirmReplyDialog';
import { TypingNotice } from '../activity/TypingNotice';
import { useOthersInConversation } from '../activity/use-others';
import { selectAgentsById, selectMeId } from '../accounts/accounts-state';

/** Show when the window closes once less than this is left. */
const CLOSING_SOON_MS = 3 * 60 * 60 * 1000;

export function Composer({ conversation, autoFocus }: { conversation: ConversationSummary; autoFocus: boolean }) {
  const t = useT();
  const link = useRelayLink();
  const connected = useInbox((s) => selectConnection(s) === 'connected');
  // The relay cannot store anything: a send would be refused; the banner above says why.
  const paused = useInbox(selectSendingPaused);
  const { open, endsAt, now } = useServiceWindow(conversation);
  const [text, setText] = useState(() => readDraft(conversation.id));
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const { typing } = useOthersInConversation(conversation.id);
  const meId = useInbox(selectMeId);
  const agentsById = useInbox(selectAgentsById);
  const [confirming, setConfirming] = useState(false);
  // Someone else's chat: only a supervisor sees one, and replying takes a confirmation.
  const assigneeName =
    conversation.assigneeId !== null && conversation.assigneeId !== meId
      ? (agentsById.get(conversation.assigneeId)?.name ?? t('inbox.unknownAgent'))
      : null;

  useEffect(() => {
    writeDraft(conversation.id, text);
  }, [conversation.id, text]);

  const tooLong = text.length > MAX_TEXT_LENGTH;
  const canSend = open && connected && !paused && text.trim().length > 0 && !tooLong;

  function send(confirmed = false) {
    if (!canSend) return;
    if (assigneeName !== null && !confirmed) {
      setConfirming(true);
      return;
    }
    setConfirming(false);
    const value = text;
    setText('');
    setError(null);
    typingEnded(conversation.id);
    sendText(link, conversation.id, value, { confirmAssignedToOther: confirmed }).catch((failure: unknown) => {
      setError(t('composer.sendFailed', { message: describeError(failure, t) }));
      // Give the words back rather than lose them, unless something new was typed meanwhile.
      setText((current) => (current === '' ? value : current));
    });
    inputRef.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send();
    }
  }

  const closesAt = open && endsAt !== null && endsAt - now < CLOSING_SOON_MS ? endsAt : null;

  return (
    <div className={classes.composer}>
      <TypingNotice typing={typing} />
      {text.trim().length > 0 ? <CollisionWarning typing={typing} assigneeName={assigneeName} /> : null}
      {assigneeName !== null ? (
        <ConfirmReplyDialog
          assigneeName={assigneeName}
          opened={confirming}
          onConfirm={() => {
            send(true);
          }}
          onCancel={() => {
            setConfirming(false);
            inputRef.current?.focus();
          }}
        />
      ) : null}
      {!open ? (
        <Alert variant="light" color="yellow" icon={<IconLock size={18} />} className={classes.notice} role="status">
          {t('composer.windowClosed')}
        </Alert>
      ) : null}
      {error ? (
        <Text size="xs" c="red.8" role="alert" className={classes.error}>
          {error}
        </Text>
      ) : null}
      <div className={classes.row}>
        <Textarea
          ref={inputRef}
          className={classes.input}
          aria-label={t('composer.message')}
          placeholder={open ? t('composer.placeholder') : undefined}
          autosize
          autoFocus={autoFocus}
          minRows={1}
          maxRows={8}
          value={text}
          disabled={!open}
          error={tooLong ? t('composer.tooLong', { max: MAX_TEXT_LENGTH, count: text.length }) : undefined}
          onChange={(event) => {
            const value = event.currentTarget.value;
            setText(value);
            if (value.trim().length > 0) announceTyping(link, conversation.id);
          }}
          onKeyDown={onKeyDown}
        />
        <Button
          onClick={() => {
            send();
          }}
          disabled={!canSend}
          rightSection={<IconSend size={16} />}
          className={classes.send}
        >
          {t('composer.send')}
        </Button>
      </div>
      {open ? (
        <Group justify="space-between" gap="xs" className={classes.footer}>
          <Text size="xs" c="dimmed">
            {t('composer.hint')}
          </Text>
          {closesAt !== null ? (
            <Text size="xs" c="orange.8">
              {t('composer.windowClosesAt', { time: formatTime(new Date(closesAt).toISOString(), userLocale()) })}
            </Text>
          ) : null}
        </Group>
      ) : null}
    </div>
  );
}
