/*
 * Runs in: Electron main. Serves dist/renderer/ on app://toonbank/; what to answer is decided in
 * app-files.ts (unit-tested). registerAppScheme must run before `ready`, serveApp once it is.
 */
import { readFile } from 'node:fs/promises';
import { protocol, type Session } from 'electron';
import type { Logger } from 'pino';
import { answerAppRequest, APP_SCHEME } from './app-files.js';
import { contentSecurityPolicy } from './csp.js';

export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      // standard: a real origin and relative URLs; secure: a secure context, like https.
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

export interface ServeAppOptions {
  readonly rendererDir: string;
  /** The relay URL the CSP's connect-src allows, read for each document served. */
  readonly relayUrl: () => Promise<string>;
  readonly log: Logger;
}

export function serveApp(session: Session, { rendererDir, relayUrl, log }: ServeAppOptions): void {
  const csp = async (): Promise<string> => {
    try {
      return contentSecurityPolicy(await relayUrl());
    } catch (error) {
      log.error({ err: error }, 'could not read the relay URL: the page gets no connect-src');
      return contentSecurityPolicy(null);
    }
  };
  session.protocol.handle(APP_SCHEME, async (request) => {
    const answer = await answerAppRequest(request.method, request.url, { rendererDir, readFile, csp });
    if (answer.status !== 200) log.warn({ url: request.url, status: answer.status }, 'app:// request refused');
    return new Response(request.method === 'HEAD' ? null : answer.body, {
      status: answer.status,
      headers: answer.headers,
    });
  });
}
