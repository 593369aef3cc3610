import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export const RENDERER_DIR = fileURLToPath(new URL('../../dist/renderer/', import.meta.url));

/**
 * What the inbox and sandbox pages may load: only their own files and the relay's own API and
 * socket. Mantine sets inline style attributes, hence 'unsafe-inline' for styles (never scripts).
 */
export const PAGE_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https:",
  "connect-src 'self' ws: wss:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

/** Web mode: the built renderer at `/`, the same files the desktop app loads. */
export async function registerRendererFiles(app: FastifyInstance): Promise<void> {
  if (!existsSync(RENDERER_DIR)) {
    app.get('/', async (_request, reply) =>
      reply.code(503).type('text/plain').send('The inbox is not built yet: run `npm run build:renderer`, then reload.'),
    );
    return;
  }
  // wildcard: files are looked up per request, so a rebuilt renderer is served without a restart.
  await app.register(fastifyStatic, {
    root: RENDERER_DIR,
    prefix: '/',
    index: ['index.html'],
    wildcard: true,
    setHeaders: (reply, path) => {
      if (path.endsWith('.html')) reply.header('content-security-policy', PAGE_POLICY);
    },
  });
}
