import { Badge, Button, FileButton, Group, Table, Text, TextInput } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { readJson } from '../../shared/client/commands.js';
import { formatMoney } from '../../shared/money.js';
import { BuyButtonResponseSchema, type ProductView } from '../../shared/protocol/catalog.js';
import { describeError } from '../app/describe-error';
import { useInbox, useRelayLink } from '../inbox/inbox-context';
import { userLocale } from '../i18n';
import { useT } from '../i18n/use-t';
import { IconArrowLeft } from '../ui/icons';
import { archiveProduct, createProduct, listAllProducts, patchProduct, uploadProductImage } from './catalog-commands';
import { selectCatalogVersion } from './catalog-state';
import { FeedImport } from './FeedImport';
import { ProductForm } from './ProductForm';
import { ProductThumb } from './ProductThumb';
import { stockText } from './product-text';
import classes from './Products.module.css';

/** Rows drawn at once; the filter narrows a large catalog down. */
const SHOWN = 200;

/** The supervisors' catalog: create, edit, archive, images, feed import, buy-button snippets. */
export function ProductsScreen({ onBack }: { onBack: () => void }) {
  const t = useT();
  const link = useRelayLink();
  const version = useInbox(selectCatalogVersion);
  const [products, setProducts] = useState<ProductView[]>([]);
  const [filter, setFilter] = useState('');
  const [editing, setEditing] = useState<ProductView | 'new' | null>(null);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);

  useEffect(() => {
    let current = true;
    listAllProducts(link).then(
      (all) => {
        if (current) setProducts(all);
      },
      (error: unknown) => {
        if (current) setNotice({ ok: false, text: describeError(error, t) });
      },
    );
    return () => {
      current = false;
    };
  }, [link, version, t]);

  const shown = useMemo(() => {
    const q = filter.trim().toLowerCase();
    const matching = q
      ? products.filter((p) => p.name.toLowerCase().includes(q) || p.sku.toLowerCase().includes(q))
      : products;
    return [...matching].sort((a, b) => a.name.localeCompare(b.name)).slice(0, SHOWN);
  }, [products, filter]);

  const act = async (work: () => Promise<unknown>, done?: string) => {
    setNotice(null);
    try {
      await work();
      if (done) setNotice({ ok: true, text: done });
    } catch (error) {
      setNotice({ ok: false, text: describeError(error, t) });
    }
  };

  const copyBuyButton = (product: ProductView) =>
    act(
      async () => {
        const response = await fetch(
          `${link.rest.baseUrl}/api/v1/products/${encodeURIComponent(product.id)}/buy-button`,
          { headers: { authorization: `Bearer ${link.rest.token}` } },
        );
        const { html } = await readJson(response, BuyButtonResponseSchema);
        await navigator.clipboard.writeText(html);
      },
      t('products.copied', { name: product.name }),
    );

  return (
    <main className={classes.screen} aria-labelledby="products-title">
      <header className={classes.header}>
        <Button
          variant="subtle"
          color="gray"
          size="compact-sm"
          leftSection={<IconArrowLeft size={16} />}
          onClick={onBack}
        >
          {t('products.back')}
        </Button>
        <h1 id="products-title" className={classes.title}>
          {t('products.title')}
        </h1>
        <Text size="sm" c="dimmed">
          {t('products.count', { count: products.length })}
        </Text>
        <Group gap="xs" ml="auto" align="flex-start">
          <FeedImport />
          <Button size="xs" onClick={() => setEditing('new')}>
            {t('products.add')}
          </Button>
        </Group>
      </header>
      <div className={classes.tools}>
        <TextInput
          size="sm"
          type="search"
          aria-label={t('products.filter')}
          placeholder={t('catalog.searchPlaceholder')}
          value={filter}
          onChange={(e) => setFilter(e.currentTarget.value)}
          className={classes.filter}
        />
        {notice ? (
          <Text size="sm" c={notice.ok ? 'teal.8' : 'red.7'} role="status">
            {notice.text}
          </Text>
        ) : null}
      </div>
      <div className={classes.tableWrap}>
        <Table verticalSpacing="xs" highlightOnHover stickyHeader>
          <Table.Thead>
            <Table.Tr>
              <Table.Th aria-label={t('products.noImage')} />
              <Table.Th>{t('products.fields.name')}</Table.Th>
              <Table.Th>{t('products.fields.sku')}</Table.Th>
              <Table.Th>{t('products.fields.price')}</Table.Th>
              <Table.Th>{t('products.stockColumn')}</Table.Th>
              <Table.Th>{t('products.status')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((product) => (
              <Table.Tr key={product.id}>
                <Table.Td>
                  <ProductThumb url={product.imageUrl} size={40} />
                </Table.Td>
                <Table.Td className={classes.name}>{product.name}</Table.Td>
                <Table.Td className={classes.sku}>{product.sku}</Table.Td>
                <Table.Td className={classes.money}>{formatMoney(product.price, userLocale())}</Table.Td>
                <Table.Td>{stockText(product, t)}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={product.visibility === 'active' ? 'teal' : 'gray'}>
                    {t(product.visibility === 'active' ? 'products.active' : 'products.archived')}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap" justify="flex-end">
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      onClick={() => setEditing(product)}
                      aria-label={t('products.edit', { name: product.name })}
                    >
                      {t('products.editShort')}
                    </Button>
                    <FileButton
                      accept="image/jpeg,image/png,image/webp"
                      onChange={(file) => {
                        if (file) void act(() => uploadProductImage(link, product.id, file));
                      }}
                    >
                      {(props) => (
                        <Button
                          {...props}
                          size="compact-xs"
                          variant="subtle"
                          aria-label={t('products.uploadImage', { name: product.name })}
                        >
                          {t('products.uploadShort')}
                        </Button>
                      )}
                    </FileButton>
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      onClick={() => void copyBuyButton(product)}
                      aria-label={t('products.copyBuyButtonFor', { name: product.name })}
                    >
                      {t('products.copyBuyButton')}
                    </Button>
                    {product.visibility === 'active' ? (
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color="red"
                        onClick={() => void act(() => archiveProduct(link, product.id))}
                        aria-label={t('products.archive', { name: product.name })}
                      >
                        {t('products.archiveShort')}
                      </Button>
                    ) : (
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        onClick={() => void act(() => patchProduct(link, product.id, { visibility: 'active' }))}
                        aria-label={t('products.restore', { name: product.name })}
                      >
                        {t('products.restoreShort')}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
      {editing !== null ? (
        <ProductForm
          product={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSave={async (input) => {
            if (editing === 'new') await createProduct(link, input);
            else await patchProduct(link, editing.id, input);
          }}
        />
      ) : null}
    </main>
  );
}
