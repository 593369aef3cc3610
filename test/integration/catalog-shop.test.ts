import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProductView } from '../../shared/protocol/catalog.js';
import { api, startHarness, type Harness } from '../helpers/relay-harness.js';

async function upload(h: Harness, token: string, id: string, bytes: Buffer, type = 'image/png') {
  const response = await fetch(`${h.url}/api/v1/products/${id}/images`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': type },
    body: new Uint8Array(bytes),
  });
  return {
    status: response.status,
    body: (await response.json()) as { product: ProductView; error?: { code: string } },
  };
}

const png = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#c0603a' } })
    .png()
    .toBuffer();

describe('product images and the hosted shop', () => {
  let h: Harness;
  let agentToken: string;
  let product: ProductView;
  beforeAll(async () => {
    h = await startHarness({ config: { shop: { name: 'Koffiebar Lena', waNumber: '32470123456', locale: 'en' } } });
    agentToken = (await h.addAgent('Ann')).token;
    const created = await api(h, h.adminToken, 'POST', '/api/v1/products', {
      sku: 'KOFFIE-250',
      name: 'Koffie <Arabica>',
      description: 'Single origin & fresh',
      price: { amount: 1250, currency: 'EUR' },
    });
    product = (created.body as { product: ProductView }).product;
  });
  afterAll(async () => {
    await h.stop();
  });

  it('stores an uploaded image resized, puts it first on the product and serves it with long caching', async () => {
    const result = await upload(h, h.adminToken, product.id, await png(2000, 1000));
    expect(result.status).toBe(201);
    const { imageUrl, images } = result.body.product;
    expect(images[0]).toMatchObject({ source: 'upload', width: 2000, height: 1000 });
    expect(imageUrl).toBe(`${h.url}/media/products/${images[0]?.source === 'upload' ? images[0].id : ''}/card.webp`);

    const card = await fetch(imageUrl ?? '');
    expect(card.status).toBe(200);
    expect(card.headers.get('content-type')).toBe('image/webp');
    expect(card.headers.get('cache-control')).toContain('immutable');
    expect(await sharp(Buffer.from(await card.arrayBuffer())).metadata()).toMatchObject({ width: 480, height: 240 });
    const large = await fetch((imageUrl ?? '').replace('card.webp', 'large.jpg'));
    expect(large.headers.get('content-type')).toBe('image/jpeg');
    expect((await sharp(Buffer.from(await large.arrayBuffer())).metadata()).width).toBe(1024);
    expect((await fetch(`${h.url}/media/products/${'0'.repeat(32)}/card.webp`)).status).toBe(404);
    expect((await fetch(`${h.url}/media/products/..%2F..%2Fcatalog.json/card.webp`)).status).toBe(404);
  });

  it('refuses uploads from agents, of other types, damaged or too small, and for unknown products', async () => {
    const good = await png(300, 300);
    expect((await upload(h, agentToken, product.id, good)).status).toBe(403);
    expect((await upload(h, h.adminToken, 'nope', good)).status).toBe(404);
    const gif = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1');
    expect(await upload(h, h.adminToken, product.id, gif, 'image/jpeg')).toMatchObject({
      status: 415,
      body: { error: { code: 'UNSUPPORTED_MEDIA_TYPE' } },
    });
    expect((await upload(h, h.adminToken, product.id, await png(50, 50))).status).toBe(400);
    expect((await upload(h, h.adminToken, product.id, good.subarray(0, 60))).status).toBe(400);
    expect((await upload(h, h.adminToken, product.id, good, 'image/gif')).status).toBe(415);
    const huge = Buffer.concat([good, Buffer.alloc(11 * 1024 * 1024)]);
    expect(await upload(h, h.adminToken, product.id, huge)).toMatchObject({
      status: 413,
      body: { error: { code: 'PAYLOAD_TOO_LARGE' } },
    });
    // Nothing of the refused uploads was put on the product.
    const after = (await api(h, h.adminToken, 'GET', `/api/v1/products/${product.id}`)).body as {
      product: ProductView;
    };
    expect(after.product.images).toHaveLength(1);
  });

  it('serves the public shop and product pages, escaped, with the CSP, and a 404 page for an unknown or archived SKU', async () => {
    const shop = await fetch(`${h.url}/shop`);
    expect(shop.status).toBe(200);
    expect(shop.headers.get('content-type')).toContain('text/html');
    expect(shop.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(shop.headers.get('x-content-type-options')).toBe('nosniff');
    const html = await shop.text();
    expect(html).toContain('Koffiebar Lena');
    expect(html).toContain('Koffie &lt;Arabica&gt;');
    expect(html).not.toContain('<Arabica>');
    expect(html).toContain('href="https://wa.me/32470123456?text=');

    const page = await fetch(`${h.url}/shop/p/KOFFIE-250`);
    expect(page.status).toBe(200);
    const text = await page.text();
    expect(text).toContain('Single origin &amp; fresh');
    const link = /href="(https:\/\/wa\.me\/[^"]+)"/.exec(text)?.[1] ?? '';
    expect(decodeURIComponent(link.split('text=')[1] ?? '')).toContain('KOFFIE-250');

    const snippet = await api(h, agentToken, 'GET', `/api/v1/products/${product.id}/buy-button`);
    expect(snippet.status).toBe(200);
    const htmlSnippet = (snippet.body as { html: string }).html;
    expect(htmlSnippet).toMatch(/^<a href="https:\/\/wa\.me\/32470123456\?text=[^"]+"/);
    expect(htmlSnippet).toContain('Koffie &lt;Arabica&gt;');

    const facts = await fetch(`${h.url}/shop/products.json?sku=KOFFIE-250&sku=NOPE`);
    expect(await facts.json()).toEqual({
      products: [
        {
          sku: 'KOFFIE-250',
          name: 'Koffie <Arabica>',
          price: { amount: 1250, currency: 'EUR' },
          imageUrl: expect.stringContaining('/media/products/') as unknown,
          url: `${h.url}/shop/p/KOFFIE-250`,
          availability: 'in_stock',
        },
      ],
    });

    const missing = await fetch(`${h.url}/shop/p/NOPE`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toContain('text/html');
    await api(h, h.adminToken, 'DELETE', `/api/v1/products/${product.id}`);
    expect((await fetch(`${h.url}/shop/p/KOFFIE-250`)).status).toBe(404);
    expect(await (await fetch(`${h.url}/shop`)).text()).not.toContain('Koffie &lt;Arabica&gt;');
  });
});
