import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Product } from '../../shared/domain/catalog.js';
import { SkuSchema } from '../../shared/domain/catalog.js';
import type { CatalogService } from '../catalog/catalog-service.js';
import type { DomainEvents } from '../domain-events.js';
import {
  renderProductNotFound,
  renderProductPage,
  renderShopPage,
  shopProducts,
  type ShopContext,
} from './shop-pages.js';
import { SHOP_CONTENT_SECURITY_POLICY } from './shop-style.js';

const PageQuerySchema = z.object({ page: z.coerce.number().int().min(1).max(1_000_000).catch(1).default(1) });
const SkuParamsSchema = z.object({ sku: SkuSchema });

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

  app.get('/shop/p/:sku', async (request, reply) => {
    const shop = deps.shop();
    const params = SkuParamsSchema.safeParse(request.params);
    const product = params.success ? deps.catalog.getBySku(params.data.sku) : undefined;
    if (!product || product.visibility !== 'active') return html(reply, 404, renderProductNotFound(shop));
    return html(reply, 200, renderProductPage(product, shop));
  });
}
