import { z } from 'zod';
import {
  MAX_PRODUCT_IMAGES,
  ProductInputSchema,
  SkuSchema,
  type ProductAvailability,
  type ProductInput,
} from '../../shared/domain/catalog.js';
import { MoneyError, parsePriceText, type Money } from '../../shared/money.js';

/*
 * One row of a Meta catalog feed (reference §5) as a product. Only what a Toonbank product holds is
 * read; `link`, `brand`, `condition` and the rest are Meta's business and pass unchecked.
 *
 * availability → availability and visibility; `inventory`, when the row has one, is the tracked stock
 * (0 for out of stock and discontinued whatever it says). Without one the row says nothing about
 * stock: a new product is not tracked, a re-imported one keeps its count (see product-upsert.ts).
 *   in stock             in_stock
 *   out of stock         out_of_stock
 *   preorder             preorder
 *   available for order  available_for_order
 *   discontinued         out_of_stock, and archived: off the shop and out of carts
 * Spaces or underscores, any case ("in_stock", "In Stock"), as feeds written for Google have them.
 *
 * Price: what the customer pays now. `sale_price` replaces `price` when it is given and
 * `sale_price_effective_date` (start/end, ISO 8601) is absent or contains `now`. Feeds carry no VAT
 * rate: the product keeps its own on re-import, and a new one gets the shop's default.
 */

/** The columns Meta requires of a feed; `brand` may be replaced by `gtin` or `mpn`. */
export const REQUIRED_COLUMNS = ['id', 'title', 'description', 'availability', 'condition', 'price', 'link'] as const;
const IDENTIFIER_COLUMNS = ['brand', 'gtin', 'mpn'];

export function missingColumns(header: readonly string[]): string[] {
  const has = new Set(header);
  const missing: string[] = REQUIRED_COLUMNS.filter((column) => !has.has(column));
  if (!has.has('image_link')) missing.push('image_link');
  if (!IDENTIFIER_COLUMNS.some((column) => has.has(column))) missing.push('brand (or gtin or mpn)');
  return missing;
}

const AVAILABILITY: Record<string, { availability: ProductAvailability; archived: boolean }> = {
  'in stock': { availability: 'in_stock', archived: false },
  'out of stock': { availability: 'out_of_stock', archived: false },
  preorder: { availability: 'preorder', archived: false },
  'available for order': { availability: 'available_for_order', archived: false },
  discontinued: { availability: 'out_of_stock', archived: true },
};

const text = z.string().trim();

function priceColumn(value: string, ctx: z.RefinementCtx): Money {
  try {
    return parsePriceText(value);
  } catch (error) {
    if (!(error instanceof MoneyError)) throw error;
    ctx.addIssue({ code: 'custom', message: error.message });
    return z.NEVER;
  }
}

const FeedRowSchema = z.object({
  id: SkuSchema,
  title: text.min(1, 'is empty'),
  description: z.string().default(''),
  availability: text.transform((value, ctx) => {
    const known = AVAILABILITY[value.toLowerCase().replace(/_/g, ' ')];
    if (known) return known;
    ctx.addIssue({
      code: 'custom',
      message: `${JSON.stringify(value)} is not one of in stock, out of stock, preorder, available for order, discontinued`,
    });
    return z.NEVER;
  }),
  price: text.min(1, 'is empty').transform(priceColumn),
  sale_price: text.optional().transform((value, ctx) => (value ? priceColumn(value, ctx) : undefined)),
  sale_price_effective_date: text.optional().transform((value, ctx) => {
    if (!value) return undefined;
    const [from, to, extra] = value.split('/').map((part) => Date.parse(part));
    if (from !== undefined && to !== undefined && extra === undefined && !Number.isNaN(from) && !Number.isNaN(to)) {
      return { from, to };
    }
    ctx.addIssue({ code: 'custom', message: `${JSON.stringify(value)} is not a start/end pair of ISO 8601 dates` });
    return z.NEVER;
  }),
  inventory: text
    .optional()
    .transform((value) => (value ? Number(value) : undefined))
    .pipe(z.number({ error: 'is not a whole number' }).int('is not a whole number').min(0).optional()),
});

function images(row: Readonly<Record<string, string>>): string[] {
  const urls = [row['image_link'] ?? '', ...(row['additional_image_link'] ?? '').split(',')];
  // Flattened nested columns (`image[0].url`), in their index order.
  const nested = Object.keys(row)
    .map((column) => ({ column, index: /^image\[(\d+)\]\.url$/.exec(column)?.[1] }))
    .filter((entry): entry is { column: string; index: string } => entry.index !== undefined)
    .sort((a, b) => Number(a.index) - Number(b.index));
  urls.push(...nested.map(({ column }) => row[column] ?? ''));
  return [...new Set(urls.map((url) => url.trim()).filter(Boolean))];
}

/** The feed's column names for the product's fields, so a message names what the shop wrote. */
const COLUMN_OF: Record<string, string> = { sku: 'id', name: 'title', images: 'image_link', price: 'price' };

function issues(error: z.ZodError, input?: { images?: { url: string }[] }): string {
  return error.issues
    .map((issue) => {
      const [field, index] = issue.path;
      if (field === undefined) return issue.message;
      const column = COLUMN_OF[String(field)] ?? String(field);
      const url = field === 'images' && typeof index === 'number' ? input?.images?.[index]?.url : undefined;
      return url === undefined
        ? `${column}: ${issue.message}`
        : `${column}: ${JSON.stringify(url)} is not an http(s) URL`;
    })
    .join('; ');
}

export type FeedRowResult = { ok: true; product: ProductInput } | { ok: false; message: string };

/** A row (column name → value, header names lower-cased) as a product, or why it cannot be one. */
export function productFromFeedRow(row: Readonly<Record<string, string>>, now: number): FeedRowResult {
  const parsed = FeedRowSchema.safeParse(row);
  if (!parsed.success) return { ok: false, message: issues(parsed.error) };
  const { id, title, description, availability, price, sale_price, sale_price_effective_date, inventory } = parsed.data;

  let pays = price;
  if (sale_price) {
    if (sale_price.currency !== price.currency) {
      return { ok: false, message: `sale_price: in ${sale_price.currency}, while price is in ${price.currency}` };
    }
    if (sale_price.amount > price.amount) return { ok: false, message: 'sale_price: higher than price' };
    const window = sale_price_effective_date;
    if (!window || (window.from <= now && now <= window.to)) pays = sale_price;
  }

  const urls = images(row);
  if (urls.length > MAX_PRODUCT_IMAGES) {
    return { ok: false, message: `images: at most ${MAX_PRODUCT_IMAGES} (image_link and 20 additional)` };
  }
  const stock = inventory === undefined ? {} : { stock: availability.availability === 'out_of_stock' ? 0 : inventory };

  const input = {
    sku: id,
    name: title,
    description: description.trim(),
    price: pays,
    images: urls.map((url) => ({ source: 'url' as const, url })),
    ...stock,
    availability: availability.availability,
    visibility: availability.archived ? 'archived' : 'active',
  };
  const product = ProductInputSchema.safeParse(input);
  if (!product.success) return { ok: false, message: issues(product.error, input) };
  return { ok: true, product: product.data };
}
