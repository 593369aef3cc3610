import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Product } from '../../shared/domain/catalog.js';
import { SkuSchema, availabilityOf } from '../../shared/domain/catalog.js';
import { parseInput } from '../kit/parse-input.js';
import type { CatalogService } from '../catalog/catalog-service.js';
import type { DomainEvents } from '../domain-events.js';
import {
  productPath,
  renderProductNotFound,
  renderProductPage,
  renderShopPage,
  shopProducts,
  type ShopContext,
} from './shop-pages.js';
import { SHOP_CONTENT_SECURITY_POLICY } from './shop-style.js';

const PageQuerySchema = z.object({ page: z.coerce.number().int().min(1).max(1_000_000).catch(1).default(1) });
const SkuParamsSchema = z.object({ sku: SkuSchema });
const SkuQuerySchema = z.object({
  sku: z
    .union([z.string().max(100), z.array(z.string().max(100)).max(30)])
    .transform((v) => (Array.isArray(v) ? v : [v])),
});

/**
 * The public shop, no sign-in: `GET /shop` (the grid, `?page=N`) and `GET /shop/p/:sku`. The sorted
 * catalog is kept until a product changes, so a page is a slice and a render however large the shop.
 * An unknown or archived SKU is a 404 page in the shop's look.
 */
export function registerShopRoutes(
  app: FastifyInstance,
  deps: { catalog: CatalogService; events: DomainEvents; shop: () => ShopContext },
): void {
  let sorted: Product[] | null = null;
  deps.events.subscribe((event) => {
    if (event.type === 'products.changed') sorted = null;
  });
  const html = (reply: FastifyReply, status: number, body: string) =>
    reply
      .code(status)
      .header('content-type', 'text/html; charset=utf-8')
      .header('content-security-policy', SHOP_CONTENT_SECURITY_POLICY)
      .header('cache-control', 'public, max-age=60')
      .send(body);

  app.get('/shop', async (request, reply) => {
    const shop = deps.shop();
    sorted ??= shopProducts(deps.catalog.list(), shop.locale);
    const { page } = PageQuerySchema.parse(request.query ?? {});
    return html(reply, 200, renderShopPage(sorted, shop, page));
  });

  // The public facts of some products by SKU (unknown and archived ones left out), for the sandbox phone.
  app.get('/shop/products.json', async (request, reply) => {
    const { sku } = parseInput(SkuQuerySchema, request.query, 'query');
    const { publicUrl } = deps.shop();
    const products = sku.flatMap((one) => {
      const product = deps.catalog.getBySku(one);
      if (!product || product.visibility !== 'active') return [];
      return [
        {
          sku: product.sku,
          name: product.name,
          price: product.price,
          imageUrl: deps.catalog.view(product).imageUrl,
          url: `${publicUrl}${productPath(product.sku)}`,
          availability: availabilityOf(product),
        },
      ];
    });
    return reply.header('cache-control', 'public, max-age=60').send({ products });
  });

  app.get('/shop/p/:sku', async (request, reply) => {
    const shop = deps.shop();
    const params = SkuParamsSchema.safeParse(request.params);
    const product = params.success ? deps.catalog.getBySku(params.data.sku) : undefined;
    if (!product || product.visibility !== 'active') return html(reply, 404, renderProductNotFound(shop));
    return html(reply, 200, renderProductPage(product, shop));
  });
}
