import {
  MAX_PRODUCT_IMAGES,
  type Product,
  type ProductImage,
  type ProductInput,
  type ProductPatch,
} from '../../shared/domain/catalog.js';

/*
 * How an input becomes a product: created, patched from the app, or updated by a re-imported feed
 * (matched by SKU). Uniqueness of SKUs across the catalog is the store's to check.
 */

export interface NewProductContext {
  id: string;
  now: number;
  /** The shop's VAT rate for products that do not name one. */
  defaultVatRate: number;
}

function imagesOf(input: ProductPatch): ProductImage[] | undefined {
  if (input.images) return input.images;
  return input.imageUrl ? [{ source: 'url', url: input.imageUrl }] : undefined;
}

export function newProduct(input: ProductInput, context: NewProductContext): Product {
  const at = new Date(context.now).toISOString();
  return {
    id: context.id,
    sku: input.sku,
    name: input.name,
    description: input.description ?? '',
    price: input.price,
    vatRate: input.vatRate ?? context.defaultVatRate,
    images: imagesOf(input) ?? [],
    stock: input.stock ?? null,
    availability: input.availability ?? 'in_stock',
    visibility: input.visibility ?? 'active',
    createdAt: at,
    updatedAt: at,
  };
}

/** A PATCH from the app: what it names replaces what was (`images` as a whole list). */
export function patchProduct(product: Product, patch: ProductPatch, now: number): Product {
  const { imageUrl: _imageUrl, images: _images, ...fields } = patch;
  const images = imagesOf(patch);
  const named = Object.entries(fields as Record<string, unknown>).filter(([, value]) => value !== undefined);
  return {
    ...product,
    ...(Object.fromEntries(named) as Partial<Product>),
    ...(images ? { images } : {}),
    updatedAt: new Date(now).toISOString(),
  };
}

/**
 * A feed row for a product that exists. The feed wins for what it carries; what it cannot carry is
 * kept: the VAT rate, images uploaded in the app (ahead of the feed's, which replace the old web
 * ones), and the stock count when the row has no inventory, except that a row saying out of stock
 * sets tracked stock to 0.
 */
export function reimportProduct(product: Product, input: ProductInput, now: number): Product {
  const uploads = product.images.filter((image) => image.source === 'upload');
  const images = [...uploads, ...(imagesOf(input) ?? [])].slice(0, MAX_PRODUCT_IMAGES);
  const stock = input.stock ?? (input.availability === 'out_of_stock' && product.stock !== null ? 0 : product.stock);
  return patchProduct(product, { ...input, vatRate: product.vatRate, images, stock }, now);
}
