import { readFile } from 'node:fs/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PAGE_POLICY } from '../web/renderer-files.js';

/*
 * The customer phone page, built by Vite next to the inbox (dist/renderer/sandbox.html). Its
 * assets are linked relatively (`./assets/…`) and resolve under the relay's root from `/sandbox`,
 * so `/sandbox/` is redirected there (whether or not the relay ignores trailing slashes).
 */

const PAGE = new URL('../../dist/renderer/sandbox.html', import.meta.url);

function redirectToPage(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const query = request.url.split('?')[1];
  return reply.redirect(`/sandbox${query === undefined ? '' : `?${query}`}`);
}

export function registerPage(app: FastifyInstance): void {
  app.get('/sandbox', async (request, reply) => {
    if (request.url.split('?')[0]?.endsWith('/')) return redirectToPage(request, reply);
    const html = await readFile(PAGE, 'utf8').catch(() => null);
    if (html === null)
      return reply.code(503).type('text/plain; charset=utf-8').send('Run npm run build:renderer first');
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .header('content-security-policy', PAGE_POLICY)
      .send(html);
  });
  // Also matches `/sandbox/` when the relay keeps trailing slashes apart; /sandbox/api and
  // /sandbox/graph are more specific and win.
  app.get('/sandbox/*', async (request, reply) => {
    if ((request.params as { '*'?: string })['*'] === '') return redirectToPage(request, reply);
    reply.callNotFound();
    return reply;
  });
}
