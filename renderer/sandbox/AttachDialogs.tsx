import { Button, Group, Modal, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerMessageInput, SamplePhoto } from '../../shared/protocol/sandbox.js';
import classes from './phone.module.css';

type Send = (input: CustomerMessageInput) => Promise<void>;

/** Places a Belgian or Dutch customer might share. */
const PLACES = [
  { name: 'Grote Markt', address: 'Grote Markt, 1000 Brussel', latitude: 50.8467, longitude: 4.3525 },
  { name: 'Meir', address: 'Meir 50, 2000 Antwerpen', latitude: 51.2185, longitude: 4.4086 },
  { name: 'Dam', address: 'Dam 1, 1012 JS Amsterdam', latitude: 52.3731, longitude: 4.8926 },
  { name: 'Coolsingel', address: 'Coolsingel 40, 3011 AD Rotterdam', latitude: 51.9225, longitude: 4.4792 },
];

/** A sample photo (the sandbox's placeholder media) with an optional caption. */
export function PhotoDialog({
  opened,
  photos,
  onClose,
  onSend,
}: {
  opened: boolean;
  photos: SamplePhoto[];
  onClose: () => void;
  onSend: Send;
}) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<string | null>(null);
  const [caption, setCaption] = useState('');
  const mediaId = chosen ?? photos[0]?.mediaId;
  const send = () => {
    void onSend({
      type: 'image',
      image: { ...(mediaId ? { mediaId } : {}), ...(caption.trim() ? { caption } : {}) },
    }).then(() => setCaption(''));
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('composer.photoTitle')} centered radius="lg">
      <div className={classes.photoGrid} role="radiogroup" aria-label={t('composer.photo')}>
        {photos.map((photo) => (
          <button
            key={photo.mediaId}
            type="button"
            role="radio"
            aria-checked={photo.mediaId === mediaId}
            aria-label={photo.label}
            className={
              photo.mediaId === mediaId ? `${classes.photoChoice} ${classes.photoChosen}` : classes.photoChoice
            }
            onClick={() => setChosen(photo.mediaId)}
          >
            <img src={photo.url} alt="" />
          </button>
        ))}
      </div>
      <TextInput
        mt="md"
        label={t('composer.caption')}
        placeholder={t('composer.captionPlaceholder')}
        value={caption}
        maxLength={1024}
        onChange={(event) => setCaption(event.currentTarget.value)}
      />
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={onClose}>
          {t('composer.cancel')}
        </Button>
        <Button onClick={send}>{t('composer.sendPhoto')}</Button>
      </Group>
    </Modal>
  );
}

export function LocationDialog({ opened, onClose, onSend }: { opened: boolean; onClose: () => void; onSend: Send }) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState(0);
  const place = PLACES[chosen] ?? PLACES[0];
  return (
    <Modal opened={opened} onClose={onClose} title={t('composer.locationTitle')} centered radius="lg">
      <div className={classes.placeList} role="radiogroup" aria-label={t('composer.location')}>
        {PLACES.map((candidate, index) => (
          <button
            key={candidate.name}
            type="button"
            role="radio"
            aria-checked={index === chosen}
            className={index === chosen ? `${classes.place} ${classes.placeChosen}` : classes.place}
            onClick={() => setChosen(index)}
          >
            <strong>{candidate.name}</strong>
            <span>{candidate.address}</span>
          </button>
        ))}
      </div>
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={onClose}>
          {t('composer.cancel')}
        </Button>
        <Button onClick={() => place && void onSend({ type: 'location', location: place })}>
          {t('composer.sendLocation')}
        </Button>
      </Group>
    </Modal>
  );
}
