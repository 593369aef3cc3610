import { connect } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { api, startHarness, type Harness } from '../helpers/relay-harness.js';

/*
 * The HTTP edge as an attacker meets it: every answer in the relay's error shape with the baseline
 * headers, no 500 for anything a client can send, and a body that trickles in is cut off.
 */

/** Sends raw bytes and resolves with whatever comes back once the server has answered or closed. */
function rawRequest(port: number, chunks: string[], gapMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (data: string) => (answer += data));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
    let i = 0;
    const next = (): void => {
      if (socket.destroyed || i >= chunks.length) return;
      socket.write(chunks[i++] ?? '');
      setTimeout(next, gapMs).unref();
    };
    next();
  });
}

describe('the HTTP edge', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness({ config: { requestDeadlineMs: 400 } });
  });
  afterEach(async () => {
    await h.stop();
  });

  it('answers paths that climb out of the served folder, malformed URLs and unknown routes in its own shape', async () => {
    const port = new URL(h.url).port;
    for (const path of ['/assets/../../package.json', '/assets/%2e%2e/%2e%2e/package.json', '/%zz', '/api/v1/nope']) {
      const answer = await rawRequest(
        Number(port),
        [`GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`],
        0,
      );
      const [head, body] = answer.split('\r\n\r\n');
      expect(head).toMatch(/^HTTP\/1\.1 (400|404) /);
      expect(head?.toLowerCase()).toContain('x-content-type-options: nosniff');
      expect(head?.toLowerCase()).toContain('referrer-policy:');
      expect(JSON.parse(body ?? '')).toMatchObject({
        error: { code: expect.stringMatching(/^(BAD_REQUEST|NOT_FOUND)$/) as string },
      });
    }
  });

  it('puts nosniff and a Referrer-Policy on every response, and a CSP refusing frames on HTML', async () => {
    const json = await fetch(`${h.url}/healthz`);
    expect(json.headers.get('x-content-type-options')).toBe('nosniff');
    expect(json.headers.get('referrer-policy')).toBeTruthy();
    const error = await fetch(`${h.url}/api/v1/conversations`);
    expect(error.status).toBe(401);
    expect(error.headers.get('x-content-type-options')).toBe('nosniff');
    const socketIo = await fetch(`${h.url}/socket.io/?EIO=4&transport=polling`);
    expect(socketIo.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers 408 when a body trickles in too slowly, and stays up for everyone else', async () => {
    const port = Number(new URL(h.url).port);
    const head =
      'POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 60\r\n\r\n';
    const answer = await rawRequest(port, [head, ...'{"email":"boss@shop.test","password":"…'.split('')], 50);
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(JSON.parse(answer.split('\r\n\r\n')[1] ?? '')).toMatchObject({ error: { code: 'REQUEST_TIMEOUT' } });
    expect((await api(h, null, 'GET', '/healthz')).status).toBe(200);
  });
});
