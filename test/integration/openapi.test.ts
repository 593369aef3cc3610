import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startHarness, type Harness } from '../helpers/relay-harness.js';

describe('GET /api/v1/openapi.json', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.stop();
  });

  it('describes every route of the API with schemas generated from the ones the relay parses with', async () => {
    const { status, body } = await api(h, null, 'GET', '/api/v1/openapi.json');
    expect(status).toBe(200);
    const doc = body as { openapi: string; paths: Record<string, Record<string, { requestBody?: unknown }>> };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/auth/login',
        '/api/v1/agents',
        '/api/v1/agents/{id}',
        '/api/v1/me/presence',
        '/api/v1/conversations',
        '/api/v1/conversations/{id}',
        '/api/v1/conversations/{id}/read',
        '/api/v1/conversations/{id}/labels',
        '/api/v1/labels',
        '/api/v1/labels/{id}',
        '/api/v1/settings',
        '/api/v1/conversations/{id}/messages',
        '/api/v1/conversations/{id}/assign',
        '/api/v1/products',
        '/api/v1/products/{id}',
        '/api/v1/products/import',
        '/api/v1/conversations/{id}/cart',
        '/api/v1/conversations/{id}/cart/items/{productId}',
        '/api/v1/conversations/{id}/payment-link',
        '/api/v1/orders',
        '/webhooks/mollie',
        '/webhooks/stripe',
        '/webhooks/whatsapp',
      ]),
    );
    const login = JSON.stringify(doc.paths['/api/v1/auth/login']?.['post']?.requestBody);
    expect(login).toContain('"email"');
    expect(login).toContain('"password"');
  });
});
