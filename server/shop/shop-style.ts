import { createHash } from 'node:crypto';

/*
 * The shop pages' only stylesheet, inline (one request per page, no render-blocking fetch) and small.
 * Mobile first: two columns on a phone, more as the screen grows. The page's Content-Security-Policy
 * allows exactly this style by its hash and no script at all.
 */

export const SHOP_CSS = `:root{color-scheme:light dark;--fg:#1b1b1b;--bg:#f7f7f4;--card:#fff;--muted:#5b5f63;--line:#e2e2dc;--wa:#25d366;--wa-fg:#0b1f14}
@media (prefers-color-scheme:dark){:root{--fg:#ececec;--bg:#121212;--card:#1d1d1d;--muted:#a8a8a8;--line:#333}}
*{box-sizing:border-box}
body{margin:0;font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
a{color:inherit}
a:focus-visible{outline:3px solid #1a73e8;outline-offset:2px}
.top{padding:12px 16px;background:var(--card);border-bottom:1px solid var(--line)}
.brand{font-weight:700;font-size:1.1rem;text-decoration:none}
main{max-width:1100px;margin:0 auto;padding:16px}
h1{font-size:1.4rem;margin:.2em 0 .8em}
.grid{list-style:none;margin:0;padding:0;display:grid;gap:12px;grid-template-columns:repeat(auto-fill,minmax(150px,1fr))}
.card{display:flex;flex-direction:column;background:var(--card);border:1px solid var(--line);border-radius:12px;overflow:hidden}
.card>a{flex:1;text-decoration:none}
img{display:block;max-width:100%;height:auto}
.card img,.hero img{width:100%;aspect-ratio:1;object-fit:contain;background:#fff}
.card h2{font-size:1rem;margin:8px 10px 2px;overflow-wrap:anywhere}
.price{font-weight:700;margin:2px 10px}
.stock{color:var(--muted);font-size:.875rem;margin:0 10px}
.wa{display:block;margin:10px;padding:10px 12px;border-radius:999px;background:var(--wa);color:var(--wa-fg);font-weight:600;text-align:center;text-decoration:none}
.pages{display:flex;gap:16px;justify-content:center;align-items:center;margin:24px 0}
.product{display:grid;gap:16px}
@media (min-width:720px){.product{grid-template-columns:1fr 1fr;align-items:start}}
.product h1,.product .price,.product .stock{margin-left:0}
.thumbs{display:flex;gap:8px;overflow-x:auto;margin-top:8px}
.thumbs img{width:72px;height:72px;object-fit:cover;border-radius:8px;background:#fff}
.desc{white-space:pre-line;overflow-wrap:anywhere}
.product .wa{margin:16px 0;max-width:360px}
footer{color:var(--muted);font-size:.875rem;text-align:center;padding:24px}`;

const STYLE_HASH = `'sha256-${createHash('sha256').update(SHOP_CSS).digest('base64')}'`;

/** The Content-Security-Policy header for the shop pages. Images may come from the shop's own feed hosts. */
export const SHOP_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `style-src ${STYLE_HASH}`,
  "img-src 'self' https: http:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
