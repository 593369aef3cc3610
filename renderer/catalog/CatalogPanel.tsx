import { Button, Group, Loader, Text, TextInput } from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import type { ProductView } from '../../shared/protocol/catalog.js';
import { describeError } from '../app/describe-error';
import { useInbox, useRelayLink } from '../inbox/inbox-context';
import { useT } from '../i18n/use-t';
import { IconSend } from '../ui/icons';
import { SidePanel } from '../ui/SidePanel';
import classes from './Catalog.module.css';
import { searchProducts, sendProducts } from './catalog-commands';
import { selectCatalogVersion } from './catalog-state';
import { ProductRow } from './ProductRow';

export const MAX_SELECTION = 30;

interface Props {
  conversationId: string;
  onClose: () => void;
  /** Extra buttons per product from other features (the cart adds "Add <product name> to cart"). */
  productActions?: (product: ProductView) => ReactNode;
}

/**
 * The catalog beside the conversation: search by name or SKU (on the relay), send one product, or
 * select several and send them as one list. Results follow every change pushed by the relay.
 */
export function CatalogPanel({ conversationId, onClose, productActions }: Props) {
  const t = useT();
  const link = useRelayLink();
  const version = useInbox(selectCatalogVersion);
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<ProductView[] | null>(null);
  const [selected, setSelected] = useState<ReadonlyMap<string, ProductView>>(new Map());
  const [sending, setSending] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);

  // The latest query wins: an answer to an older one is dropped.
  useEffect(() => {
    let current = true;
    searchProducts(link, query).then(
      (products) => {
        if (current) setResults(products);
      },
      (error: unknown) => {
        if (current) setNotice({ ok: false, text: describeError(error, t) });
      },
    );
    return () => {
      current = false;
    };
  }, [link, query, version, t]);

  const send = async (products: ProductView[], key: string) => {
    setSending(key);
    setNotice(null);
    try {
      await sendProducts(
        link,
        conversationId,
        products.map((p) => p.id),
      );
      const [first] = products;
      setNotice({
        ok: true,
        text:
          products.length === 1 && first
            ? t('catalog.sent', { name: first.name })
            : t('catalog.sentMany', { count: products.length }),
      });
      if (products.length > 1) setSelected(new Map());
    } catch (error) {
      setNotice({ ok: false, text: t('catalog.failed', { message: describeError(error, t) }) });
    } finally {
      setSending(null);
    }
  };

  const select = (product: ProductView, on: boolean) => {
    setSelected((previous) => {
      const next = new Map(previous);
      if (on && next.size < MAX_SELECTION) next.set(product.id, product);
      else next.delete(product.id);
      return next;
    });
  };

  return (
    <SidePanel title={t('catalog.panel')} closeLabel={t('catalog.close')} onClose={onClose}>
      <div className={classes.searchBox}>
        <TextInput
          type="search"
          size="sm"
          placeholder={t('catalog.searchPlaceholder')}
          aria-label={t('catalog.search')}
          value={query}
          onChange={(event) => {
            setQuery(event.currentTarget.value);
          }}
          autoFocus
        />
      </div>
      {notice ? (
        <Text size="xs" c={notice.ok ? 'teal.8' : 'red.7'} className={classes.notice} role="status">
          {notice.text}
        </Text>
      ) : null}
      {results === null ? (
        <Loader size="sm" className={classes.loading} />
      ) : results.length === 0 ? (
        <Text size="sm" c="dimmed" className={classes.empty}>
          {query.trim() ? t('catalog.none') : t('catalog.empty')}
        </Text>
      ) : (
        <ul className={classes.list}>
          {results.map((product) => (
            <ProductRow
              key={product.id}
              product={product}
              sending={sending === product.id}
              onSend={(p) => {
                void send([p], p.id);
              }}
              selected={selected.has(product.id)}
              onSelect={select}
              actions={productActions?.(product)}
            />
          ))}
        </ul>
      )}
      {selected.size > 0 ? (
        <Group className={classes.selectionBar} gap="xs" wrap="nowrap">
          <Button
            size="xs"
            leftSection={<IconSend size={14} />}
            loading={sending === 'selection'}
            onClick={() => {
              void send([...selected.values()], 'selection');
            }}
          >
            {t('catalog.sendSelected', { count: selected.size })}
          </Button>
          <Button
            size="xs"
            variant="subtle"
            color="gray"
            onClick={() => {
              setSelected(new Map());
            }}
          >
            {t('catalog.clearSelection')}
          </Button>
        </Group>
      ) : null}
    </SidePanel>
  );
}
