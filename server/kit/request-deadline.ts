import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { AppError } from './app-error.js';

/*
 * A request whose body has not arrived within the deadline answers 408, in the relay's own error
 * shape, and frees its connection: a body trickling in a byte a second holds nothing for long.
 * (Node's own server timeouts stay as a backstop, a little later, for slow headers.)
 */
export function installRequestDeadline(app: FastifyInstance, deadlineMs: number): void {
  app.addHook('onRequest', async (request) => {
    (request as { startedAt?: number }).startedAt = Date.now();
  });
  app.addHook('preParsing', async (request, reply, payload) => {
    const startedAt = (request as { startedAt?: number }).startedAt ?? Date.now();
    const left = Math.max(0, deadlineMs - (Date.now() - startedAt));
    const guarded = new PassThrough();
    const timer = setTimeout(() => {
      // The answer goes out, then the connection closes: nothing more of this body is read.
      reply.header('connection', 'close');
      guarded.destroy(new AppError('REQUEST_TIMEOUT', `The request body did not arrive within ${deadlineMs / 1000} s`));
    }, left);
    const done = (): void => {
      clearTimeout(timer);
    };
    payload.once('end', done);
    payload.once('error', (error) => {
      done();
      guarded.destroy(error);
    });
    guarded.once('close', done);
    payload.pipe(guarded);
    return guarded;
  });
}
