import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export const RENDERER_DIR = fileURLToPath(new URL('../../dist/renderer/', import.meta.url));

/** Web mode: the built renderer at `/`, the same files the desktop app loads. */
export async function registerRendererFiles(app: FastifyInstance): Promise<void> {
  if (!existsSync(RENDERER_DIR)) {
    app.get('/', async (_request, reply) =>
      reply.code(503).type('text/plain').send('The inbox is not built yet: run `npm run build:renderer`, then reload.'),
    );
    return;
  }
  await app.register(fastifyStatic, { root: RENDERER_DIR, prefix: '/', index: ['index.html'], wildcard: false });
}
