import type { Logger } from 'pino';
import type { Message, MessageError } from '../../shared/domain/message.js';
import type { OutboundChannel } from '../conversations/conversation-service.js';
import { GraphError, type GraphClient } from './graph-client.js';

export interface DeliveryOptions {
  graph: GraphClient;
  /** Waits before each retry of a temporary failure; the last failure is final. */
  retryDelaysMs: readonly number[];
  onResult: (message: Message, result: { waMessageId: string } | { error: MessageError }) => Promise<void>;
  logger: Logger;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends outbound messages through the Graph API in the background. Temporary errors (rate limits,
 * outages) are retried with growing waits; a final error is recorded on the message with its
 * reason — never a silent drop.
 */
export function createDelivery(options: DeliveryOptions): OutboundChannel & { idle(): Promise<void> } {
  const { graph, retryDelaysMs, onResult, logger } = options;
  const inFlight = new Set<Promise<void>>();

  async function send(message: Message, to: string): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        const waMessageId = await graph.sendText(to, message.text);
        await onResult(message, { waMessageId });
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
        await onResult(message, { error: { code: graphError.code, message: graphError.message } });
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
    deliver(message, to) {
      track(send(message, to));
    },
    markRead(waMessageId) {
      track(
        graph.markRead(waMessageId).catch((error: unknown) => {
          logger.warn({ waMessageId, err: error }, 'mark-as-read failed');
        }),
      );
    },
    /** Resolves when nothing is being sent: for a clean shutdown and for tests. */
    async idle() {
      while (inFlight.size > 0) await Promise.all(inFlight);
    },
  };
}
