import { Button, Group, Modal, NumberInput, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { ProductInput } from '../../shared/domain/catalog.js';
import { formatDecimal, parseDecimal } from '../../shared/money.js';
import type { ProductView } from '../../shared/protocol/catalog.js';
import { describeError } from '../app/describe-error';
import { useT } from '../i18n/use-t';

interface Props {
  /** The product to edit, or null to create one. */
  product: ProductView | null;
  onSave: (input: ProductInput) => Promise<void>;
  onClose: () => void;
}

/** Create or edit a product; the price is typed as a decimal ("12.50") and stored in minor units. */
export function ProductForm({ product, onSave, onClose }: Props) {
  const t = useT();
  const [sku, setSku] = useState(product?.sku ?? '');
  const [name, setName] = useState(product?.name ?? '');
  const [description, setDescription] = useState(product?.description ?? '');
  const [currency, setCurrency] = useState(product?.price.currency ?? 'EUR');
  const [price, setPrice] = useState(product ? formatDecimal(product.price) : '');
  const [vatRate, setVatRate] = useState<number | string>(product?.vatRate ?? 21);
  const [stock, setStock] = useState<number | string>(product?.stock ?? '');
  const first = product?.images[0];
  const [imageUrl, setImageUrl] = useState(first?.source === 'url' ? first.url : '');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async () => {
    setError(null);
    let money;
    try {
      money = parseDecimal(price.replace(',', '.'), currency.trim().toUpperCase());
    } catch {
      setError(t('products.invalidPrice'));
      return;
    }
    const input: ProductInput = {
      sku,
      name,
      description,
      price: money,
      vatRate: Number(vatRate),
      stock: stock === '' ? null : Number(stock),
      ...(imageUrl.trim() ? { imageUrl: imageUrl.trim() } : {}),
    };
    setSaving(true);
    try {
      await onSave(input);
      onClose();
    } catch (caught) {
      setError(describeError(caught, t));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={product ? t('products.editTitle', { name: product.name }) : t('products.createTitle')}
      centered
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          <TextInput
            label={t('products.fields.sku')}
            value={sku}
            onChange={(e) => setSku(e.currentTarget.value)}
            required
          />
          <TextInput
            label={t('products.fields.name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            required
          />
          <Textarea
            label={t('products.fields.description')}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            autosize
            minRows={2}
          />
          <Group grow align="flex-start">
            <TextInput
              label={t('products.fields.price')}
              value={price}
              onChange={(e) => setPrice(e.currentTarget.value)}
              inputMode="decimal"
              required
            />
            <TextInput
              label={t('products.fields.currency')}
              value={currency}
              onChange={(e) => setCurrency(e.currentTarget.value)}
              maxLength={3}
            />
          </Group>
          <Group grow align="flex-start">
            <NumberInput
              label={t('products.fields.vatRate')}
              value={vatRate}
              onChange={setVatRate}
              min={0}
              max={100}
              decimalScale={2}
            />
            <NumberInput
              label={t('products.fields.stock')}
              value={stock}
              onChange={setStock}
              min={0}
              allowDecimal={false}
            />
          </Group>
          <TextInput
            label={t('products.fields.imageUrl')}
            value={imageUrl}
            onChange={(e) => setImageUrl(e.currentTarget.value)}
            type="url"
          />
          {error ? (
            <Text size="sm" c="red.7" role="alert">
              {error}
            </Text>
          ) : null}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('products.cancel')}
            </Button>
            <Button type="submit" loading={saving}>
              {t('products.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
