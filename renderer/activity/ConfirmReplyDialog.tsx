import { Button, Group, Modal, Text } from '@mantine/core';
import { useT } from '../i18n/use-t';

/** Replying to a chat assigned to someone else takes an explicit yes (the relay insists too). */
export function ConfirmReplyDialog({
  assigneeName,
  opened,
  onConfirm,
  onCancel,
}: {
  assigneeName: string;
  opened: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const t = useT();
  return (
    <Modal opened={opened} onClose={onCancel} title={t('activity.confirmTitle', { name: assigneeName })} centered>
      <Text size="sm">{t('activity.confirmBody', { name: assigneeName })}</Text>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onCancel}>
          {t('activity.cancel')}
        </Button>
        <Button color="orange" onClick={onConfirm} data-autofocus>
          {t('activity.confirmSend')}
        </Button>
      </Group>
    </Modal>
  );
}
