import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Product } from '../../shared/domain/catalog.js';
import { buyButtonSnippet } from './buy-button.js';
import { escapeHtml, markup, safeUrl } from './html.js';
import {
  SHOP_PAGE_SIZE,
  productPath,
  renderProductNotFound,
  renderProductPage,
  renderShopPage,
  shopProducts,
  type ShopContext,
} from './shop-pages.js';
import { SHOP_CONTENT_SECURITY_POLICY } from './shop-style.js';
import { findOrderedProduct, orderOnWhatsAppUrl, orderText } from './wa-link.js';

const shop: ShopContext = {
  name: 'De Koffiebar',
  waNumber: '32470123456',
  locale: 'nl-BE',
  publicUrl: 'https://relay.example',
};
const upload = { source: 'upload' as const, id: '0123456789abcdef0123456789abcdef', width: 2000, height: 1000 };

function product(sku: string, name: string, extra: Partial<Product> = {}): Product {
  return {
    id: `prd_${sku}`,
    sku,
    name,
    description: '',
    price: { amount: 1250, currency: 'EUR' },
    vatRate: 6,
    images: [upload],
    stock: null,
    availability: 'in_stock',
    visibility: 'active',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...extra,
  };
}

const HOSTILE = `<script>alert(1)</script>"><img src=x onerror=alert(2)>' onmouseover='alert(3)`;

/**
 * Every tag and attribute name in a page. Escaped text holds no raw "<" and no raw quote, so each
 * "<…>" is a real tag and each quoted value ends where the page's author ended it.
 */
function structure(page: string): { tags: Set<string>; attributes: Set<string> } {
  const tags = new Set<string>();
  const attributes = new Set<string>();
  for (const [, name = '', rest = ''] of page.matchAll(/<\/?([a-z!][a-z0-9]*)([^>]*)>/gi)) {
    tags.add(name.toLowerCase());
    const bare = rest.replace(/\s[a-z-]+="[^"]*"/gi, (attribute) => {
      attributes.add(attribute.trim().split('=')[0] ?? '');
      return '';
    });
    for (const word of bare.trim().split(/\s+/).filter(Boolean)) attributes.add(word.toLowerCase());
  }
  return { tags, attributes };
}

describe('HTML escaping', () => {
  it('escapes every interpolation that is not already HTML', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    const inner = markup`<b>${'<i>'}</b>`;
    expect(markup`<p title="${'"'}">${inner}${[inner, inner]}${null}${false}${3}</p>`.value).toBe(
      '<p title="&quot;"><b>&lt;i&gt;</b><b>&lt;i&gt;</b><b>&lt;i&gt;</b>3</p>',
    );
    expect([
      safeUrl('javascript:alert(1)'),
      safeUrl('//evil.example'),
      safeUrl('/shop'),
      safeUrl('https://x.example'),
    ]).toEqual(['#', '#', '/shop', 'https://x.example']);
  });

  it('shows hostile product text and shop names as text on every page', () => {
    const evil = product(`A"><script>1</script>`, HOSTILE, {
      description: `</p><script>alert(4)</script>\nline two`,
      images: [{ source: 'url', url: 'https://img.example/a.jpg?"><script>' }],
      availability: 'out_of_stock',
    });
    const hostileShop = { ...shop, name: `<b onclick="x">Shop</b>` };
    const allowedTags =
      'a article body div footer h1 h2 head header html img li link main meta nav p span style title ul !doctype';
    for (const page of [
      renderShopPage([evil], hostileShop),
      renderProductPage(evil, hostileShop),
      renderProductNotFound(hostileShop),
    ]) {
      const { tags, attributes } = structure(page);
      expect([...tags].filter((tag) => !allowedTags.split(' ').includes(tag))).toEqual([]);
      expect([...attributes].filter((name) => name.startsWith('on') || name === 'srcdoc')).toEqual([]);
      expect(page).toContain('&lt;b onclick=&quot;x&quot;&gt;Shop&lt;/b&gt;');
    }
    const page = renderProductPage(evil, hostileShop);
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(2)&gt;&#39;');
    expect(page).toContain('&lt;/p&gt;&lt;script&gt;alert(4)&lt;/script&gt;\nline two');
    expect(renderShopPage([evil], shop)).toContain(`href="/shop/p/A%22%3E%3Cscript%3E1%3C%2Fscript%3E"`);
    expect(page).toContain(
      '<meta name="description" content="&lt;/p&gt;&lt;script&gt;alert(4)&lt;/script&gt; line two">',
    );
    expect(page.match(/<img /g)).toHaveLength(1);
  });
});

describe('Order on WhatsApp', () => {
  it('links to wa.me with the product and its SKU in the prefilled text', () => {
    const coffee = product('KOFFIE-250', 'Koffie 250 g');
    expect(orderOnWhatsAppUrl('32470123456', coffee, 'nl-BE')).toBe(
      'https://wa.me/32470123456?text=Hallo!%20Ik%20wil%20graag%20bestellen%3A%20Koffie%20250%20g%20(SKU%3A%20KOFFIE-250)',
    );
    expect(orderText(coffee, 'fr-BE')).toBe('Bonjour ! Je voudrais commander : Koffie 250 g (réf. KOFFIE-250)');
    expect(orderText(coffee, 'de-DE')).toBe("Hi! I'd like to order: Koffie 250 g (SKU: KOFFIE-250)");
    expect(orderOnWhatsAppUrl('32470123456', product('A&B=C#1', 'X & Y'), 'en')).toBe(
      "https://wa.me/32470123456?text=Hi!%20I'd%20like%20to%20order%3A%20X%20%26%20Y%20(SKU%3A%20A%26B%3DC%231)",
    );
  });

  it('recognises the product in a customer’s first message, in any language and after edits', () => {
    const catalog = [product('KOFFIE-250', 'Koffie'), product('MUG (L)', 'Mug large'), product('thé', 'Thé')];
    const find = (sku: string) => catalog.find((p) => p.sku === sku);
    for (const locale of ['en', 'nl-BE', 'fr-BE']) {
      for (const p of catalog) expect(findOrderedProduct(orderText(p, locale), find)).toBe(p);
    }
    expect(findOrderedProduct('Hoi! Graag 2 stuks van (sku:KOFFIE-250), kan dat vandaag?', find)?.sku).toBe(
      'KOFFIE-250',
    );
    expect(findOrderedProduct('(SKU: nope) and (SKU: MUG (L))', find)?.sku).toBe('MUG (L)');
    expect(findOrderedProduct('Do you have KOFFIE-250?', find)).toBeNull();
    expect(findOrderedProduct('(SKU: KOFFIE-250', find)).toBeNull();
  });

  it('gives a self-contained, escaped button to paste on the shop’s own site', () => {
    expect(buyButtonSnippet(product('KOFFIE-250', 'Koffie 250 g'), shop)).toBe(
      '<a href="https://wa.me/32470123456?text=Hallo!%20Ik%20wil%20graag%20bestellen%3A%20Koffie%20250%20g%20(SKU%3A%20KOFFIE-250)" target="_blank" rel="noopener" style="display:inline-block;padding:12px 20px;border-radius:999px;background:#25d366;color:#0b1f14;font:600 16px/1.2 system-ui,-apple-system,&quot;Segoe UI&quot;,Roboto,sans-serif;text-decoration:none" aria-label="Bestel Koffie 250 g via WhatsApp">Bestel via WhatsApp</a>',
    );
    const snippet = buyButtonSnippet(product('X', HOSTILE), { ...shop, locale: 'en' });
    expect(structure(snippet)).toEqual({
      tags: new Set(['a']),
      attributes: new Set(['href', 'target', 'rel', 'style', 'aria-label']),
    });
    expect(snippet).toContain('aria-label="Order &lt;script&gt;');
  });
});

describe('the hosted shop', () => {
  const many = Array.from({ length: 100 }, (_, i) => product(`SKU-${i}`, `Item ${i}`));

  it('shows active products by name, numbers in order, accents as letters', () => {
    const sorted = shopProducts(
      [
        product('a', 'Item 10'),
        product('b', 'éclair'),
        product('c', 'Item 2'),
        product('d', 'Appel'),
        product('e', 'Zoet', { visibility: 'archived' }),
        product('f', 'banaan'),
      ],
      'nl-BE',
    );
    expect(sorted.map((p) => p.name)).toEqual(['Appel', 'banaan', 'éclair', 'Item 2', 'Item 10']);
  });

  it('pages the grid, with links between pages and the first row loaded first', () => {
    const first = renderShopPage(many, shop);
    expect(first.match(/<li class="card">/g)).toHaveLength(SHOP_PAGE_SIZE);
    expect(first).toContain('<a href="/shop?page=2" rel="next">Volgende</a>');
    expect(first).not.toContain('rel="prev"');
    expect(first).toContain('<span>Pagina 1 van 3</span>');
    expect(first.match(/fetchpriority="high"/g)).toHaveLength(4);
    expect(first.match(/loading="lazy"/g)).toHaveLength(SHOP_PAGE_SIZE - 4);
    const imgs = first.match(/<img [^>]*>/g) ?? [];
    expect(imgs.every((tag) => /width="480" height="240"/.test(tag))).toBe(true);
    expect(imgs[0]).toContain(`src="/media/products/${upload.id}/card.webp"`);

    const last = renderShopPage(many, shop, 3);
    expect(last.match(/<li class="card">/g)).toHaveLength(100 - 2 * SHOP_PAGE_SIZE);
    expect(last).toContain('<a href="/shop?page=2" rel="prev">Vorige</a>');
    expect(renderShopPage(many, shop, 99)).toBe(last);
    expect(renderShopPage(many, shop, Number.NaN)).toBe(first);
    expect(renderShopPage([], shop)).toContain('<p>Nog geen producten.</p>');
  });

  it('shows each product’s price for the shop’s locale, its availability and its button', () => {
    const page = renderShopPage([product('K', 'Koffie', { stock: 0 })], shop).replace(/\u00a0|\u202f/g, ' ');
    expect(page).toContain('<p class="price">€ 12,50</p><p class="stock">Uitverkocht</p>');
    expect(page).toContain('<a class="wa" href="https://wa.me/32470123456?text=');
    expect(page).toContain('aria-label="Bestel Koffie via WhatsApp">Bestel via WhatsApp</a>');
    expect(page).toContain('<html lang="nl-BE">');
    expect(page).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(renderShopPage([product('K', 'Coffee')], { ...shop, locale: 'en-GB' })).toContain(
      '<p class="price">€12.50</p>',
    );
  });

  it('is light: a full page of 48 products stays under 40 kB', () => {
    const page = renderShopPage(many, shop);
    expect(Buffer.byteLength(page)).toBeLessThan(40_000);
  });

  it('renders a product page with its images, description as text and a link preview', () => {
    const coffee = product('KOFFIE 250', 'Koffie', {
      description: 'Vers gebrand.\nIn Gent.',
      images: [upload, { source: 'url', url: 'https://cdn.example/k2.jpg' }],
    });
    const page = renderProductPage(coffee, shop);
    expect(page).toContain('<title>Koffie · De Koffiebar</title>');
    expect(page).toContain('<link rel="canonical" href="https://relay.example/shop/p/KOFFIE%20250">');
    expect(page).toContain(
      `<meta property="og:image" content="https://relay.example/media/products/${upload.id}/large.jpg">`,
    );
    expect(page).toContain('<meta property="product:price:amount" content="12.50">');
    expect(page).toContain(
      `<img src="/media/products/${upload.id}/large.jpg" width="1024" height="512" alt="Koffie" fetchpriority="high" decoding="async">`,
    );
    expect(page).toContain(
      '<a href="https://cdn.example/k2.jpg"><img src="https://cdn.example/k2.jpg" width="160" height="160" alt="Koffie" loading="lazy" decoding="async"></a>',
    );
    expect(page).toContain('<p class="desc">Vers gebrand.\nIn Gent.</p>');
    expect(productPath('KOFFIE 250')).toBe('/shop/p/KOFFIE%20250');
    expect(renderProductPage(product('N', 'No image', { images: [] }), shop)).not.toContain('<img');
  });

  it('allows its one inline style by hash and no script', () => {
    const page = renderShopPage(many, shop);
    const style = /<style>([\s\S]*?)<\/style>/.exec(page)?.[1] ?? '';
    const hash = createHash('sha256').update(style).digest('base64');
    expect(SHOP_CONTENT_SECURITY_POLICY).toContain(`style-src 'sha256-${hash}'`);
    expect(SHOP_CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(SHOP_CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(page).not.toContain('<script');
  });
});
