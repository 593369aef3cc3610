import { ActionIcon, Avatar, Button, Tooltip } from '@mantine/core';
import { useT } from '../i18n/use-t';
import { contactHandle, type ConversationSummary } from '../../shared/domain/conversation.js';
import { IconArrowLeft, IconShoppingBag, IconUser } from '../ui/icons';
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
  /** The contact panel beside the conversation. */
  contactOpen?: boolean;
  onToggleContact?: () => void;
}

export function ConversationHeader({
  conversation,
  onBack,
  catalogOpen,
  onToggleCatalog,
  contactOpen,
  onToggleContact,
}: Props) {
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
        <div className={classes.nameLine}>
          <h2 className={classes.name}>{contact.name}</h2>
          <ViewingNotice conversationId={conversation.id} />
        </div>
        <div className={classes.sub}>
          <span className={classes.number}>{contactHandle(contact)}</span>
          <span aria-hidden>·</span>
          <span>{t(`status.${conversation.status}`)}</span>
          <LabelChips ids={conversation.labels} byId={labelsById} />
        </div>
      </div>
      <div className={classes.actions}>
        <StatusControl conversation={conversation} />
        <LabelPicker conversation={conversation} />
        {onToggleCatalog ? (
          <Button
            variant={catalogOpen ? 'light' : 'default'}
            size="xs"
            leftSection={<IconShoppingBag size={14} />}
            onClick={onToggleCatalog}
            aria-pressed={catalogOpen ?? false}
          >
            {t('catalog.open')}
          </Button>
        ) : null}
        <AssignmentControl conversation={conversation} />
      </div>
      {onToggleContact ? (
        <Tooltip label={t('contact.open')} withArrow>
          <ActionIcon
            variant={contactOpen ? 'light' : 'subtle'}
            color={contactOpen ? undefined : 'gray'}
            size={30}
            onClick={onToggleContact}
            aria-label={t('contact.open')}
            aria-pressed={contactOpen ?? false}
          >
            <IconUser size={18} />
          </ActionIcon>
        </Tooltip>
      ) : null}
    </header>
  );
}
