import { parse, type CsvError, type InfoRecord, type Parser } from 'csv-parse';
import type { ProductInput } from '../../shared/domain/catalog.js';
import { chunks, lineEndings, startLine, totalBytesOf, type FeedInput } from './feed-input.js';
import { missingColumns, productFromFeedRow } from './feed-row.js';

/*
 * Reads a Meta catalog feed (CSV or TSV: a header row, fields in double quotes when they hold the
 * delimiter, quotes or line breaks, inner quotes doubled) row by row, as it arrives. Each row comes
 * out as a product or as an error `{line, message}`; a bad row never stops the good ones. `line` is
 * the line of the file where the row starts, the header being line 1 (a quoted field with line breaks
 * makes a row span several lines). Only a missing required column (nothing can be read) or a quote
 * that is never closed (the rest of the file is one field) ends the reading early.
 *
 * Line breaks are read as \n whether the file has \r\n, \n or \r, inside quoted fields too.
 * A row with fewer fields than the header reads the missing trailing ones as empty; one with more is
 * an error (usually a delimiter inside an unquoted field). An id already read on a good row is an
 * error on the later row: the first wins.
 */

export type FeedFormat = 'csv' | 'tsv';

export interface FeedProgress {
  /** Rows read so far, good and bad. */
  rows: number;
  bytes: number;
  /** The size of the whole feed when known (a string, or a Content-Length given in the options). */
  totalBytes: number | null;
}

export interface FeedOptions {
  /** Detected from the header (a tab makes it TSV) when not given. */
  format?: FeedFormat;
  totalBytes?: number;
  /** Called after each chunk of input is read, and once at the end. */
  onProgress?: (progress: FeedProgress) => void;
  /** For `sale_price_effective_date`. */
  now?: number;
}

export type { FeedInput } from './feed-input.js';

export type FeedRow = { line: number; ok: true; product: ProductInput } | { line: number; ok: false; message: string };

function fieldsOf(entry: unknown): string[] {
  const record = (entry as { record?: unknown }).record;
  return Array.isArray(record) ? record.map(String) : [];
}

function skipMessage(error: CsvError): string {
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
    return 'a quoted field that starts on this row is never closed: the rest of the file could not be read';
  }
  if (error.code === 'CSV_MAX_RECORD_SIZE') return 'the row is too long to be a product (over 128,000 characters)';
  return `the row could not be read: ${error.message}`;
}

export async function* readCatalogFeed(input: FeedInput, options: FeedOptions = {}): AsyncGenerator<FeedRow> {
  const now = options.now ?? Date.now();
  const progress: FeedProgress = { rows: 0, bytes: 0, totalBytes: options.totalBytes ?? totalBytesOf(input) };
  const out: FeedRow[] = [];
  const seen = new Map<string, number>();
  // Set from inside the parser's callbacks: the header (first record) and whether to read on.
  const state: { header: string[] | null; stop: boolean } = { header: null, stop: false };

  const onRecord = (fields: string[], line: number): void => {
    if (state.stop) return;
    const { header } = state;
    if (!header) {
      const names = fields.map((name) => name.trim().toLowerCase());
      state.header = names;
      const missing = missingColumns(names);
      const repeated = names.filter((name, i) => name !== '' && names.indexOf(name) !== i);
      if (missing.length > 0 || repeated.length > 0) {
        const problems = [
          ...(missing.length > 0 ? [`missing the required column(s) ${missing.join(', ')}`] : []),
          ...(repeated.length > 0 ? [`the column(s) ${[...new Set(repeated)].join(', ')} appear more than once`] : []),
        ];
        out.push({ line, ok: false, message: `Not a Meta catalog feed: ${problems.join('; ')}` });
        state.stop = true;
      }
      return;
    }
    if (fields.every((field) => field.trim() === '')) return;
    progress.rows++;
    if (fields.length > header.length) {
      const message = `the row has ${fields.length} fields and the header ${header.length}: is a value with the delimiter in it unquoted?`;
      out.push({ line, ok: false, message });
      return;
    }
    const row: Record<string, string> = {};
    header.forEach((name, i) => (row[name] = fields[i] ?? ''));
    const result = productFromFeedRow(row, now);
    if (!result.ok) {
      out.push({ line, ok: false, message: result.message });
      return;
    }
    const first = seen.get(result.product.sku);
    if (first !== undefined) {
      out.push({ line, ok: false, message: `id ${JSON.stringify(result.product.sku)} is already on line ${first}` });
      return;
    }
    seen.set(result.product.sku, line);
    out.push({ line, ok: true, product: result.product });
  };

  const open = (format: FeedFormat): Parser =>
    parse({
      delimiter: format === 'tsv' ? '\t' : ',',
      record_delimiter: '\n',
      bom: true,
      raw: true,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      // With `raw`, a record arrives as {record, raw}; rows leave through `out`, in file order with the errors.
      on_record: (entry: unknown, context: InfoRecord) => {
        onRecord(fieldsOf(entry), startLine(context.lines, context.raw));
        return null;
      },
      on_skip: (error: CsvError | undefined, raw: string | undefined) => {
        if (!error || state.stop) return undefined;
        progress.rows++;
        const line = startLine(typeof error['lines'] === 'number' ? error['lines'] : 1, raw);
        out.push({ line, ok: false, message: skipMessage(error) });
        return undefined;
      },
    });

  const normalise = lineEndings();
  const detect = (text: string): FeedFormat =>
    options.format ?? (text.split('\n', 1)[0]?.includes('\t') ? 'tsv' : 'csv');
  // The parser starts once the header's line break has arrived: the header decides the format.
  const reading: { parser: Parser | null; head: string } = { parser: null, head: '' };
  for await (const chunk of chunks(input)) {
    progress.bytes += chunk.bytes;
    const text = normalise(chunk.text, false);
    if (reading.parser) {
      await write(reading.parser, text);
    } else {
      reading.head += text;
      if (!reading.head.includes('\n')) continue;
      reading.parser = open(detect(reading.head));
      await write(reading.parser, reading.head);
    }
    yield* out.splice(0);
    options.onProgress?.({ ...progress });
    if (state.stop) return;
  }
  const rest = (reading.parser ? '' : reading.head) + normalise('', true);
  const parser = reading.parser ?? open(detect(rest));
  if (rest) await write(parser, rest);
  await finish(parser);
  if (state.header === null && out.length === 0) out.push({ line: 1, ok: false, message: 'The feed is empty' });
  yield* out.splice(0);
  options.onProgress?.({ ...progress });
}

function write(parser: Parser, text: string): Promise<void> {
  return new Promise((resolve, reject) => parser.write(text, (error) => (error ? reject(error) : resolve())));
}

function finish(parser: Parser): Promise<void> {
  return new Promise((resolve, reject) => {
    parser.once('error', reject);
    parser.end(resolve);
  });
}

export interface FeedImport {
  products: { line: number; product: ProductInput }[];
  errors: { line: number; message: string }[];
}

/** The whole feed read at once: the good rows and the errors, in file order. */
export async function importCatalogFeed(input: FeedInput, options: FeedOptions = {}): Promise<FeedImport> {
  const result: FeedImport = { products: [], errors: [] };
  for await (const row of readCatalogFeed(input, options)) {
    if (row.ok) result.products.push({ line: row.line, product: row.product });
    else result.errors.push({ line: row.line, message: row.message });
  }
  return result;
}
