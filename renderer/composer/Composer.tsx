import { Alert, Button, Group, Text, Textarea } from '@mantine/core';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useT } from '../i18n/use-t';
import type { ConversationSummary } from '../../shared/domain/conversation.js';
import { MAX_TEXT_LENGTH } from '../../shared/protocol/messages.js';
import { describeError } from '../app/describe-error';
import { userLocale } from '../i18n';
import { formatTime } from '../i18n/format';
import { useInbox, useRelayLink } from '../inbox/inbox-context';
import { sendText } from '../messages/messages-commands';
import { addNote } from '../notes/notes-commands';
import { IconLock, IconNote, IconSend } from '../ui/icons';
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
import { selectConnection } from '../inbox/sync-state';
import { CANNED_LIST_ID, CannedReplyList, cannedOptionId } from '../canned-replies/CannedReplyList';
import { useCannedReplyPicker } from '../canned-replies/use-canned-reply-picker';

/** Show when the window closes once less than this is left. */
const CLOSING_SOON_MS = 3 * 60 * 60 * 1000;

/**
 * The composer: a reply to the customer, or (with "Private note" pressed) a note for the team.
 * Replies go through the outbox, so one written while the relay is unreachable waits and goes
 * out once it is back; notes need the relay and are never sent to WhatsApp.
 */
export function Composer({ conversation, autoFocus }: { conversation: ConversationSummary; autoFocus: boolean }) {
  const t = useT();
  const link = useRelayLink();
  const connected = useInbox((s) => selectConnection(s) === 'connected');
  // The relay cannot store anything: a send would be refused; the banner above says why.
  const paused = useInbox(selectSendingPaused);
  const { open, endsAt, now } = useServiceWindow(conversation);
  const [text, setText] = useState(() => readDraft(conversation.id));
  const [noteMode, setNoteMode] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const { typing } = useOthersInConversation(conversation.id);
  const meId = useInbox(selectMeId);
  const agentsById = useInbox(selectAgentsById);
  const [confirming, setConfirming] = useState(false);
  const [caret, setCaret] = useState(0);
  const picker = useCannedReplyPicker({
    text,
    caret,
    customerName: conversation.contact.name,
    onInsert: (next, at) => {
      setText(next);
      setCaret(at);
      // Put the caret after what was inserted once React has rendered the new text.
      requestAnimationFrame(() => {
        inputRef.current?.setSelectionRange(at, at);
      });
    },
  });
  // Someone else's chat: only a supervisor sees one, and replying takes a confirmation.
  const assigneeName =
    conversation.assigneeId !== null && conversation.assigneeId !== meId
      ? (agentsById.get(conversation.assigneeId)?.name ?? t('inbox.unknownAgent'))
      : null;

  useEffect(() => {
    writeDraft(conversation.id, text);
  }, [conversation.id, text]);

  const tooLong = text.length > MAX_TEXT_LENGTH;
  const hasText = text.trim().length > 0 && !tooLong;
  // A note is for the team: the customer's 24-hour window does not apply, but it needs the relay.
  const canSend = noteMode ? connected && !paused && hasText : open && !paused && hasText;
  const editable = noteMode || open;

  function giveBack(value: string, failure: unknown, key: 'composer.sendFailed' | 'notes.failed') {
    setError(t(key, { message: describeError(failure, t) }));
    // Give the words back rather than lose them, unless something new was typed meanwhile.
    setText((current) => (current === '' ? value : current));
  }

  function send(confirmed = false) {
    if (!canSend) return;
    const value = text;
    if (noteMode) {
      setText('');
      setError(null);
      addNote(link, conversation.id, value).catch((failure: unknown) => {
        giveBack(value, failure, 'notes.failed');
      });
      inputRef.current?.focus();
      return;
    }
    if (assigneeName !== null && !confirmed) {
      setConfirming(true);
      return;
    }
    setConfirming(false);
    setText('');
    setError(null);
    typingEnded(conversation.id);
    sendText(link, conversation.id, value, { confirmAssignedToOther: confirmed }).catch((failure: unknown) => {
      giveBack(value, failure, 'composer.sendFailed');
    });
    inputRef.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (picker.onKeyDown(event)) return;
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send();
    }
  }

  const closesAt = open && endsAt !== null && endsAt - now < CLOSING_SOON_MS ? endsAt : null;

  return (
    <div className={classes.composer} data-mode={noteMode ? 'note' : 'reply'}>
      <TypingNotice typing={typing} />
      {!noteMode && text.trim().length > 0 ? <CollisionWarning typing={typing} assigneeName={assigneeName} /> : null}
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
      {!open && !noteMode ? (
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
        <CannedReplyList picker={picker} />
        <Textarea
          ref={inputRef}
          className={classes.input}
          classNames={{ input: noteMode ? classes.noteInput : undefined }}
          aria-label={t('composer.message')}
          aria-controls={picker.options.length > 0 ? CANNED_LIST_ID : undefined}
          aria-activedescendant={picker.options.length > 0 ? cannedOptionId(picker.active) : undefined}
          onSelect={(event) => {
            setCaret(event.currentTarget.selectionStart);
          }}
          placeholder={noteMode ? t('notes.placeholder') : open ? t('composer.placeholder') : undefined}
          autosize
          autoFocus={autoFocus}
          minRows={1}
          maxRows={8}
          value={text}
          disabled={!editable}
          error={tooLong ? t('composer.tooLong', { max: MAX_TEXT_LENGTH, count: text.length }) : undefined}
          onChange={(event) => {
            const value = event.currentTarget.value;
            setText(value);
            setCaret(event.currentTarget.selectionStart);
            // Writing a note is not answering the customer: colleagues are not told.
            if (!noteMode && value.trim().length > 0) announceTyping(link, conversation.id);
          }}
          onKeyDown={onKeyDown}
        />
        <Button
          onClick={() => {
            send();
          }}
          disabled={!canSend}
          color={noteMode ? 'yellow.7' : undefined}
          rightSection={noteMode ? <IconNote size={16} /> : <IconSend size={16} />}
          className={classes.send}
        >
          {t('composer.send')}
        </Button>
      </div>
      <Group justify="space-between" gap="xs" className={classes.footer} wrap="nowrap">
        <Group gap="xs" wrap="nowrap">
          <Button
            size="compact-xs"
            variant={noteMode ? 'filled' : 'subtle'}
            color={noteMode ? 'yellow.7' : 'gray'}
            leftSection={<IconNote size={14} />}
            aria-pressed={noteMode}
            onClick={() => {
              setNoteMode((on) => !on);
              setError(null);
              inputRef.current?.focus();
            }}
          >
            {t('notes.toggle')}
          </Button>
          {editable ? (
            <Text size="xs" c="dimmed">
              {noteMode ? t('notes.hint') : t('composer.hint')}
            </Text>
          ) : null}
        </Group>
        {closesAt !== null && !noteMode ? (
          <Text size="xs" c="orange.8">
            {t('composer.windowClosesAt', { time: formatTime(new Date(closesAt).toISOString(), userLocale()) })}
          </Text>
        ) : null}
      </Group>
    </div>
  );
}
