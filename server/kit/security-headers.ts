import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * What every page may load unless it says otherwise: only its own files and the relay's own API and
 * socket, and no framing by anyone. Mantine sets inline style attributes, hence 'unsafe-inline' for
 * styles (never for scripts).
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

export const REFERRER_POLICY = 'strict-origin-when-cross-origin';

/** The two headers every response carries, also those sent where Fastify's hooks do not run. */
export const BASELINE_HEADERS = { 'x-content-type-options': 'nosniff', 'referrer-policy': REFERRER_POLICY } as const;

/**
 * Helmet's headers on every response (nosniff, a Referrer-Policy, no framing, …) and a
 * Content-Security-Policy with `frame-ancestors 'none'` on every HTML page that did not set its own.
 * Cross-origin embedding of the relay's files stays allowed: the desktop app (app://toonbank) and
 * shops' own sites show its images.
 */
export async function installSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: false,
    crossOriginEmbedderPolicy: false,
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    referrerPolicy: { policy: REFERRER_POLICY },
    frameguard: { action: 'deny' },
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    const type = reply.getHeader('content-type');
    if (typeof type === 'string' && type.startsWith('text/html') && !reply.hasHeader('content-security-policy')) {
      reply.header('content-security-policy', PAGE_POLICY);
    }
    return payload;
  });
}
