import { ActionIcon, Menu, Textarea } from '@mantine/core';
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_TEXT_LENGTH } from '../../shared/protocol/messages.js';
import type { CustomerMessageInput, SamplePhoto } from '../../shared/protocol/sandbox.js';
import { LocationDialog, PhotoDialog } from './AttachDialogs';
import { IconPaperclip, IconPhoto, IconPin, IconSend } from './icons';
import classes from './phone.module.css';

interface ComposerProps {
  photos: SamplePhoto[];
  disabled: boolean;
  onSend: (input: CustomerMessageInput) => Promise<boolean>;
}

/** What the customer types: Enter sends, Shift+Enter starts a new line. */
export function Composer({ photos, disabled, onSend }: ComposerProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [dialog, setDialog] = useState<'photo' | 'location' | null>(null);
  const canSend = !disabled && text.trim().length > 0;

  const send = () => {
    if (!canSend) return;
    const body = text;
    setText('');
    void onSend({ type: 'text', text: body }).then((ok) => {
      if (!ok) setText((current) => (current === '' ? body : current));
    });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send();
    }
  };
  const sendAndClose = async (input: CustomerMessageInput) => {
    const ok = await onSend(input);
    if (ok) setDialog(null);
  };

  return (
    <div className={classes.composer}>
      <div className={classes.inputPill}>
        <Menu position="top-start" shadow="md" radius="md" withinPortal>
          <Menu.Target>
            <ActionIcon
              variant="subtle"
              color="gray"
              radius="xl"
              size="lg"
              aria-label={t('composer.attach')}
              disabled={disabled}
            >
              <IconPaperclip size={20} />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item leftSection={<IconPhoto size={18} />} onClick={() => setDialog('photo')}>
              {t('composer.photo')}
            </Menu.Item>
            <Menu.Item leftSection={<IconPin size={18} />} onClick={() => setDialog('location')}>
              {t('composer.location')}
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
        <Textarea
          className={classes.textarea}
          variant="unstyled"
          aria-label={t('composer.message')}
          placeholder={t('composer.placeholder')}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          onKeyDown={onKeyDown}
          autosize
          minRows={1}
          maxRows={5}
          maxLength={MAX_TEXT_LENGTH}
        />
      </div>
      <ActionIcon
        size={46}
        radius="xl"
        variant="filled"
        className={classes.sendButton}
        onClick={send}
        disabled={!canSend}
        aria-label={t('composer.send')}
      >
        <IconSend size={22} />
      </ActionIcon>
      <PhotoDialog opened={dialog === 'photo'} photos={photos} onClose={() => setDialog(null)} onSend={sendAndClose} />
      <LocationDialog opened={dialog === 'location'} onClose={() => setDialog(null)} onSend={sendAndClose} />
    </div>
  );
}
