import type { Logger } from 'pino';
import type { Message } from '../../shared/domain/message.js';
import type { ReadReceipts } from '../conversations/conversation-service.js';
import type { DomainEvent } from '../domain-events.js';
import type { SendResult } from '../messages/status-tracker.js';
import { GraphError, type GraphClient, type Recipient } from './graph-client.js';
import { outboundBody } from './outbound.js';

export interface DeliveryOptions {
  graph: GraphClient;
  /** Where each send's outcome is recorded (the message's status). */
  results: { recordSendResult(message: Message, result: SendResult): Promise<void> };
  /** Waits before each retry of a temporary failure; the last failure is final. */
  retryDelaysMs: readonly number[];
  logger: Logger;
}

export interface Delivery extends ReadReceipts {
  /** Listens to the domain events: every new outbound message that is pending goes out. */
  onEvent(event: DomainEvent): void;
  /** Sends what was still pending when the relay last stopped (at least once). */
  resume(outbox: { message: Message; to: Recipient }[]): void;
  /** Resolves when nothing is being sent: for a clean shutdown and for tests. */
  idle(): Promise<void>;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends outbound messages through the Graph API in the background. Temporary errors (rate limits,
 * outages) are retried with growing waits; a final error is recorded on the message with its
 * reason — never a silent drop.
 */
export function createDelivery(options: DeliveryOptions): Delivery {
  const { graph, retryDelaysMs, results, logger } = options;
  const inFlight = new Set<Promise<void>>();

  async function send(message: Message, to: Recipient): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        const waMessageId = await graph.sendMessage(to, outboundBody(message));
        await results.recordSendResult(message, { waMessageId });
        return;
      } catch (error) {
        const graphError =
          error instanceof GraphError ? error : new GraphError('INTERNAL', (error as Error).message, false);
        const delay = retryDelaysMs[attempt];
        if (graphError.transient && delay !== undefined) {
          logger.warn({ messageId: message.id, code: graphError.code, attempt }, 'send failed, retrying');
          await sleep(delay);
          continue;
        }
        logger.warn({ messageId: message.id, code: graphError.code }, 'send failed');
        await results.recordSendResult(message, { error: { code: graphError.code, message: graphError.message } });
        return;
      }
    }
  }

  function track(task: Promise<void>): void {
    const guarded = task.catch((error: unknown) => {
      logger.error({ err: error }, 'delivery bookkeeping failed');
    });
    inFlight.add(guarded);
    void guarded.finally(() => inFlight.delete(guarded));
  }

  return {
    onEvent(event) {
      if (event.type !== 'message.created') return;
      const { message, conversation } = event;
      if (message.direction === 'out' && message.status === 'pending') track(send(message, conversation.contact));
    },
    resume(outbox) {
      for (const { message, to } of outbox) track(send(message, to));
    },
    markRead(waMessageId) {
      track(
        graph.markRead(waMessageId).catch((error: unknown) => {
          logger.warn({ err: error }, 'mark-as-read failed');
        }),
      );
    },
    async idle() {
      while (inFlight.size > 0) await Promise.all(inFlight);
    },
  };
}
