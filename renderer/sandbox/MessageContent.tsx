import { Modal } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerMessageInput, MediaType, PhoneDetail, PhoneMessage } from '../../shared/protocol/sandbox.js';
import { formatPrice } from './format';
import { IconBag, IconExternal, IconFile, IconList, IconPhoto, IconPin, IconReply } from './icons';
import classes from './phone.module.css';
import { ProductCart } from './ProductCart';
import { ProductsCard } from './ProductsCard';

type Send = (input: CustomerMessageInput) => Promise<boolean>;
type Detail<K extends PhoneDetail['kind']> = Extract<PhoneDetail, { kind: K }>;

/** Only web links open; anything else (javascript:, data:) is shown as text. */
function safeHttpUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

function Text({ text }: { text: string }) {
  // Customer and shop text is text: React escapes it; line breaks are kept by CSS.
  return text ? <span className={classes.text}>{text}</span> : null;
}

function Media({ detail }: { detail: Detail<'media'> }) {
  const { t } = useTranslation();
  const [broken, setBroken] = useState(false);
  const source = detail.mediaId ? `/sandbox/api/media/${detail.mediaId}` : safeHttpUrl(detail.link);
  const label = t(`chat.${detail.mediaType satisfies MediaType}`);
  if ((detail.mediaType === 'image' || detail.mediaType === 'sticker') && source && !broken) {
    return <img className={classes.photo} src={source} alt={label} onError={() => setBroken(true)} />;
  }
  return (
    <span className={classes.attachment}>
      {detail.mediaType === 'document' ? <IconFile size={22} /> : <IconPhoto size={22} />}
      <span>{detail.filename ?? label}</span>
    </span>
  );
}

function Location({ detail }: { detail: Detail<'location'> }) {
  const { t } = useTranslation();
  const map = `https://www.openstreetmap.org/?mlat=${detail.latitude}&mlon=${detail.longitude}#map=17/${detail.latitude}/${detail.longitude}`;
  return (
    <span className={classes.location}>
      <span className={classes.locationMap} aria-hidden>
        <IconPin size={28} />
      </span>
      <span className={classes.locationText}>
        <strong>{detail.name ?? t('chat.location')}</strong>
        {detail.address && <span>{detail.address}</span>}
        <a href={map} target="_blank" rel="noopener noreferrer">
          {t('chat.openMap')}
        </a>
      </span>
    </span>
  );
}

function ListChooser({ message, detail, onSend }: { message: PhoneMessage; detail: Detail<'list'>; onSend: Send }) {
  const [open, setOpen] = useState(false);
  const choose = (optionId: string) => {
    setOpen(false);
    void onSend({ type: 'interactive', reply: { messageId: message.id, optionId } });
  };
  return (
    <>
      <button type="button" className={classes.action} onClick={() => setOpen(true)}>
        <IconList size={18} /> {detail.button}
      </button>
      <Modal opened={open} onClose={() => setOpen(false)} title={detail.button} centered radius="lg">
        {detail.sections.map((section, index) => (
          <div key={section.title ?? index} className={classes.listSection}>
            {section.title && <p className={classes.listTitle}>{section.title}</p>}
            {section.rows.map((row) => (
              <button key={row.id} type="button" className={classes.listRow} onClick={() => choose(row.id)}>
                <span>{row.title}</span>
                {row.description && <span className={classes.listDescription}>{row.description}</span>}
              </button>
            ))}
          </div>
        ))}
      </Modal>
    </>
  );
}

/** What is inside a bubble, per message type. */
export function MessageContent({ message }: { message: PhoneMessage }) {
  const { t, i18n } = useTranslation();
  const detail = message.detail;
  const header = detail && 'header' in detail ? detail.header : undefined;
  const footer = detail && 'footer' in detail ? detail.footer : undefined;
  return (
    <>
      {header && <strong className={classes.header}>{header}</strong>}
      {detail?.kind === 'media' && <Media detail={detail} />}
      {detail?.kind === 'location' && <Location detail={detail} />}
      {detail?.kind === 'template' && <span className={classes.tag}>{t('chat.template', { name: detail.name })}</span>}
      {detail?.kind === 'products' && <ProductsCard detail={detail} />}
      {detail?.kind === 'order' && (
        <span className={classes.products}>
          <IconBag size={20} />
          <span>
            <strong>{t('chat.order', { count: detail.items.reduce((sum, item) => sum + item.quantity, 0) })}</strong>
            {detail.items.map((item) => (
              <span key={item.productRetailerId} className={classes.productLine}>
                {t('chat.orderLine', { quantity: item.quantity, item: item.productRetailerId })} ·{' '}
                {formatPrice(item.itemPrice, item.currency, i18n.language)}
              </span>
            ))}
          </span>
        </span>
      )}
      {detail?.kind !== 'location' && <Text text={message.text} />}
      {footer && <span className={classes.footer}>{footer}</span>}
      <span className={classes.metaSpacer} aria-hidden />
    </>
  );
}

/** The reply buttons, list or link of an interactive message, under its bubble like WhatsApp's. */
export function MessageActions({ message, onSend }: { message: PhoneMessage; onSend: Send }) {
  const detail = message.detail;
  if (detail?.kind === 'products') {
    return (
      <span className={classes.actions}>
        <ProductCart detail={detail} onSend={onSend} />
      </span>
    );
  }
  if (detail?.kind !== 'buttons' && detail?.kind !== 'list' && detail?.kind !== 'link') return null;
  return (
    <>
      {detail.kind === 'buttons' && (
        <span className={classes.actions}>
          {detail.buttons.map((button) => (
            <button
              key={button.id}
              type="button"
              className={classes.action}
              onClick={() =>
                void onSend({ type: 'interactive', reply: { messageId: message.id, optionId: button.id } })
              }
            >
              <IconReply size={16} /> {button.title}
            </button>
          ))}
        </span>
      )}
      {detail.kind === 'list' && (
        <span className={classes.actions}>
          <ListChooser message={message} detail={detail} onSend={onSend} />
        </span>
      )}
      {detail.kind === 'link' && (
        <span className={classes.actions}>
          {safeHttpUrl(detail.url) ? (
            <a className={classes.action} href={safeHttpUrl(detail.url)} target="_blank" rel="noopener noreferrer">
              <IconExternal size={16} /> {detail.displayText}
            </a>
          ) : (
            <span className={classes.action}>{detail.displayText}</span>
          )}
        </span>
      )}
    </>
  );
}
