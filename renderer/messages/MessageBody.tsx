import { Anchor, Text } from '@mantine/core';
import type { Translate } from '../i18n/use-t';
import type { ReactNode } from 'react';
import { useT } from '../i18n/use-t';
import type { Message, MessageContent } from '../../shared/domain/message.js';
import { userLocale } from '../i18n';
import { formatCoordinate } from '../i18n/format';
import { IconFile, IconMapPin, IconMicrophone, IconPhoto, IconSticker, IconVideo } from '../ui/icons';
import classes from './MessageBubble.module.css';
import { OrderCard } from './OrderCard';
import { PaymentLinkCard } from '../orders/PaymentLinkCard';
import { AddToCartButton } from '../carts/AddToCartButton';
import { ProductCard, ProductMention } from '../catalog/ProductCard';

/*
 * What a message says, by type. Everything from the customer is rendered as React text nodes
 * (never as HTML); `white-space: pre-wrap` keeps their line breaks.
 */

function PlainText({ text }: { text: string }) {
  return text ? <span className={classes.text}>{text}</span> : null;
}

type MediaContent = Extract<MessageContent, { kind: 'media' }>;

function mediaIcon(type: Message['type']): ReactNode {
  if (type === 'image') return <IconPhoto size={20} />;
  if (type === 'video') return <IconVideo size={20} />;
  if (type === 'audio') return <IconMicrophone size={20} />;
  if (type === 'sticker') return <IconSticker size={20} />;
  return <IconFile size={20} />;
}

function MediaChip({ message, content, t }: { message: Message; content: MediaContent | undefined; t: Translate }) {
  const voice = content?.voice === true;
  const label = message.type === 'audio' && voice ? t('messageType.voice') : t(`messageType.${message.type}`);
  return (
    <span className={classes.media}>
      <span className={classes.mediaIcon}>{mediaIcon(message.type)}</span>
      <span className={classes.mediaText}>
        <span className={classes.mediaLabel}>{content?.filename ? `${label} · ${content.filename}` : label}</span>
        <span className={classes.mediaHint}>{t('conversation.noDownload')}</span>
      </span>
    </span>
  );
}

type LocationContent = Extract<MessageContent, { kind: 'location' }>;

function LocationCard({ content, t }: { content: LocationContent; t: Translate }) {
  const locale = userLocale();
  const { latitude, longitude } = content;
  const map = `https://www.openstreetmap.org/?mlat=${latitude}&mlon=${longitude}#map=17/${latitude}/${longitude}`;
  return (
    <span className={classes.location}>
      <span className={classes.mediaIcon}>
        <IconMapPin size={20} />
      </span>
      <span className={classes.mediaText}>
        {content.name ? <span className={classes.mediaLabel}>{content.name}</span> : null}
        {content.address ? <span className={classes.text}>{content.address}</span> : null}
        <span className={classes.mediaHint}>
          {t('conversation.coordinates', {
            latitude: formatCoordinate(latitude, locale),
            longitude: formatCoordinate(longitude, locale),
          })}
        </span>
        <Anchor href={map} target="_blank" rel="noopener noreferrer" size="xs">
          {t('conversation.openMap')}
        </Anchor>
      </span>
    </span>
  );
}

function Labelled({ label, text }: { label: string; text: string }) {
  return (
    <>
      <span className={classes.kindLabel}>{label}</span>
      <PlainText text={text} />
    </>
  );
}

export function MessageBody({ message }: { message: Message }) {
  const t = useT();
  const { content, text } = message;
  if (content?.kind === 'products') {
    return (
      <ProductCard
        text={text}
        content={content}
        actions={(item) => (
          <AddToCartButton conversationId={message.conversationId} product={{ id: item.productId, name: item.name }} />
        )}
      />
    );
  }
  if (content?.kind === 'product_mention') {
    return (
      <Text component="span" size="sm" c="dimmed">
        <ProductMention product={content.product} />
      </Text>
    );
  }
  switch (message.type) {
    case 'text':
      return <PlainText text={text} />;
    case 'image':
    case 'video':
    case 'audio':
    case 'document':
    case 'sticker':
      return (
        <>
          <MediaChip message={message} content={content?.kind === 'media' ? content : undefined} t={t} />
          <PlainText text={text} />
        </>
      );
    case 'location':
      return content?.kind === 'location' ? (
        <LocationCard content={content} t={t} />
      ) : (
        <Labelled label={t('messageType.location')} text={text} />
      );
    case 'reaction': {
      const emoji = content?.kind === 'reaction' ? content.emoji : text || null;
      return (
        <span className={classes.reaction}>
          {emoji ? t('conversation.reaction', { emoji }) : t('conversation.reactionRemoved')}
        </span>
      );
    }
    case 'order':
      return content?.kind === 'order' ? (
        <OrderCard content={content} note={text} />
      ) : (
        <Labelled label={t('messageType.order')} text={text} />
      );
    case 'interactive':
      if (content?.kind === 'cta_url') return <PaymentLinkCard content={content} text={text} />;
      return <Labelled label={t(`messageType.${message.type}`)} text={text} />;
    case 'button':
    case 'contacts':
      return <Labelled label={t(`messageType.${message.type}`)} text={text} />;
    case 'unsupported':
      return (
        <Text component="span" size="sm" fs="italic" c="dimmed">
          {t('conversation.unsupported')}
        </Text>
      );
    case 'note':
      return <PlainText text={text} />;
    case 'system':
      return (
        <Text component="span" size="sm" c="dimmed">
          {text}
        </Text>
      );
  }
}
