import { Avatar } from '@mantine/core';
import { memo } from 'react';
import type { Agent } from '../../shared/domain/agent.js';
import type { ConversationSummary } from '../../shared/domain/conversation.js';
import type { Label } from '../../shared/domain/label.js';
import { RowAssignMenu } from '../assignment/RowAssignMenu';
import { LabelChips } from '../labels/LabelChips';
import type { Translate } from '../i18n/use-t';
import { userLocale } from '../i18n';
import { formatDateTime, formatListTime } from '../i18n/format';
import { StatusTicks } from '../ui/StatusTicks';
import classes from './ConversationRow.module.css';
import { previewOf } from './message-preview';

export const ROW_HEIGHT = 76;

interface Props {
  conversation: ConversationSummary;
  selected: boolean;
  now: number;
  me: Agent | null;
  agents: readonly Agent[];
  agentsById: ReadonlyMap<string, Agent>;
  labelsById: ReadonlyMap<string, Label>;
  onSelect: (id: string) => void;
  /** The list's: one translation hook for the list rather than one per row (and one that remembers). */
  t: Translate;
}

/**
 * One conversation in the list. It reads nothing from the store itself: the list hands it its
 * conversation, so a message re-renders exactly the row whose conversation changed. Plain
 * elements rather than Mantine's where the look is ours anyway: a row is drawn on every message.
 */
export const ConversationRow = memo(function ConversationRow({
  conversation,
  selected,
  now,
  me,
  agents,
  agentsById,
  labelsById,
  onSelect,
  t,
}: Props) {
  const locale = userLocale();
  const { id, contact, lastMessage, lastMessageAt, unreadCount, assigneeId } = conversation;
  const assigneeLabel =
    assigneeId === null
      ? t('inbox.unassigned')
      : assigneeId === me?.id
        ? t('inbox.you')
        : (agentsById.get(assigneeId)?.name ?? t('inbox.unknownAgent'));

  return (
    <div className={classes.wrap}>
      <button
        type="button"
        className={classes.row}
        data-conversation-id={id}
        data-selected={selected || undefined}
        data-unread={unreadCount > 0 || undefined}
        aria-current={selected ? 'true' : undefined}
        onClick={() => {
          onSelect(id);
        }}
      >
        <Avatar name={contact.name} color="initials" size={40} aria-hidden className={classes.avatar} />
        <span className={classes.body}>
          <span className={classes.line}>
            <span className={classes.name}>{contact.name}</span>
            {lastMessageAt ? (
              <time className={classes.time} dateTime={lastMessageAt} title={formatDateTime(lastMessageAt, locale)}>
                {formatListTime(lastMessageAt, locale, now)}
              </time>
            ) : null}
          </span>
          <span className={classes.line}>
            {lastMessage?.direction === 'out' ? <StatusTicks status={lastMessage.status} size={14} /> : null}
            <span className={classes.preview}>{previewOf(lastMessage, t)}</span>
            {unreadCount > 0 ? (
              <span className={classes.unread}>
                <span aria-hidden>{unreadCount > 99 ? '99+' : unreadCount}</span>
                <span className={classes.visuallyHidden}>{t('inbox.unread', { count: unreadCount })}</span>
              </span>
            ) : null}
          </span>
          <span className={classes.meta}>
            <span className={classes.status} data-status={conversation.status}>
              {t(`status.${conversation.status}`)}
            </span>
            <span aria-hidden>·</span>
            <span className={classes.assignee} data-unassigned={assigneeId === null || undefined}>
              {assigneeLabel}
            </span>
            <LabelChips ids={conversation.labels} byId={labelsById} />
          </span>
        </span>
      </button>
      {/* A sibling of the row's button: controls do not nest inside a button. */}
      <span className={classes.rowMenu}>
        <RowAssignMenu conversation={conversation} me={me} agents={agents} t={t} />
      </span>
    </div>
  );
});
