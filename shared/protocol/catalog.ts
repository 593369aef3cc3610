import { z } from 'zod';
import { ProductInputSchema, ProductPatchSchema, ProductSchema } from '../domain/catalog.js';
import { ConversationRefSchema } from './conversations.js';
import { ClientIdSchema, MessageResponseSchema } from './messages.js';
import type { CommandSpecs, EventSchemas } from './spec.js';

/*
 * The catalog over REST and Socket.IO. A product as clients see it carries `imageUrl`: its first
 * image, ready to show (an uploaded image's card-sized variant on the relay, or the web image).
 */

export const ProductViewSchema = ProductSchema.extend({ imageUrl: z.string().nullable() });
export type ProductView = z.infer<typeof ProductViewSchema>;

export const ProductIdSchema = z.string().min(1).max(100);

export const ProductListQuerySchema = z.object({
  /** Name or SKU, any part of it, case and accents ignored. */
  q: z.string().max(200).optional(),
  /** Archived products are left out unless asked for. */
  includeArchived: z
    .enum(['true', 'false'])
    .optional()
    .transform((value) => value === 'true'),
});

export const ProductListResponseSchema = z.object({ products: z.array(ProductViewSchema) });
export const ProductResponseSchema = z.object({ product: ProductViewSchema });
export const CreateProductRequestSchema = ProductInputSchema;
export const PatchProductRequestSchema = ProductPatchSchema;

/**
 * What anyone may know of an active product (as the public shop shows it): the sandbox phone reads
 * it to show native product messages as WhatsApp shows them from Meta's catalog.
 */
export const ShopProductSchema = z.object({
  sku: z.string(),
  name: z.string(),
  price: ProductSchema.shape.price,
  imageUrl: z.string().nullable(),
  url: z.string(),
  availability: ProductSchema.shape.availability,
});
export type ShopProduct = z.infer<typeof ShopProductSchema>;
export const ShopProductsResponseSchema = z.object({ products: z.array(ShopProductSchema) });

/** The HTML of an "Order on WhatsApp" button to paste on the shop's own site. */
export const BuyButtonResponseSchema = z.object({ html: z.string() });

export const ImportLineErrorSchema = z.object({ line: z.number().int().positive(), message: z.string() });
export const ImportResponseSchema = z.object({
  imported: z.number().int().nonnegative(),
  updated: z.number().int().nonnegative(),
  errors: z.array(ImportLineErrorSchema),
});
export type ImportResult = z.infer<typeof ImportResponseSchema>;

/** One product or many (an import) changed: created, edited, archived, stock moved. */
export const ProductUpsertEventSchema = z.object({ products: z.array(ProductViewSchema) });
export type ProductUpsertEvent = z.infer<typeof ProductUpsertEventSchema>;

export const ProductSearchCommandSchema = z.object({
  q: z.string().max(200).default(''),
  limit: z.number().int().min(1).max(500).default(100),
});

/** Products to a conversation: one card, or a list of at most 30, with an optional note. */
export const SendProductsRequestSchema = z.object({
  productIds: z.array(ProductIdSchema).min(1, 'choose at least one product').max(30, 'at most 30 products at once'),
  text: z.string().max(1000).optional(),
  clientId: ClientIdSchema.optional(),
  /** A supervisor sending in a chat assigned to someone else says yes to it (as for a reply). */
  confirmAssignedToOther: z.boolean().optional(),
});
export type SendProductsRequest = z.infer<typeof SendProductsRequestSchema>;
export const SendProductsCommandSchema = ConversationRefSchema.extend(SendProductsRequestSchema.shape).extend({
  clientId: ClientIdSchema,
});

export const catalogCommands = {
  /** Sends the products as the caller (as a reply: who may send, the 24-hour window, the send limit). */
  'catalog:send': { request: SendProductsCommandSchema, response: MessageResponseSchema },
  /** Active products whose name or SKU contains `q` (all active ones for an empty `q`). */
  'catalog:search': { request: ProductSearchCommandSchema, response: ProductListResponseSchema },
} satisfies CommandSpecs;

export const catalogEvents = {
  'product:upsert': ProductUpsertEventSchema,
} satisfies EventSchemas;
