import { availabilityOf, type Product, type ProductImage } from '../../shared/domain/catalog.js';
import { formatDecimal, formatMoney } from '../../shared/money.js';
import type { WaId } from '../../shared/phone.js';
import { IMAGE_VARIANTS, imageVariantPath, variantSize, type ImageVariantName } from '../catalog/image-variants.js';
import { SafeHtml, markup, safeUrl } from './html.js';
import { SHOP_CSS } from './shop-style.js';
import { shopStrings, type ShopStrings } from './shop-strings.js';
import { orderOnWhatsAppUrl } from './wa-link.js';

/*
 * The public shop: `GET /shop` (a grid, 48 products a page) and `GET /shop/p/:sku` (one product).
 * Server-rendered, no script, one inline stylesheet; every image has its width and height so the page
 * does not jump, and all but the first row load lazily. Send them with SHOP_CONTENT_SECURITY_POLICY.
 * `shopProducts` sorts the catalog once; keep its result while the catalog is unchanged, so a page
 * costs a slice and a render however large the shop.
 */

export interface ShopContext {
  name: string;
  /** The shop's WhatsApp number in digits with country code. */
  waNumber: WaId;
  /** For words, prices and sorting, such as "nl-BE". */
  locale: string;
  /** The relay's public base URL, for canonical links and link previews. */
  publicUrl: string;
}

export const SHOP_PAGE_SIZE = 48;
const EAGER_IMAGES = 4;

/** What the shop shows: active products, by name in the shop's language. */
export function shopProducts(products: Iterable<Product>, locale: string): Product[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  return [...products].filter((p) => p.visibility === 'active').sort((a, b) => collator.compare(a.name, b.name));
}

export function productPath(sku: string): string {
  return `/shop/p/${encodeURIComponent(sku)}`;
}

interface Picture {
  src: string;
  width: number;
  height: number;
}

/** A web image's size is unknown: it gets the variant's square box and is fitted into it by CSS. */
function picture(image: ProductImage, variant: ImageVariantName): Picture {
  if (image.source === 'url') {
    const { box } = IMAGE_VARIANTS[variant];
    return { src: image.url, width: box, height: box };
  }
  return { src: imageVariantPath(image.id, variant), ...variantSize(image.width, image.height, variant) };
}

function img(image: ProductImage, variant: ImageVariantName, alt: string, eager: boolean): SafeHtml {
  const { src, width, height } = picture(image, variant);
  const loading = eager ? markup`fetchpriority="high"` : markup`loading="lazy"`;
  return markup`<img src="${safeUrl(src)}" width="${width}" height="${height}" alt="${alt}" ${loading} decoding="async">`;
}

function stockNote(product: Product, strings: ShopStrings): SafeHtml | null {
  const availability = availabilityOf(product);
  return availability === 'in_stock' ? null : markup`<p class="stock">${strings.availability[availability]}</p>`;
}

function waButton(product: Product, shop: ShopContext, strings: ShopStrings): SafeHtml {
  const href = orderOnWhatsAppUrl(shop.waNumber, product, shop.locale);
  const label = strings.orderLabel(product.name);
  return markup`<a class="wa" href="${href}" aria-label="${label}">${strings.orderOnWhatsApp}</a>`;
}

function page(shop: ShopContext, title: string, head: SafeHtml | null, main: SafeHtml): string {
  return markup`<!doctype html>
<html lang="${shop.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
${head}
<style>${new SafeHtml(SHOP_CSS)}</style>
</head>
<body>
<header class="top"><a class="brand" href="/shop">${shop.name}</a></header>
<main>
${main}
</main>
<footer>${shop.name}</footer>
</body>
</html>
`.value;
}

function card(product: Product, index: number, shop: ShopContext, strings: ShopStrings): SafeHtml {
  const [first] = product.images;
  const image = first ? img(first, 'card', product.name, index < EAGER_IMAGES) : null;
  const price = formatMoney(product.price, shop.locale);
  return markup`<li class="card"><a href="${productPath(product.sku)}">${image}<h2>${product.name}</h2><p class="price">${price}</p>${stockNote(product, strings)}</a>${waButton(product, shop, strings)}</li>
`;
}

function pager(current: number, pages: number, strings: ShopStrings): SafeHtml | null {
  if (pages === 1) return null;
  const link = (n: number) => (n === 1 ? '/shop' : `/shop?page=${n}`);
  const previous = current > 1 ? markup`<a href="${link(current - 1)}" rel="prev">${strings.previous}</a>` : null;
  const next = current < pages ? markup`<a href="${link(current + 1)}" rel="next">${strings.next}</a>` : null;
  return markup`<nav class="pages" aria-label="${strings.pages}">${previous}<span>${strings.page(current, pages)}</span>${next}</nav>`;
}

/** One page of the grid (1-based; beyond the last page shows the last). */
export function renderShopPage(products: readonly Product[], shop: ShopContext, pageNumber = 1): string {
  const strings = shopStrings(shop.locale);
  const pages = Math.max(1, Math.ceil(products.length / SHOP_PAGE_SIZE));
  const current = Math.min(Math.max(1, Math.floor(pageNumber) || 1), pages);
  const shown = products.slice((current - 1) * SHOP_PAGE_SIZE, current * SHOP_PAGE_SIZE);
  const grid =
    shown.length > 0
      ? markup`<ul class="grid">
${shown.map((product, i) => card(product, i, shop, strings))}</ul>`
      : markup`<p>${strings.noProducts}</p>`;
  const canonical = `${shop.publicUrl}/shop${current === 1 ? '' : `?page=${current}`}`;
  const head = markup`<link rel="canonical" href="${canonical}">`;
  const main = markup`<h1>${strings.allProducts}</h1>
${grid}
${pager(current, pages, strings)}`;
  return page(shop, shop.name, head, main);
}

export function renderProductPage(product: Product, shop: ShopContext): string {
  const strings = shopStrings(shop.locale);
  const [first, ...more] = product.images;
  const url = `${shop.publicUrl}${productPath(product.sku)}`;
  const preview = first ? picture(first, 'large') : null;
  const previewUrl = preview && (first?.source === 'upload' ? `${shop.publicUrl}${preview.src}` : preview.src);
  const ogImage = previewUrl ? markup`<meta property="og:image" content="${safeUrl(previewUrl)}">` : null;
  const head = markup`<link rel="canonical" href="${url}">
<meta name="description" content="${product.description.replace(/\s+/g, ' ').slice(0, 200)}">
<meta property="og:type" content="product">
<meta property="og:title" content="${product.name}">
<meta property="og:url" content="${url}">
${ogImage}
<meta property="product:price:amount" content="${formatDecimal(product.price)}">
<meta property="product:price:currency" content="${product.price.currency}">`;
  const thumbs = more.map((image) => {
    const large = picture(image, 'large');
    return markup`<a href="${safeUrl(large.src)}">${img(image, 'thumb', product.name, false)}</a>`;
  });
  const hero = first ? img(first, 'large', product.name, true) : null;
  const gallery = thumbs.length > 0 ? markup`<div class="thumbs">${thumbs}</div>` : null;
  const main = markup`<p><a href="/shop">← ${strings.back}</a></p>
<article class="product">
<div class="hero">${hero}${gallery}</div>
<div>
<h1>${product.name}</h1>
<p class="price">${formatMoney(product.price, shop.locale)}</p>
${stockNote(product, strings)}
${waButton(product, shop, strings)}
<p class="desc">${product.description}</p>
</div>
</article>`;
  return page(shop, `${product.name} · ${shop.name}`, head, main);
}

/** For an unknown or archived SKU (answer it with 404). */
export function renderProductNotFound(shop: ShopContext): string {
  const strings = shopStrings(shop.locale);
  const main = markup`<p>${strings.notFound}</p>
<p><a href="/shop">${strings.back}</a></p>`;
  return page(shop, shop.name, null, main);
}
