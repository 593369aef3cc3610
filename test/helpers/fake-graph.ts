import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/*
 * A programmable stand-in for graph.facebook.com in tests: records every request and answers
 * each with the next scripted reply (default: accepted with a fresh wamid).
 */

export interface GraphRequest {
  /** When it arrived (ms since the epoch). */
  at: number;
  path: string;
  authorization: string | undefined;
  body: Record<string, unknown>;
  /** The wamid the fake answered a send with. */
  wamid?: string;
}

export interface GraphReply {
  status: number;
  body: unknown;
}

export const graphError = (code: number, message: string, status = 400, details = message): GraphReply => ({
  status,
  body: {
    error: {
      message,
      type: 'OAuthException',
      code,
      error_data: { messaging_product: 'whatsapp', details },
      fbtrace_id: 'AbC',
    },
  },
});

export class FakeGraph {
  readonly requests: GraphRequest[] = [];
  private readonly script: GraphReply[] = [];
  private counter = 0;
  private server: Server | undefined;
  url = '';

  /** The next replies, in order; once used up, sends are accepted. */
  reply(...replies: GraphReply[]): void {
    this.script.push(...replies);
  }

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      void readBody(request).then((text) => {
        const body = JSON.parse(text || '{}') as Record<string, unknown>;
        const record: GraphRequest = {
          at: Date.now(),
          path: request.url ?? '',
          authorization: request.headers.authorization,
          body,
        };
        this.requests.push(record);
        const scripted = this.script.shift();
        const wamid = `wamid.fake${++this.counter}`;
        if (!scripted && body['status'] !== 'read') record.wamid = wamid;
        const reply: GraphReply = scripted ?? {
          status: 200,
          body:
            body['status'] === 'read'
              ? { success: true }
              : {
                  messaging_product: 'whatsapp',
                  contacts: [{ input: body['to'], wa_id: String(body['to']).replace('+', '') }],
                  messages: [{ id: wamid }],
                },
        };
        response.writeHead(reply.status, { 'content-type': 'application/json' }).end(JSON.stringify(reply.body));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  /** The wamid a send was accepted under (throws for one the fake refused). */
  wamidOf(request: GraphRequest): string {
    if (request.wamid === undefined) throw new Error('that send was not accepted');
    return request.wamid;
  }

  /** Messages sent (any type), not read receipts. */
  sends(): GraphRequest[] {
    return this.requests.filter((r) => r.body['status'] === undefined);
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) =>
      this.server?.close(() => {
        resolve();
      }),
    );
  }
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
  });
}
