import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { command, connectRelay, login } from '../../shared/client/relay-client.js';
import { createRelay } from '../../server/relay.js';
import { FakeGraph } from '../helpers/fake-graph.js';
import { ADMIN, cloudTestConfig } from '../helpers/relay-harness.js';
import { ceiling, int, kb, ms, table, type Verdict } from './format.js';
import { round, roundSummary, summarize, type Summary } from './stats.js';

/*
 * Selling at catalog size: the real relay (createRelay in this process, Cloud API mode, a fresh
 * DATA_DIR on disk) gets a 10,000-row Meta feed (CSV, 1 row in 1,000 broken) through
 * `POST /api/v1/products/import`, twice (create, then update by SKU); then an agent's catalog panel
 * searches it over Socket.IO (`catalog:search`, the round trip the panel waits for) with queries
 * by name and by SKU; then `GET /shop` and a product page are fetched as a customer's phone would,
 * timed to the first byte and to the last, with the page's weight.
 */

const logger = pino({ level: 'silent' });
const PRODUCTS = 10_000;
const SEARCHES = 300;
const PAGE_FETCHES = 100;
export const SEARCH_TARGET_MS = 50;
export const SHOP_FIRST_BYTE_TARGET_MS = 50;

export interface CatalogResult {
  products: number;
  feedBytes: number;
  importMs: { create: number; update: number };
  imported: number;
  updated: number;
  errors: number;
  searchMs: Summary;
  shop: { path: string; firstByteMs: Summary; totalMs: Summary; bytes: number }[];
}

const HEADER = 'id,title,description,availability,condition,price,link,image_link,brand,inventory';
const WORDS = ['Koffie', 'Thee', 'Chocolade', 'Speculoos', 'Wafel', 'Honing', 'Jenever', 'Kaas', 'Mosterd', 'Bier'];

function feed(priceCents: (i: number) => number): string {
  const lines = [HEADER];
  for (let i = 0; i < PRODUCTS; i++) {
    const sku = `SKU-${String(i).padStart(5, '0')}`;
    const name = `${WORDS[i % WORDS.length]} ${Math.floor(i / WORDS.length)}`;
    const price = i % 1000 === 999 ? 'about ten euros' : `${(priceCents(i) / 100).toFixed(2)} EUR`;
    lines.push(
      [
        sku,
        name,
        'Uit de winkel',
        'in stock',
        'new',
        price,
        `https://shop.example/p/${sku}`,
        `https://shop.example/i/${sku}.jpg`,
        'Toonbank',
        String(i % 40),
      ].join(','),
    );
  }
  return lines.join('\n');
}

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const value = await run();
  return [value, performance.now() - started];
}

async function importFeed(url: string, token: string, body: string) {
  const response = await fetch(`${url}/api/v1/products/import`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
    body,
  });
  if (response.status !== 200) throw new Error(`catalog: import answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as { imported: number; updated: number; errors: unknown[] };
}

/** Time to the first byte of the body and to the last, with the body's size. */
async function fetchPage(url: string): Promise<{ firstByte: number; total: number; bytes: number }> {
  const started = performance.now();
  const response = await fetch(url);
  if (response.status !== 200 || !response.body) throw new Error(`catalog: ${url} answered ${response.status}`);
  let firstByte = Number.NaN;
  let bytes = 0;
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
    if (Number.isNaN(firstByte)) firstByte = performance.now() - started;
    bytes += chunk.byteLength;
  }
  return { firstByte, total: performance.now() - started, bytes };
}

export async function runCatalogBench(log: (line: string) => void): Promise<CatalogResult> {
  const dataDir = await mkdtemp(join(tmpdir(), 'toonbank-bench-catalog-'));
  const graph = new FakeGraph();
  await graph.start();
  const relay = await createRelay({ config: cloudTestConfig(dataDir, graph.url), logger });
  try {
    const url = await relay.listen();
    const { token } = await login(url, ADMIN.email, ADMIN.password);
    const first = feed((i) => 195 + (i % 50) * 100);
    log(`catalog: importing ${int(PRODUCTS)} rows (${kb(Buffer.byteLength(first))}) …`);
    const [created, createMs] = await timed(() => importFeed(url, token, first));
    const [updated, updateMs] = await timed(() =>
      importFeed(
        url,
        token,
        feed((i) => 250 + (i % 50) * 100),
      ),
    );

    log(`catalog: ${SEARCHES} searches over Socket.IO …`);
    const socket = connectRelay(url, token);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    const queries = Array.from({ length: SEARCHES }, (_, k) => {
      const word = WORDS[k % WORDS.length] ?? '';
      return k % 3 === 0 ? `sku-0${k % 100}` : k % 3 === 1 ? word.toLowerCase() : `${word} ${k}`;
    });
    for (const q of queries.slice(0, 20)) await command(socket, 'catalog:search', { q });
    const searchTimes: number[] = [];
    for (const q of queries) searchTimes.push((await timed(() => command(socket, 'catalog:search', { q })))[1]);
    socket.disconnect();

    const shop: CatalogResult['shop'] = [];
    for (const path of ['/shop', '/shop/p/SKU-05000']) {
      log(`catalog: ${PAGE_FETCHES} fetches of ${path} …`);
      for (let i = 0; i < 10; i++) await fetchPage(`${url}${path}`);
      const runs = [];
      for (let i = 0; i < PAGE_FETCHES; i++) runs.push(await fetchPage(`${url}${path}`));
      shop.push({
        path,
        firstByteMs: roundSummary(summarize(runs.map((r) => r.firstByte))),
        totalMs: roundSummary(summarize(runs.map((r) => r.total))),
        bytes: runs.at(-1)?.bytes ?? 0,
      });
    }
    return {
      products: PRODUCTS,
      feedBytes: Buffer.byteLength(first),
      importMs: { create: round(createMs, 0), update: round(updateMs, 0) },
      imported: created.imported,
      updated: updated.updated,
      errors: created.errors.length,
      searchMs: roundSummary(summarize(searchTimes)),
      shop,
    };
  } finally {
    await relay.close();
    await graph.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

export function catalogText(r: CatalogResult): string {
  return [
    `The catalog at ${int(r.products)} products — the relay (createRelay, Cloud API mode, a fresh DATA_DIR on disk).`,
    `Import: POST /api/v1/products/import with a ${kb(r.feedBytes)} CSV feed (1 row in 1,000 broken), durable before the answer.`,
    '',
    table(
      ['feed import', 'time', 'rows in', 'errors'],
      [
        ['create', `${int(r.importMs.create)} ms`, int(r.imported), int(r.errors)],
        ['update by SKU', `${int(r.importMs.update)} ms`, int(r.updated), ''],
      ],
    ),
    '',
    table(
      ['ms', 'p50', 'p95', 'p99', 'max', 'samples'],
      [
        [
          'catalog:search round trip',
          ms(r.searchMs.p50),
          ms(r.searchMs.p95),
          ms(r.searchMs.p99),
          ms(r.searchMs.max),
          int(r.searchMs.count),
        ],
        ...r.shop.flatMap((s) => [
          [
            `GET ${s.path} first byte`,
            ms(s.firstByteMs.p50),
            ms(s.firstByteMs.p95),
            ms(s.firstByteMs.p99),
            ms(s.firstByteMs.max),
            int(s.firstByteMs.count),
          ],
          [
            `GET ${s.path} whole page`,
            ms(s.totalMs.p50),
            ms(s.totalMs.p95),
            ms(s.totalMs.p99),
            ms(s.totalMs.max),
            int(s.totalMs.count),
          ],
        ]),
      ],
    ),
    '',
    `  page weight: ${r.shop.map((s) => `${s.path} ${kb(s.bytes)} of HTML (styles inline; images are separate requests)`).join('; ')}`,
  ].join('\n');
}

export function catalogVerdicts(r: CatalogResult): Verdict[] {
  const shop = r.shop.find((s) => s.path === '/shop');
  return [
    ceiling(
      `catalog search over ${int(r.products)} products ≤ ${SEARCH_TARGET_MS} ms`,
      'p99',
      r.searchMs.p99,
      SEARCH_TARGET_MS,
      'ms',
    ),
    ceiling(
      `/shop with ${int(r.products)} products: first byte ≤ ${SHOP_FIRST_BYTE_TARGET_MS} ms`,
      'p99',
      shop?.firstByteMs.p99 ?? Number.NaN,
      SHOP_FIRST_BYTE_TARGET_MS,
      'ms',
    ),
  ];
}
