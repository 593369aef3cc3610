import { ActionIcon, Avatar, Button } from '@mantine/core';
import { useT } from '../i18n/use-t';
import { contactHandle, type ConversationSummary } from '../../shared/domain/conversation.js';
import { IconArrowLeft, IconShoppingBag } from '../ui/icons';
import { AssignmentControl } from '../assignment/AssignmentControl';
import { ViewingNotice } from '../activity/ViewingNotice';
import classes from './ConversationView.module.css';
import { LabelChips } from '../labels/LabelChips';
import { LabelPicker } from '../labels/LabelPicker';
import { selectLabelsById } from '../labels/labels-state';
import { useInbox } from '../inbox/inbox-context';
import { StatusControl } from '../workflow/StatusControl';

interface Props {
  conversation: ConversationSummary;
  onBack?: (() => void) | undefined;
  /** The catalog beside the conversation. */
  catalogOpen?: boolean;
  onToggleCatalog?: () => void;
}

export function ConversationHeader({ conversation, onBack, catalogOpen, onToggleCatalog }: Props) {
  const t = useT();
  const { contact } = conversation;
  const labelsById = useInbox(selectLabelsById);
  return (
    <header className={classes.header}>
      {onBack ? (
        <ActionIcon variant="subtle" color="gray" size="lg" onClick={onBack} aria-label={t('conversation.back')}>
          <IconArrowLeft size={20} />
        </ActionIcon>
      ) : null}
      <Avatar name={contact.name} color="initials" size={38} aria-hidden />
      <div className={classes.identity}>
        <h2 className={classes.name}>{contact.name}</h2>
        <div className={classes.sub}>
          <span className={classes.number}>{contactHandle(contact)}</span>
          <span aria-hidden>·</span>
          <span>{t(`status.${conversation.status}`)}</span>
          <LabelChips ids={conversation.labels} byId={labelsById} />
          <ViewingNotice conversationId={conversation.id} />
        </div>
      </div>
      <StatusControl conversation={conversation} />
      <LabelPicker conversation={conversation} />
      {onToggleCatalog ? (
        <Button
          variant={catalogOpen ? 'light' : 'default'}
          size="compact-sm"
          leftSection={<IconShoppingBag size={16} />}
          onClick={onToggleCatalog}
          aria-pressed={catalogOpen ?? false}
        >
          {t('catalog.open')}
        </Button>
      ) : null}
      <AssignmentControl conversation={conversation} />
    </header>
  );
}
