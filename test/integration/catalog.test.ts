import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProductView } from '../../shared/protocol/catalog.js';
import { api, command, connectClient, startHarness, type Harness } from '../helpers/relay-harness.js';

const koffie = { sku: 'KOFFIE-250', name: 'Koffie Arabica 250 g', price: { amount: 1250, currency: 'EUR' }, stock: 5 };

async function feed(h: Harness, token: string, body: string, type = 'text/csv') {
  const response = await fetch(`${h.url}/api/v1/products/import`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': type },
    body,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const HEADER = 'id,title,description,availability,condition,price,link,image_link,brand';
const feedRow = (id: string, title: string, price = '9.99 EUR', availability = 'in stock') =>
  [
    id,
    title,
    'A fine thing',
    availability,
    'new',
    price,
    `https://shop.example/p/${id}`,
    `https://shop.example/i/${id}.jpg`,
    'Toonbank',
  ].join(',');

describe('the catalog over REST and Socket.IO', () => {
  let h: Harness;
  let agentToken: string;
  beforeAll(async () => {
    h = await startHarness();
    agentToken = (await h.addAgent('Ann')).token;
  });
  afterAll(async () => {
    await h.stop();
  });

  it('lets supervisors create, edit and archive products; agents read and are refused writes with 403', async () => {
    const agentSocket = await connectClient(h.url, agentToken);
    const upsert = agentSocket.next('product:upsert', (e) => e.products.some((p) => p.sku === koffie.sku));
    const created = await api(h, h.adminToken, 'POST', '/api/v1/products', koffie);
    expect(created.status).toBe(201);
    const product = (created.body as { product: ProductView }).product;
    expect(product).toMatchObject({ ...koffie, vatRate: 21, visibility: 'active', imageUrl: null, description: '' });
    expect((await upsert).products[0]).toEqual(product);

    expect((await api(h, agentToken, 'POST', '/api/v1/products', { ...koffie, sku: 'X' })).status).toBe(403);
    expect((await api(h, agentToken, 'PATCH', `/api/v1/products/${product.id}`, { name: 'Nope' })).status).toBe(403);
    expect((await api(h, agentToken, 'DELETE', `/api/v1/products/${product.id}`)).status).toBe(403);
    const dup = await api(h, h.adminToken, 'POST', '/api/v1/products', koffie);
    expect(dup).toMatchObject({ status: 409, body: { error: { code: 'CONFLICT' } } });
    const bad = await api(h, h.adminToken, 'POST', '/api/v1/products', { ...koffie, sku: 'B', price: { amount: 1.5 } });
    expect(bad).toMatchObject({ status: 400, body: { error: { code: 'BAD_REQUEST' } } });

    const listed = await api(h, agentToken, 'GET', '/api/v1/products');
    expect((listed.body as { products: ProductView[] }).products.map((p) => p.sku)).toContain(koffie.sku);

    const patched = await api(h, h.adminToken, 'PATCH', `/api/v1/products/${product.id}`, {
      name: 'Koffie Arabica',
      imageUrl: 'https://shop.example/koffie.jpg',
    });
    expect(patched).toMatchObject({
      status: 200,
      body: { product: { name: 'Koffie Arabica', imageUrl: 'https://shop.example/koffie.jpg', sku: koffie.sku } },
    });
    expect((await api(h, h.adminToken, 'PATCH', '/api/v1/products/nope', { name: 'x' })).status).toBe(404);

    const archived = await api(h, h.adminToken, 'DELETE', `/api/v1/products/${product.id}`);
    expect(archived).toMatchObject({ status: 200, body: { product: { visibility: 'archived' } } });
    const active = (await api(h, agentToken, 'GET', '/api/v1/products')).body as { products: ProductView[] };
    expect(active.products.map((p) => p.id)).not.toContain(product.id);
    const all = (await api(h, agentToken, 'GET', '/api/v1/products?includeArchived=true')).body as {
      products: ProductView[];
    };
    expect(all.products.map((p) => p.id)).toContain(product.id);
    // Still there by id, for the orders and carts that hold it.
    expect((await api(h, agentToken, 'GET', `/api/v1/products/${product.id}`)).status).toBe(200);
    agentSocket.close();
  });

  it('searches by any part of a name or SKU, ignoring case and accents, over REST and the socket', async () => {
    for (const p of [
      { sku: 'CREME-1', name: 'Crème brûlée', price: { amount: 450, currency: 'EUR' } },
      { sku: 'THEE-GROEN', name: 'Groene thee', price: { amount: 390, currency: 'EUR' } },
    ]) {
      expect((await api(h, h.adminToken, 'POST', '/api/v1/products', p)).status).toBe(201);
    }
    const rest = (await api(h, agentToken, 'GET', '/api/v1/products?q=creme')).body as { products: ProductView[] };
    expect(rest.products.map((p) => p.sku)).toEqual(['CREME-1']);
    const socket = await connectClient(h.url, agentToken);
    const bySku = await command(socket.socket, 'catalog:search', { q: 'groen' });
    expect(bySku.products.map((p) => p.name)).toEqual(['Groene thee']);
    socket.close();
  });

  it('imports a Meta feed: good rows in, bad rows reported by line, a re-import updates by SKU', async () => {
    const first = [HEADER, feedRow('F-1', 'Filter papers'), feedRow('F-2', 'Broken', 'cheap'), feedRow('F-3', 'Mug')];
    const result = await feed(h, h.adminToken, first.join('\n'));
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ imported: 2, updated: 0, errors: [{ line: 3 }] });
    expect((result.body.errors as { message: string }[])[0]?.message).toMatch(/price/i);

    const again = [HEADER, feedRow('F-1', 'Filter papers (100)', '3.50 EUR'), feedRow('F-4', 'Spoon')].join('\r\n');
    const tsv = again.replaceAll(',', '\t');
    const second = await feed(h, h.adminToken, tsv, 'text/tab-separated-values');
    expect(second.body).toEqual({ imported: 1, updated: 1, errors: [] });
    const found = (await api(h, agentToken, 'GET', '/api/v1/products?q=F-1')).body as { products: ProductView[] };
    expect(found.products).toHaveLength(1);
    expect(found.products[0]).toMatchObject({ name: 'Filter papers (100)', price: { amount: 350, currency: 'EUR' } });

    expect((await feed(h, agentToken, first.join('\n'))).status).toBe(403);
    const json = await api(h, h.adminToken, 'POST', '/api/v1/products/import', { rows: [] });
    expect(json).toMatchObject({ status: 415, body: { error: { code: 'UNSUPPORTED_MEDIA_TYPE' } } });
  });

  it('imports a 10,000-row feed with broken rows: every good row in, each broken one reported', async () => {
    const lines = [HEADER];
    const broken: number[] = [];
    for (let i = 0; i < 10_000; i++) {
      if (i % 1000 === 7) {
        lines.push(feedRow(`BIG-${i}`, `Big ${i}`, 'twelve euros'));
        broken.push(lines.length);
      } else lines.push(feedRow(`BIG-${i}`, `Big product ${i}`, `${(i % 50) + 1}.95 EUR`));
    }
    const body = lines.join('\n');
    expect(body.length).toBeGreaterThan(256 * 1024); // over the API's JSON limit: the route has its own
    const result = await feed(h, h.adminToken, body);
    expect(result.status).toBe(200);
    expect(result.body['imported']).toBe(9_990);
    expect((result.body.errors as { line: number }[]).map((e) => e.line)).toEqual(broken);
    const big = (await api(h, agentToken, 'GET', '/api/v1/products?q=big product 9999')).body as {
      products: ProductView[];
    };
    expect(big.products[0]).toMatchObject({ sku: 'BIG-9999', price: { amount: 5095, currency: 'EUR' } });
  });

  it('keeps every acknowledged change across a restart, and sets an unreadable catalog file aside', async () => {
    const before = (await api(h, agentToken, 'GET', '/api/v1/products?includeArchived=true')).body as {
      products: ProductView[];
    };
    await h.restart();
    const after = (await api(h, agentToken, 'GET', '/api/v1/products?includeArchived=true')).body as {
      products: ProductView[];
    };
    expect(after.products).toEqual(before.products);
    const file = join(h.dataDir, 'catalog.json');
    expect(JSON.parse(await readFile(file, 'utf8'))).toHaveProperty('products');

    // Written while the relay runs: it only writes the file when the catalog changes.
    await writeFile(file, '{"products": [{"sku": 1}]');
    await h.restart();
    expect((await readdir(join(h.dataDir, 'quarantine'))).some((name) => name.endsWith('catalog.json'))).toBe(true);
    const empty = (await api(h, agentToken, 'GET', '/api/v1/products')).body as { products: ProductView[] };
    expect(empty.products).toEqual([]);
    const created = await api(h, h.adminToken, 'POST', '/api/v1/products', koffie);
    expect(created.status).toBe(201);
  });
});
