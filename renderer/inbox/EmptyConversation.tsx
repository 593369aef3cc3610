import { Button, Center, EmptyState } from '@mantine/core';
import { useT } from '../i18n/use-t';
import { IconArrowLeft, IconInbox, IconMessage } from '../ui/icons';

export function EmptyConversation() {
  const t = useT();
  return (
    <Center h="100%" p="xl">
      <EmptyState
        variant="light"
        icon={<IconMessage size={28} />}
        title={t('inbox.selectConversation')}
        description={t('inbox.selectConversationHint')}
      />
    </Center>
  );
}

/** The open conversation was taken out of this person's sight (assigned to a colleague). */
export function ConversationGone({ onBack }: { onBack: () => void }) {
  const t = useT();
  return (
    <Center h="100%" p="xl">
      <EmptyState
        icon={<IconInbox size={28} />}
        withIndicatorBackground
        title={t('inbox.goneTitle')}
        description={t('inbox.goneHint')}
      >
        <EmptyState.Actions>
          <Button variant="light" leftSection={<IconArrowLeft size={16} />} onClick={onBack}>
            {t('conversation.back')}
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    </Center>
  );
}
