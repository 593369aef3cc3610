import { z } from 'zod';
import { PriceSchema } from '../money.js';
import { VatRateSchema } from '../vat.js';

/*
 * The shop's catalog. A product's price is what the customer pays, VAT included; `vatRate` only
 * splits a total for the receipt. Its SKU is the retailer id WhatsApp uses (`product_retailer_id`,
 * the feed's `id`), unique in the catalog; `id` is the relay's own and never changes.
 *
 * Stock and availability: `stock` is the count on hand when the shop tracks it, `null` when it does
 * not. `availability` is what the shop states (as in a Meta feed); with tracked stock the count
 * decides instead, except that a preorder or made-to-order product stays orderable at 0.
 */

/** Meta caps retailer ids at 100 characters; control characters would break feeds and wa.me texts. */
export const SkuSchema = z
  .string()
  .trim()
  .min(1, 'a SKU is required')
  .max(100, 'a SKU has at most 100 characters (the WhatsApp retailer id limit)')
  .regex(/^[^\p{Cc}]*$/u, 'a SKU cannot contain line breaks or control characters');

export const ProductVisibilitySchema = z.enum(['active', 'archived']);
export type ProductVisibility = z.infer<typeof ProductVisibilitySchema>;

export const ProductAvailabilitySchema = z.enum(['in_stock', 'out_of_stock', 'preorder', 'available_for_order']);
export type ProductAvailability = z.infer<typeof ProductAvailabilitySchema>;

export const HttpUrlSchema = z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }).max(2000);

/** An image the relay stores (by the id of its bytes, with the original's size) or one on the web. */
export const ProductImageSchema = z.discriminatedUnion('source', [
  z.object({
    source: z.literal('upload'),
    id: z.string().regex(/^[0-9a-f]{32}$/),
    width: z.number().int().positive(),
    height: z.number().int().positive(),
  }),
  z.object({ source: z.literal('url'), url: HttpUrlSchema }),
]);
export type ProductImage = z.infer<typeof ProductImageSchema>;

/** As in a Meta feed: `image_link` and up to 20 `additional_image_link`s. */
export const MAX_PRODUCT_IMAGES = 21;
const NameSchema = z.string().trim().min(1, 'a name is required').max(200, 'a name has at most 200 characters');
const DescriptionSchema = z.string().max(9999, 'a description has at most 9999 characters');
const StockSchema = z.number().int().nonnegative().max(1_000_000_000).nullable();

export const ProductSchema = z.object({
  id: z.string().min(1),
  sku: SkuSchema,
  name: NameSchema,
  description: DescriptionSchema,
  price: PriceSchema,
  vatRate: VatRateSchema,
  images: z.array(ProductImageSchema).max(MAX_PRODUCT_IMAGES),
  stock: StockSchema,
  availability: ProductAvailabilitySchema,
  visibility: ProductVisibilitySchema,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Product = z.infer<typeof ProductSchema>;

/**
 * What creates or updates a product (the REST body, a feed row). PRODUCT.md's `imageUrl` is the
 * short form of one web image; `vatRate` left out means the shop's default.
 */
export const ProductInputSchema = z.object({
  sku: SkuSchema,
  name: NameSchema,
  price: PriceSchema,
  description: DescriptionSchema.optional(),
  vatRate: VatRateSchema.optional(),
  imageUrl: HttpUrlSchema.optional(),
  images: z.array(ProductImageSchema).max(MAX_PRODUCT_IMAGES).optional(),
  stock: StockSchema.optional(),
  availability: ProductAvailabilitySchema.optional(),
  visibility: ProductVisibilitySchema.optional(),
});
export type ProductInput = z.infer<typeof ProductInputSchema>;

/** A PATCH: any field of the input; `null` stock switches stock tracking off. */
export const ProductPatchSchema = ProductInputSchema.partial();
export type ProductPatch = z.infer<typeof ProductPatchSchema>;

/** What the customer can be told about a product now (see the header comment). */
export function availabilityOf(product: Pick<Product, 'stock' | 'availability'>): ProductAvailability {
  const { stock, availability } = product;
  if (stock === null) return availability;
  if (stock > 0) return 'in_stock';
  return availability === 'preorder' || availability === 'available_for_order' ? availability : 'out_of_stock';
}

export type Orderability = 'ok' | 'archived' | 'out_of_stock' | 'insufficient_stock';

/** Whether `quantity` of a product can be ordered now; anything but `ok` is for the agent to decide. */
export function orderability(
  product: Pick<Product, 'stock' | 'availability' | 'visibility'>,
  quantity: number,
): Orderability {
  if (product.visibility === 'archived') return 'archived';
  const availability = availabilityOf(product);
  if (availability === 'out_of_stock') return 'out_of_stock';
  if (availability === 'in_stock' && product.stock !== null && product.stock < quantity) return 'insufficient_stock';
  return 'ok';
}
