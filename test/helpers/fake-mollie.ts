import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PaymentStatus } from '../../shared/domain/order.js';

/*
 * A stand-in for api.mollie.com in tests (reference/payments.md §1): records every request and
 * answers as Mollie documents it — HAL JSON payments, `tr_` ids, amount strings with exactly the
 * currency's decimals, the 401/404/422 error body, Idempotency-Key replays (with
 * `Idempotent-Replayed: true`) and a 400 when a key comes back with another body.
 */

export interface MollieRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
  json: unknown;
}

interface Reply {
  status: number;
  body: unknown;
}

const DECIMALS: Record<string, number> = { JPY: 0, ISK: 0, KWD: 3, BHD: 3 };

export class FakeMollie {
  readonly requests: MollieRequest[] = [];
  readonly payments = new Map<string, Record<string, unknown>>();
  private readonly idempotent = new Map<string, { body: string; reply: Reply }>();
  private readonly script: Reply[] = [];
  private server: Server | undefined;
  url = '';

  constructor(
    readonly apiKey = 'test_dHar4XY7LxsDOtmnkVtjNVWXLSlXsM',
    readonly now: () => number = Date.now,
  ) {}

  /** The next replies, in order, whatever the request (to play outages and odd answers). */
  reply(...replies: Reply[]): void {
    this.script.push(...replies);
  }

  /** What the customer does at Mollie's checkout: a final status also removes the checkout link. */
  setStatus(id: string, status: PaymentStatus): void {
    const payment = this.payments.get(id);
    if (!payment) throw new Error(`no payment ${id}`);
    payment['status'] = status;
    if (status !== 'open') {
      const links = payment['_links'] as Record<string, unknown>;
      delete links['checkout'];
      payment[`${status}At`] = new Date(this.now()).toISOString();
    }
  }

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      void this.handle(request, response);
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readBody(request);
    const json = parseJson(body);
    const path = request.url ?? '';
    this.requests.push({ method: request.method ?? '', path, headers: request.headers, body, json });
    const send = (reply: Reply, headers: Record<string, string> = {}) =>
      response
        .writeHead(reply.status, { 'content-type': 'application/hal+json', ...headers })
        .end(JSON.stringify(reply.body));

    const scripted = this.script.shift();
    if (scripted) return void send(scripted);
    if (request.headers.authorization !== `Bearer ${this.apiKey}`) {
      return void send(error(401, 'Unauthorized Request', 'Missing authentication, or failed to authenticate'));
    }
    const get = /^\/v2\/payments\/([^/?]+)$/.exec(path);
    if (request.method === 'GET' && get) {
      const payment = this.payments.get(get[1] ?? '');
      return void send(
        payment
          ? { status: 200, body: payment }
          : error(404, 'Not Found', `No payment exists with token ${get[1] ?? ''}.`),
      );
    }
    if (request.method !== 'POST' || path !== '/v2/payments')
      return void send(error(404, 'Not Found', 'Unknown endpoint'));

    const key = request.headers['idempotency-key'];
    if (typeof key === 'string') {
      const earlier = this.idempotent.get(key);
      if (earlier && earlier.body !== body) {
        return void send(error(400, 'Bad Request', 'The Idempotency-Key was used before with a different request'));
      }
      if (earlier) return void send(earlier.reply, { 'idempotent-replayed': 'true' });
    }
    const reply = this.create(json, request.headers['content-type']);
    if (typeof key === 'string') this.idempotent.set(key, { body, reply });
    send(reply);
  }

  private create(json: unknown, contentType: string | undefined): Reply {
    if (!contentType?.startsWith('application/json') || typeof json !== 'object' || json === null) {
      return error(415, 'Unsupported Media Type', 'The request body is not JSON');
    }
    const input = json as Record<string, unknown>;
    const amount = input['amount'] as { currency?: unknown; value?: unknown } | undefined;
    const currency = typeof amount?.currency === 'string' ? amount.currency : '';
    const decimals = DECIMALS[currency] ?? 2;
    const pattern = decimals === 0 ? /^\d+$/ : new RegExp(`^\\d+\\.\\d{${decimals}}$`);
    if (typeof amount?.value !== 'string' || !pattern.test(amount.value)) {
      return error(422, 'Unprocessable Entity', 'The amount contains an invalid value', 'amount.value');
    }
    for (const field of ['description', 'redirectUrl'] as const) {
      if (typeof input[field] !== 'string' || input[field] === '') {
        return error(422, 'Unprocessable Entity', `The ${field} is required`, field);
      }
    }
    const webhookUrl = input['webhookUrl'];
    if (typeof webhookUrl === 'string' && /\/\/(localhost|127\.)/.test(webhookUrl)) {
      return error(
        422,
        'Unprocessable Entity',
        "The webhook URL is invalid because it is unreachable from Mollie's point of view",
        'webhookUrl',
      );
    }
    const token = randomBytes(8).toString('base64url').replace(/[-_]/g, 'x').slice(0, 10);
    const id = `tr_${token}`;
    const now = this.now();
    const payment = {
      resource: 'payment',
      id,
      mode: 'test',
      createdAt: new Date(now).toISOString(),
      amount: { value: amount.value, currency },
      description: input['description'],
      method: null,
      metadata: input['metadata'] ?? null,
      status: 'open',
      isCancelable: false,
      expiresAt: new Date(now + 15 * 60 * 1000).toISOString(),
      profileId: 'pfl_QkEhN94Ba',
      sequenceType: 'oneoff',
      redirectUrl: input['redirectUrl'],
      webhookUrl: webhookUrl ?? null,
      _links: {
        self: { href: `${this.url}/v2/payments/${id}`, type: 'application/hal+json' },
        checkout: { href: `https://www.mollie.com/checkout/select-method/${token}`, type: 'text/html' },
      },
    };
    this.payments.set(id, payment);
    return { status: 201, body: payment };
  }
}

export function error(status: number, title: string, detail: string, field?: string): Reply {
  return {
    status,
    body: {
      status,
      title,
      detail,
      ...(field ? { field } : {}),
      _links: { documentation: { href: 'https://docs.mollie.com/overview/handling-errors', type: 'text/html' } },
    },
  };
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return undefined;
  }
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}
