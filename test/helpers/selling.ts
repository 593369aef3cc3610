import { z } from 'zod';
import { ConversationListResponseSchema } from '../../shared/protocol/conversations.js';
import { api, type Harness } from './relay-harness.js';
import { inboundText, postWebhook, type Customer } from './webhooks.js';

/* Products and customers for the carts and orders tests, made through the relay's own API. */

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

/** The customer writes to the shop; resolves with their conversation's id. */
export async function customerWrites(
  h: Pick<Harness, 'url' | 'adminToken'>,
  customer: Customer,
  text = 'Hallo!',
  at = Date.now(),
): Promise<string> {
  await postWebhook(h.url, inboundText(customer, text, { at }));
  const list = ConversationListResponseSchema.parse((await api(h, h.adminToken, 'GET', '/api/v1/conversations')).body);
  const conversation = list.conversations.find((c) => c.contact.waId === customer.waId);
  if (!conversation) throw new Error('no conversation');
  return conversation.id;
}
