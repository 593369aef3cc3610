import { z } from 'zod';
import { GraphThrottle, THROTTLE_CODES } from './graph-throttle.js';
import type { OutboundBody } from './outbound.js';

/*
 * The outbound half of the Cloud API adapter: POST {apiUrl}/{version}/{phoneNumberId}/messages.
 * The same code talks to graph.facebook.com and to the sandbox; only the base URL differs.
 */

export const GRAPH_API_VERSION = 'v25.0';

/** Who a message goes to: a phone number (WhatsApp id) or a business-scoped user id, at least one. */
export interface Recipient {
  waId: string | null;
  userId: string | null;
}

function addressOf(to: Recipient): { to: string } | { recipient: string } {
  if (to.waId !== null) return { to: `+${to.waId}` };
  if (to.userId !== null) return { recipient: to.userId };
  throw new GraphError('NO_RECIPIENT', 'The customer has neither a phone number nor a user id', false);
}

export interface GraphConfig {
  apiUrl: () => string;
  phoneNumberId: string;
  accessToken: string;
  /** Messages per second the number may send (Meta: 80 by default, up to 1,000). */
  perSecond: number;
}

/** Graph requests under way at once, at most. */
const GRAPH_CONCURRENCY = 16;

/** Codes Meta documents as temporary (throughput, rate limits, maintenance, "try again"). */
const TRANSIENT_CODES = new Set([1, 2, 4, 80007, 130429, 131000, 131016, 131056, 131057, 133004]);

export class GraphError extends Error {
  constructor(
    readonly code: number | string,
    message: string,
    readonly transient: boolean,
  ) {
    super(message);
    this.name = 'GraphError';
  }
}

const SendResponseSchema = z.object({ messages: z.array(z.object({ id: z.string().min(1) })).min(1) });
const GraphErrorBodySchema = z.object({
  error: z.object({
    code: z.number(),
    message: z.string(),
    error_data: z.object({ details: z.string().optional() }).optional(),
  }),
});

export class GraphClient {
  private readonly throttle: GraphThrottle;

  constructor(private readonly config: GraphConfig) {
    this.throttle = new GraphThrottle({ perSecond: config.perSecond, concurrency: GRAPH_CONCURRENCY });
  }

  /**
   * Sends a message (`body`: its `type` and that type's object, see outbound.ts); resolves with the
   * wamid Meta accepted it under. It goes to the customer's phone when it is known, otherwise to
   * their business-scoped user id (`recipient`, reference §1.7).
   */
  async sendMessage(to: Recipient, body: OutboundBody): Promise<string> {
    const response = await this.post({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      ...addressOf(to),
      ...body,
    });
    const parsed = SendResponseSchema.safeParse(response);
    if (!parsed.success) throw new GraphError('BAD_RESPONSE', 'The Graph API answered without a message id', true);
    return parsed.data.messages[0]?.id ?? '';
  }

  sendText(to: Recipient, body: string): Promise<string> {
    return this.sendMessage(to, { type: 'text', text: { body, preview_url: true } });
  }

  /** Blue ticks for the customer: marks this message and every earlier one as read. */
  async markRead(waMessageId: string): Promise<void> {
    await this.post({ messaging_product: 'whatsapp', status: 'read', message_id: waMessageId });
  }

  private post(body: unknown): Promise<unknown> {
    return this.throttle.run(
      () => this.request(body),
      (error) => error instanceof GraphError && typeof error.code === 'number' && THROTTLE_CODES.has(error.code),
    );
  }

  private async request(body: unknown): Promise<unknown> {
    const url = `${this.config.apiUrl()}/${GRAPH_API_VERSION}/${this.config.phoneNumberId}/messages`;
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${this.config.accessToken}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(15_000),
      });
    } catch (error) {
      throw new GraphError('NETWORK', `WhatsApp could not be reached: ${(error as Error).message}`, true);
    }
    const json: unknown = await response.json().catch(() => null);
    if (response.ok) return json;
    const parsed = GraphErrorBodySchema.safeParse(json);
    if (!parsed.success) {
      throw new GraphError(`HTTP_${response.status}`, `WhatsApp answered ${response.status}`, response.status >= 500);
    }
    const { code, message, error_data: data } = parsed.data.error;
    const details = data?.details && !message.includes(data.details) ? `: ${data.details}` : '';
    throw new GraphError(code, `${message}${details}`, TRANSIENT_CODES.has(code) || response.status >= 500);
  }
}
