import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext } from '@playwright/test';
import { Server } from 'socket.io';
import { io as connect } from 'socket.io-client';
import { newPage, wallNow } from './browser.js';
import { seqIn, type FanoutSystem } from './fanout.js';

/*
 * The yardstick: the least a Socket.IO fan-out can do on this machine. One HTTP server on
 * loopback serves a minimal page and the Socket.IO client; a POST (the same webhook JSON Toonbank
 * gets, so the same bytes cross the same kind of HTTP hop) is parsed and its text broadcast to
 * every socket; each page appends a div with the text. No auth, no storage, no framework.
 */

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>baseline</title></head>
<body><main id="log"></main>
<script src="/socket.io/socket.io.js"></script>
<script>
  const log = document.getElementById('log');
  const socket = io({ transports: ['websocket'] });
  socket.on('connect', () => { document.body.dataset.connected = 'yes'; });
  socket.on('text', (payload) => {
    const div = document.createElement('div');
    div.textContent = payload.text;
    log.appendChild(div);
  });
</script></body></html>`;

export const BASELINE_SCOPE = '#log';

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** The text of a Cloud API text-message webhook (entry[0].changes[0].value.messages[0].text.body). */
function webhookText(json: unknown): string {
  const value = (json as { entry?: { changes?: { value?: { messages?: { text?: { body?: unknown } }[] } }[] }[] })
    .entry?.[0]?.changes?.[0]?.value;
  const body = value?.messages?.[0]?.text?.body;
  if (typeof body !== 'string') throw new Error('not a text webhook');
  return body;
}

export interface Baseline {
  system: FanoutSystem;
  url: string;
  stop(): Promise<void>;
}

export interface SystemOptions {
  pages: number;
  /** The webhook JSON of message `seq` (the same bytes for both systems). */
  bodyOf: (seq: number, text: string) => string;
  /** The run's token prefix (see payloads.ts). */
  prefix: string;
}

export async function startBaseline(browser: Browser, { pages, bodyOf, prefix }: SystemOptions): Promise<Baseline> {
  const http = createServer((request, response) => {
    if (request.method === 'GET' && request.url === '/') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
      return;
    }
    if (request.method === 'POST' && request.url === '/broadcast') {
      readBody(request)
        .then((raw) => {
          io.emit('text', { text: webhookText(JSON.parse(raw)) });
          response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
        })
        .catch(() => response.writeHead(400).end());
      return;
    }
    if (!request.url?.startsWith('/socket.io/')) response.writeHead(404).end();
  });
  const io = new Server(http);
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;

  const contexts: BrowserContext[] = [];
  const system: FanoutSystem = {
    name: 'Socket.IO baseline',
    pages: [],
    scope: BASELINE_SCOPE,
    send: (seq, text) => postBaseline(url, bodyOf(seq, text)),
    socketSeen: new Map(),
  };
  const observer = connect(url, { transports: ['websocket'] });
  observer.on('text', (payload: { text: string }) => {
    const seq = seqIn(payload.text, prefix);
    if (seq !== undefined && !system.socketSeen.has(seq)) system.socketSeen.set(seq, wallNow());
  });
  await new Promise<void>((resolve, reject) => {
    observer.once('connect', resolve);
    observer.once('connect_error', reject);
  });
  for (let i = 0; i < pages; i++) {
    const { context, page } = await newPage(browser);
    contexts.push(context);
    await page.goto(url);
    await page.waitForSelector('body[data-connected="yes"]', { state: 'attached' });
    system.pages.push(page);
  }
  if (io.of('/').sockets.size !== pages + 1) {
    throw new Error(`baseline: ${io.of('/').sockets.size} sockets, expected ${pages} pages + 1 observer`);
  }

  return {
    system,
    url,
    async stop() {
      observer.close();
      await Promise.all(contexts.map((c) => c.close()));
      await io.close();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

async function postBaseline(url: string, body: string): Promise<void> {
  const response = await fetch(`${url}/broadcast`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`baseline answered ${response.status}`);
}
