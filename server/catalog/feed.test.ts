import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { importCatalogFeed, readCatalogFeed, type FeedProgress } from './feed.js';

const HEADER = 'id,title,description,availability,condition,price,link,image_link,brand';
const row = (id: string, extra: Partial<Record<'title' | 'description' | 'availability' | 'price', string>> = {}) =>
  [
    id,
    extra.title ?? `Product ${id}`,
    extra.description ?? 'A fine thing',
    extra.availability ?? 'in stock',
    'new',
    extra.price ?? '9.99 EUR',
    `https://shop.example/p/${id}`,
    `https://shop.example/img/${id}.jpg`,
    'Toonbank',
  ].join(',');

describe('reading a Meta catalog feed', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, and counts lines from the header', async () => {
    const feed = [
      HEADER,
      row('A1'),
      'B2,"Mug, large","He said ""lovely""\nSecond line, with comma",in stock,new,12.50 EUR,https://s.example/b,https://s.example/b.jpg,Brand',
      row('C3', { price: '3 EUR' }),
    ].join('\n');
    const { products, errors } = await importCatalogFeed(feed);
    expect(errors).toEqual([]);
    expect(products.map((p) => [p.line, p.product.sku])).toEqual([
      [2, 'A1'],
      [3, 'B2'],
      [5, 'C3'],
    ]);
    expect(products[1]?.product).toEqual({
      sku: 'B2',
      name: 'Mug, large',
      description: 'He said "lovely"\nSecond line, with comma',
      price: { amount: 1250, currency: 'EUR' },
      images: [{ source: 'url', url: 'https://s.example/b.jpg' }],
      availability: 'in_stock',
      visibility: 'active',
    });
  });

  it('reads TSV, Windows line endings, a byte order mark and header names in any case', async () => {
    const tsv = `\uFEFF${HEADER.toUpperCase().replace(/,/g, '\t')}\r\n${row('T1').replace(/,/g, '\t')}\r\n"T2"\tTea\t"two\r\nlines"\tin stock\tnew\t4.50 EUR\thttps://x.example\t\tB\r\n`;
    const { products, errors } = await importCatalogFeed(tsv);
    expect(errors).toEqual([]);
    expect(products.map((p) => [p.line, p.product.sku, p.product.description])).toEqual([
      [2, 'T1', 'A fine thing'],
      [3, 'T2', 'two\nlines'],
    ]);
    expect(products[1]?.product.images).toEqual([]);
  });

  it('reports each broken row by its line and keeps the good ones', async () => {
    const feed = [
      HEADER,
      row('OK1'),
      row('BADPRICE', { price: '"9,99 EUR"' }),
      row('', {}),
      row('EURO', { price: '9.99 EURO' }),
      row('CUR', { price: '9.99 ABC' }),
      row('OK1', { title: 'Again' }),
      `${row('WIDE')},extra`,
      row('AVAIL', { availability: 'maybe' }),
      row('CENTS', { price: '9.999 EUR' }),
      row('OK2'),
    ].join('\n');
    const { products, errors } = await importCatalogFeed(feed);
    expect(products.map((p) => p.product.sku)).toEqual(['OK1', 'OK2']);
    expect(errors).toEqual([
      {
        line: 3,
        message:
          'price: "9,99 EUR": write prices with "." as the decimal separator and no thousands separator, such as "1234.50 EUR"',
      },
      { line: 4, message: 'id: a SKU is required' },
      { line: 5, message: 'price: "9.99 EURO" is not a price such as "9.99 EUR"' },
      { line: 6, message: 'price: "ABC" is not an ISO 4217 currency code' },
      { line: 7, message: 'id "OK1" is already on line 2' },
      {
        line: 8,
        message: 'the row has 10 fields and the header 9: is a value with the delimiter in it unquoted?',
      },
      {
        line: 9,
        message:
          'availability: "maybe" is not one of in stock, out of stock, preorder, available for order, discontinued',
      },
      { line: 10, message: 'price: "9.999": EUR allows at most 2 decimals' },
    ]);
  });

  it('maps availability and inventory onto stock and visibility', async () => {
    const header = `${HEADER},inventory`;
    const feed = [
      header,
      `${row('a', { availability: 'in stock' })},7`,
      `${row('b', { availability: 'in stock' })},`,
      `${row('c', { availability: 'out of stock' })},5`,
      `${row('d', { availability: 'out of stock' })},`,
      `${row('e', { availability: 'preorder' })},0`,
      `${row('f', { availability: 'available for order' })},`,
      `${row('g', { availability: 'discontinued' })},`,
      `${row('h', { availability: 'In_Stock' })},`,
      `${row('i')},-1`,
      `${row('j')},2.5`,
      `${row('k')},lots`,
    ].join('\n');
    const { products, errors } = await importCatalogFeed(feed);
    expect(products.map(({ product: p }) => [p.sku, p.availability, p.stock ?? 'untracked', p.visibility])).toEqual([
      ['a', 'in_stock', 7, 'active'],
      ['b', 'in_stock', 'untracked', 'active'],
      ['c', 'out_of_stock', 0, 'active'],
      ['d', 'out_of_stock', 'untracked', 'active'],
      ['e', 'preorder', 0, 'active'],
      ['f', 'available_for_order', 'untracked', 'active'],
      ['g', 'out_of_stock', 'untracked', 'archived'],
      ['h', 'in_stock', 'untracked', 'active'],
    ]);
    expect(errors.map((e) => [e.line, e.message.split(':')[0]])).toEqual([
      [10, 'inventory'],
      [11, 'inventory'],
      [12, 'inventory'],
    ]);
  });

  it('takes the sale price while it is on, and every image column', async () => {
    const header = `${HEADER},sale_price,sale_price_effective_date,additional_image_link,image[1].url`;
    const now = Date.parse('2026-03-15T12:00:00Z');
    const march = '2026-03-01T00:00+01:00/2026-03-31T23:59+01:00';
    const feed = [
      header,
      `${row('on')},7.99 EUR,${march},"https://x.example/2.jpg, https://x.example/3.jpg",https://x.example/4.jpg`,
      `${row('always')},5.00 EUR,,,`,
      `${row('later')},5.00 EUR,2026-04-01T00:00+01:00/2026-04-30T00:00+01:00,,`,
      `${row('dearer')},19.99 EUR,,,`,
      `${row('dollar')},1.00 USD,,,`,
      `${row('baddate')},1.00 EUR,next week,,`,
      `${row('badurl')},,,ftp://x.example/a.jpg,`,
    ].join('\n');
    const { products, errors } = await importCatalogFeed(feed, { now });
    expect(products.map(({ product: p }) => [p.sku, p.price.amount])).toEqual([
      ['on', 799],
      ['always', 500],
      ['later', 999],
    ]);
    expect(products[0]?.product.images?.map((image) => (image.source === 'url' ? image.url : image.id))).toEqual([
      'https://shop.example/img/on.jpg',
      'https://x.example/2.jpg',
      'https://x.example/3.jpg',
      'https://x.example/4.jpg',
    ]);
    expect(errors).toEqual([
      { line: 5, message: 'sale_price: higher than price' },
      { line: 6, message: 'sale_price: in USD, while price is in EUR' },
      { line: 7, message: 'sale_price_effective_date: "next week" is not a start/end pair of ISO 8601 dates' },
      { line: 8, message: 'image_link: "ftp://x.example/a.jpg" is not an http(s) URL' },
    ]);
  });

  it('refuses a file without the columns Meta requires, naming them', async () => {
    const { products, errors } = await importCatalogFeed('id,title,price,title\nA,B,1.00 EUR,C\n');
    expect(products).toEqual([]);
    expect(errors).toEqual([
      {
        line: 1,
        message:
          'Not a Meta catalog feed: missing the required column(s) description, availability, condition, link, image_link, brand (or gtin or mpn); the column(s) title appear more than once',
      },
    ]);
    expect(await importCatalogFeed('')).toEqual({ products: [], errors: [{ line: 1, message: 'The feed is empty' }] });
    expect(await importCatalogFeed(HEADER.replace('brand', 'gtin'))).toEqual({ products: [], errors: [] });
  });

  it('reports a quote never closed on the row where it opens, after the good rows before it', async () => {
    const feed = [HEADER, row('A'), 'B,"Unclosed title,desc,in stock,new,1.00 EUR,l,i,b', row('C'), ''].join('\n');
    const { products, errors } = await importCatalogFeed(feed);
    expect(products.map((p) => p.product.sku)).toEqual(['A']);
    expect(errors).toEqual([
      {
        line: 3,
        message: 'a quoted field that starts on this row is never closed: the rest of the file could not be read',
      },
    ]);
  });

  it('reads a stream in any chunking exactly as the whole text, with progress in bytes', async () => {
    const feed = [HEADER, row('é1', { title: 'Café crème' }), 'Z,"a\r\nb",d,in stock,new,1 EUR,l,,b', row('€2')].join(
      '\r\n',
    );
    const bytes = Buffer.from(feed);
    const whole = await importCatalogFeed(feed);
    const progress: FeedProgress[] = [];
    // One byte at a time: multibyte characters and \r\n pairs are split across chunks.
    const stream = Readable.from(
      (function* () {
        for (const byte of bytes) yield Buffer.from([byte]);
      })(),
    );
    const streamed = await importCatalogFeed(stream, { totalBytes: bytes.length, onProgress: (p) => progress.push(p) });
    expect(streamed).toEqual(whole);
    expect(whole.products.map((p) => [p.line, p.product.sku])).toEqual([
      [2, 'é1'],
      [3, 'Z'],
      [5, '€2'],
    ]);
    expect(progress.at(-1)).toEqual({ rows: 3, bytes: bytes.length, totalBytes: bytes.length });
    expect(progress.every((p, i) => i === 0 || p.bytes >= (progress[i - 1]?.bytes ?? 0))).toBe(true);
  });

  it('keeps characters whole where a long text is cut into chunks', async () => {
    const name = `Mug ${'🍰'.repeat(90)}`; // 180 UTF-16 units, all surrogate pairs
    const pads = Array.from({ length: 7 }, (_, i) => row(`P${i}`, { description: 'x'.repeat(9000) }));
    const before = (filler: string) => [HEADER, ...pads, row('F', { description: filler }), 'E,Mug '].join('\n');
    // The 64 Ki-unit chunk boundary falls 91 units into the run of pairs: inside the 46th cake.
    const filler = 'y'.repeat(64 * 1024 - 91 - before('').length);
    const feed = [HEADER, ...pads, row('F', { description: filler }), row('E', { title: name })].join('\n');
    expect(feed.charCodeAt(64 * 1024 - 1)).toBe(0xd83c);
    const { products, errors } = await importCatalogFeed(feed);
    expect(errors).toEqual([]);
    expect(products.at(-1)?.product.name).toBe(name);
  });

  it('imports a 10,000-row feed with broken rows: the good ones in, the broken ones by line', async () => {
    const lines = [HEADER];
    const broken = new Map<number, string>();
    let extraLines = 0;
    for (let i = 0; i < 10_000; i++) {
      const line = lines.length + 1 + extraLines;
      if (i % 1000 === 7) {
        lines.push(row(`SKU-${i}`, { price: 'twelve EUR' }));
        broken.set(line, 'price');
      } else if (i % 1000 === 99) {
        lines.push(row('', { title: `Nameless ${i}` }));
        broken.set(line, 'id');
      } else if (i % 1000 === 500) {
        lines.push(row(`SKU-${i}`, { price: '12.00 XXX' }));
        broken.set(line, 'price');
      } else if (i % 1000 === 777) {
        lines.push(row(`SKU-${i - 1}`));
        broken.set(line, 'id "SKU-');
      } else if (i % 250 === 3) {
        lines.push(row(`SKU-${i}`, { description: '"Line one, with commas\nline two, ""quoted"""' }));
        extraLines++;
      } else {
        lines.push(row(`SKU-${i}`, { price: `${(i % 100) + 1}.${String(i % 100).padStart(2, '0')} EUR` }));
      }
    }
    const feed = lines.join('\n');
    const progress: FeedProgress[] = [];
    const rows = [];
    for await (const r of readCatalogFeed(feed, { onProgress: (p) => progress.push(p) })) rows.push(r);
    const errors = rows.filter((r) => !r.ok);
    expect(rows).toHaveLength(10_000);
    expect(errors.map((e) => e.line)).toEqual([...broken.keys()]);
    for (const error of errors) expect(error.message.startsWith(broken.get(error.line) ?? '?')).toBe(true);
    const good = rows.filter((r) => r.ok);
    expect(good).toHaveLength(10_000 - broken.size);
    const quoted = good.find((r) => r.product.sku === 'SKU-3');
    expect(quoted?.ok && quoted.product.description).toBe('Line one, with commas\nline two, "quoted"');
    const last = good.at(-1);
    expect(last?.ok && [last.line, last.product.sku, last.product.price.amount]).toEqual([
      10_001 + extraLines,
      'SKU-9999',
      10_099,
    ]);
    expect(progress.length).toBeGreaterThan(10);
    expect(progress.at(-1)).toEqual({
      rows: 10_000,
      bytes: Buffer.byteLength(feed),
      totalBytes: Buffer.byteLength(feed),
    });
  });
});
