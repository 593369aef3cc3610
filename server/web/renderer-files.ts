import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { PAGE_POLICY } from '../kit/security-headers.js';

export const RENDERER_DIR = fileURLToPath(new URL('../../dist/renderer/', import.meta.url));

/** The pages' policy lives with the other security headers; re-exported for the pages served here. */
export { PAGE_POLICY };

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
