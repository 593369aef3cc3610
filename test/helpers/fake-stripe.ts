import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { stripeSignature } from '../../server/payments/stripe-signature.js';

/*
 * A stand-in for api.stripe.com in tests (reference/payments.md §2): records every request with its
 * form fields as bracketed keys (`line_items[0][price_data][unit_amount]`), answers with Checkout
 * Sessions as Stripe does, Stripe's error body for a bad key, a missing parameter, an unknown session
 * or an idempotency key reused with other parameters, and builds signed webhook deliveries.
 */

export interface StripeRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
  form: Record<string, string>;
}

interface Reply {
  status: number;
  body: unknown;
}

export type Session = Record<string, unknown> & { id: string };

export class FakeStripe {
  readonly requests: StripeRequest[] = [];
  readonly sessions = new Map<string, Session>();
  private readonly idempotent = new Map<string, { body: string; reply: Reply }>();
  private readonly script: Reply[] = [];
  private server: Server | undefined;
  private events = 0;
  url = '';

  constructor(
    readonly secretKey = 'sk_test_51FakeKeyForToonbankTests',
    readonly webhookSecret = 'whsec_test_secret',
    readonly now: () => number = Date.now,
  ) {}

  reply(...replies: Reply[]): void {
    this.script.push(...replies);
  }

  /** The customer finishing the checkout; `paid: false` is a delayed method (SEPA, Bancontact …). */
  complete(id: string, paid = true): Session {
    return this.update(id, { status: 'complete', payment_status: paid ? 'paid' : 'unpaid', url: null });
  }

  expire(id: string): Session {
    return this.update(id, { status: 'expired', url: null });
  }

  /** A webhook delivery as Stripe signs it; `timestamp` and `secret` may be set to forge or age one. */
  delivery(
    type: string,
    object: unknown,
    options: { timestamp?: number; secret?: string; id?: string } = {},
  ): { headers: Record<string, string>; rawBody: string; eventId: string } {
    const eventId = options.id ?? `evt_${++this.events}${randomBytes(6).toString('hex')}`;
    const rawBody = JSON.stringify({
      id: eventId,
      object: 'event',
      api_version: '2025-06-30.basil',
      created: Math.floor(this.now() / 1000),
      type,
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      data: { object },
    });
    const timestamp = options.timestamp ?? Math.floor(this.now() / 1000);
    const signature = stripeSignature(options.secret ?? this.webhookSecret, rawBody, timestamp);
    return { headers: { 'stripe-signature': signature, 'content-type': 'application/json' }, rawBody, eventId };
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

  private update(id: string, fields: Record<string, unknown>): Session {
    const session = this.sessions.get(id);
    if (!session) throw new Error(`no session ${id}`);
    Object.assign(session, fields);
    return session;
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readBody(request);
    const form = Object.fromEntries(new URLSearchParams(body));
    const path = request.url ?? '';
    this.requests.push({ method: request.method ?? '', path, headers: request.headers, body, form });
    const send = (reply: Reply, headers: Record<string, string> = {}) =>
      response
        .writeHead(reply.status, { 'content-type': 'application/json', ...headers })
        .end(JSON.stringify(reply.body));

    const scripted = this.script.shift();
    if (scripted) return void send(scripted);
    if (request.headers.authorization !== `Bearer ${this.secretKey}`) {
      return void send(stripeError(401, 'invalid_request_error', 'Invalid API Key provided: sk_test_****'));
    }
    const get = /^\/v1\/checkout\/sessions\/([^/?]+)/.exec(path);
    if (request.method === 'GET' && get) {
      const session = this.sessions.get(get[1] ?? '');
      const missing = stripeError(404, 'invalid_request_error', `No such checkout.session: '${get[1] ?? ''}'`, {
        code: 'resource_missing',
        param: 'id',
      });
      return void send(session ? { status: 200, body: session } : missing);
    }
    if (request.method !== 'POST' || path !== '/v1/checkout/sessions') {
      return void send(
        stripeError(404, 'invalid_request_error', `Unrecognized request URL (${request.method ?? ''}: ${path}).`),
      );
    }
    const key = request.headers['idempotency-key'];
    if (typeof key === 'string') {
      const earlier = this.idempotent.get(key);
      if (earlier && earlier.body !== body) {
        return void send(
          stripeError(
            400,
            'idempotency_error',
            `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
          ),
        );
      }
      if (earlier) return void send(earlier.reply, { 'idempotent-replayed': 'true' });
    }
    const reply = this.create(form, request.headers['content-type']);
    if (typeof key === 'string') this.idempotent.set(key, { body, reply });
    send(reply);
  }

  private create(form: Record<string, string>, contentType: string | undefined): Reply {
    if (!contentType?.startsWith('application/x-www-form-urlencoded')) {
      return stripeError(400, 'invalid_request_error', 'Invalid request: send application/x-www-form-urlencoded');
    }
    const missing = (param: string) =>
      stripeError(400, 'invalid_request_error', `Missing required param: ${param}.`, {
        code: 'parameter_missing',
        param,
      });
    if (!form['mode']) return missing('mode');
    if (!form['success_url']) return missing('success_url');
    let total = 0;
    let currency = '';
    let count = 0;
    for (
      ;
      form[`line_items[${count}][quantity]`] !== undefined ||
      form[`line_items[${count}][price_data][currency]`] !== undefined;
      count++
    ) {
      const item = (field: string) => form[`line_items[${count}]${field}`];
      for (const field of [
        '[price_data][currency]',
        '[price_data][product_data][name]',
        '[price_data][unit_amount]',
        '[quantity]',
      ]) {
        if (!item(field)) return missing(`line_items[${count}]${field}`);
      }
      const unit = Number(item('[price_data][unit_amount]'));
      const quantity = Number(item('[quantity]'));
      if (!Number.isInteger(unit) || !Number.isInteger(quantity)) {
        return stripeError(400, 'invalid_request_error', 'Invalid integer', {
          code: 'parameter_invalid_integer',
          param: `line_items[${count}]`,
        });
      }
      total += unit * quantity;
      currency = item('[price_data][currency]') ?? '';
    }
    if (count === 0) return missing('line_items');
    const now = Math.floor(this.now() / 1000);
    const expiresAt = form['expires_at'] ? Number(form['expires_at']) : now + 24 * 3600;
    if (expiresAt < now + 30 * 60 || expiresAt > now + 24 * 3600) {
      return stripeError(
        400,
        'invalid_request_error',
        'The `expires_at` timestamp must be at least 30 minutes and less than 24 hours from Checkout Session creation.',
        { param: 'expires_at' },
      );
    }
    const id = `cs_test_${randomBytes(24).toString('base64url').replace(/[-_]/g, 'a')}`;
    const metadata = Object.fromEntries(
      Object.entries(form)
        .map(([name, value]) => [/^metadata\[([^\]]+)\]$/.exec(name)?.[1], value])
        .filter((entry): entry is [string, string] => entry[0] !== undefined),
    );
    const session: Session = {
      id,
      object: 'checkout.session',
      mode: form['mode'],
      url: `https://checkout.stripe.com/c/pay/${id}`,
      status: 'open',
      payment_status: 'unpaid',
      amount_total: total,
      amount_subtotal: total,
      currency,
      expires_at: expiresAt,
      created: now,
      client_reference_id: form['client_reference_id'] ?? null,
      metadata,
      payment_intent: null,
      success_url: form['success_url'],
      cancel_url: form['cancel_url'] ?? null,
      livemode: false,
    };
    this.sessions.set(id, session);
    return { status: 200, body: session };
  }
}

export function stripeError(
  status: number,
  type: string,
  message: string,
  extra: { code?: string; param?: string } = {},
): Reply {
  return { status, body: { error: { type, message, ...extra } } };
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}
