import { readJson } from '../../shared/client/commands.js';
import { command } from '../../shared/client/relay-client.js';
import type { Message } from '../../shared/domain/message.js';
import type { ProductInput, ProductPatch } from '../../shared/domain/catalog.js';
import {
  ImportResponseSchema,
  ProductListResponseSchema,
  ProductResponseSchema,
  type ImportResult,
  type ProductView,
} from '../../shared/protocol/catalog.js';
import type { RelayLink } from '../inbox/relay-link';

/** Active products whose name or SKU contains `q`. */
export async function searchProducts(link: RelayLink, q: string, limit = 100): Promise<ProductView[]> {
  return (await command(link.socket(), 'catalog:search', { q, limit })).products;
}

/** Sends products to the conversation as the caller; the message arrives in the thread as `message:new`. */
export async function sendProducts(
  link: RelayLink,
  conversationId: string,
  productIds: string[],
  options: { confirmAssignedToOther?: boolean } = {},
): Promise<Message> {
  const clientId = crypto.randomUUID();
  const { message } = await command(link.socket(), 'catalog:send', {
    conversationId,
    productIds,
    clientId,
    ...options,
  });
  return message;
}

async function rest<T>(
  link: RelayLink,
  method: string,
  path: string,
  schema: { parse(value: unknown): T },
  body?: unknown,
): Promise<T> {
  const response = await fetch(`${link.rest.baseUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${link.rest.token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return readJson(response, schema);
}

/** Every product, archived ones too (the supervisors' Products screen). */
export async function listAllProducts(link: RelayLink): Promise<ProductView[]> {
  return (await rest(link, 'GET', '/api/v1/products?includeArchived=true', ProductListResponseSchema)).products;
}

export async function createProduct(link: RelayLink, input: ProductInput): Promise<ProductView> {
  return (await rest(link, 'POST', '/api/v1/products', ProductResponseSchema, input)).product;
}

export async function patchProduct(link: RelayLink, id: string, patch: ProductPatch): Promise<ProductView> {
  return (await rest(link, 'PATCH', `/api/v1/products/${encodeURIComponent(id)}`, ProductResponseSchema, patch))
    .product;
}

export async function archiveProduct(link: RelayLink, id: string): Promise<ProductView> {
  return (await rest(link, 'DELETE', `/api/v1/products/${encodeURIComponent(id)}`, ProductResponseSchema)).product;
}

export async function uploadProductImage(link: RelayLink, id: string, file: File): Promise<ProductView> {
  const response = await fetch(`${link.rest.baseUrl}/api/v1/products/${encodeURIComponent(id)}/images`, {
    method: 'POST',
    headers: { authorization: `Bearer ${link.rest.token}`, 'content-type': file.type || 'application/octet-stream' },
    body: file,
  });
  return (await readJson(response, ProductResponseSchema)).product;
}

/**
 * Uploads a feed with XMLHttpRequest, the one browser API that reports upload progress
 * (`onProgress`: 0…1); resolves with the relay's report once it has read every row.
 */
export function importFeed(link: RelayLink, file: File, onProgress: (fraction: number) => void): Promise<ImportResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${link.rest.baseUrl}/api/v1/products/import`);
    xhr.setRequestHeader('authorization', `Bearer ${link.rest.token}`);
    const tsv = /\.tsv$/i.test(file.name) || file.type === 'text/tab-separated-values';
    xhr.setRequestHeader('content-type', tsv ? 'text/tab-separated-values' : 'text/csv');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onerror = () => {
      reject(new Error('The relay could not be reached'));
    };
    xhr.onload = () => {
      const response = new Response(xhr.responseText, {
        status: xhr.status,
        headers: { 'content-type': 'application/json' },
      });
      readJson(response, ImportResponseSchema).then(resolve, reject);
    };
    xhr.send(file);
  });
}
