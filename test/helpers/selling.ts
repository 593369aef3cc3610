import { z } from 'zod';
import { api, type Harness } from './relay-harness.js';

/* Products for the carts and orders tests, made through the relay's own API. */

const ProductIdSchema = z.object({ product: z.object({ id: z.string(), sku: z.string(), name: z.string() }) });

export async function addProduct(
  h: Pick<Harness, 'url' | 'adminToken'>,
  input: { sku: string; name: string; amount: number; vatRate?: number; stock?: number | null; currency?: string },
): Promise<{ id: string; sku: string; name: string }> {
  const response = await api(h, h.adminToken, 'POST', '/api/v1/products', {
    sku: input.sku,
    name: input.name,
    price: { amount: input.amount, currency: input.currency ?? 'EUR' },
    ...(input.vatRate === undefined ? {} : { vatRate: input.vatRate }),
    ...(input.stock === undefined ? {} : { stock: input.stock }),
  });
  if (response.status !== 201) throw new Error(`product not created: ${JSON.stringify(response.body)}`);
  return ProductIdSchema.parse(response.body).product;
}
