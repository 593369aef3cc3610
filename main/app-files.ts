/*
 * Runs in: Electron main (pure logic, unit-tested in app-files.test.ts).
 * The app's pages are served from the `app://toonbank/` origin (see app-protocol.ts) rather than
 * file://: a page there cannot read other files on disk, gets a real origin for CORS and CSP
 * ('self' = app://toonbank), and its response headers are ours to set.
 * The relay allows this origin by name (DESKTOP_APP_ORIGIN in shared/ipc.ts).
 */
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { DESKTOP_APP_HOST, DESKTOP_APP_SCHEME } from '../shared/ipc.js';

export const APP_SCHEME = DESKTOP_APP_SCHEME;
export const APP_HOST = DESKTOP_APP_HOST;
/** The origin of every app page; pages, assets and the sender check all hang off it. */
export const APP_ROOT = new URL(`${APP_SCHEME}://${APP_HOST}/`);
export const APP_INDEX_URL = new URL('index.html', APP_ROOT).href;

/**
 * The file under `rendererDir` that an app:// URL names, or null when the URL is not ours or would
 * leave the folder (dot segments, encoded slashes or backslashes, NUL bytes).
 */
export function resolveAppFile(url: string, rendererDir: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== APP_ROOT.protocol || parsed.host.toLowerCase() !== APP_HOST) return null;
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (path.includes('\0') || path.includes('\\')) return null;
  if (path === '' || path === '/') path = '/index.html';
  const root = resolve(rendererDir);
  const file = resolve(root, `.${path}`);
  const inside = relative(root, file);
  if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)) return null;
  return file;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** Headers of an app file: its exact type (module scripts need it), no sniffing, and the CSP on documents. */
export function appFileHeaders(file: string, csp: string): Record<string, string> {
  const contentType = contentTypeFor(file);
  const headers: Record<string, string> = { 'content-type': contentType, 'x-content-type-options': 'nosniff' };
  if (contentType.startsWith('text/html')) headers['content-security-policy'] = csp;
  return headers;
}

export interface AppAnswer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: Uint8Array | string;
}

export interface AnswerOptions {
  readonly rendererDir: string;
  /** Reads a whole file (Electron's fs reads inside app.asar too). */
  readonly readFile: (file: string) => Promise<Uint8Array>;
  /** The CSP for a document, built when it is served. */
  readonly csp: () => Promise<string>;
}

const plain = (status: number, text: string): AppAnswer => ({
  status,
  headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' },
  body: text,
});

/** What app://toonbank/ answers to one request: the file with its headers, or a plain error. */
export async function answerAppRequest(method: string, url: string, options: AnswerOptions): Promise<AppAnswer> {
  if (method !== 'GET' && method !== 'HEAD') return plain(405, 'Method not allowed');
  const file = resolveAppFile(url, options.rendererDir);
  if (file === null) return plain(404, 'Not found');
  let body: Uint8Array;
  try {
    body = await options.readFile(file);
  } catch {
    return plain(404, 'Not found'); // missing, or a folder
  }
  return { status: 200, headers: appFileHeaders(file, await options.csp()), body };
}
