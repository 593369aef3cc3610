import type { Customer, PhoneMessage } from '../../shared/protocol/sandbox.js';
import { bsuidOf } from './bsuid.js';

/*
 * Each customer's thread with the shop, in memory only: the relay owns the real history, and a
 * phone that starts empty after a restart is what a training tool should do.
 */

/** What the sandbox remembers about a message the shop sent, beyond what the phone shows. */
export interface ShopSendMeta {
  bizOpaqueCallbackData?: string;
  category: 'service' | 'utility';
  isReaction: boolean;
  /** The `sent` status went out: only then may `delivered` and `read` follow. */
  announced: boolean;
  pricingSent: boolean;
}

export interface Thread {
  customer: Customer;
  /** When the customer last wrote: the 24-hour customer-service window runs from here. */
  lastCustomerMessageAt: number | null;
  messages: PhoneMessage[];
  shopMeta: Map<string, ShopSendMeta>;
  /** Webhooks of this customer go out one after the other, in the order things happened. */
  queue: Promise<unknown>;
}

/** A long-running benchmark must not grow the sandbox without bound. */
const MAX_MESSAGES_PER_THREAD = 2_000;

export class Threads {
  private readonly threads = new Map<string, Thread>();
  private readonly threadOfMessage = new Map<string, string>();
  private readonly byBsuid = new Map<string, string>();

  get(waId: string): Thread | undefined {
    return this.threads.get(waId);
  }

  /** The customer's thread, created on first use; a given profile (name, username) replaces the old one. */
  ensure(waId: string, profile?: Omit<Customer, 'waId'>): Thread {
    let thread = this.threads.get(waId);
    if (!thread) {
      thread = {
        customer: { waId, ...(profile ?? { name: `+${waId}` }) },
        lastCustomerMessageAt: null,
        messages: [],
        shopMeta: new Map(),
        queue: Promise.resolve(),
      };
      this.threads.set(waId, thread);
      this.byBsuid.set(bsuidOf(waId), waId);
    } else if (profile !== undefined) {
      thread.customer = { waId, ...profile };
    }
    return thread;
  }

  /** The number behind a business-scoped user id the shop sends to (`recipient`). */
  waIdOfBsuid(bsuid: string): string | undefined {
    return this.byBsuid.get(bsuid);
  }

  customers(): Customer[] {
    return [...this.threads.values()].map((thread) => thread.customer);
  }

  append(thread: Thread, message: PhoneMessage): void {
    thread.messages.push(message);
    this.threadOfMessage.set(message.id, thread.customer.waId);
    while (thread.messages.length > MAX_MESSAGES_PER_THREAD) {
      const dropped = thread.messages.shift();
      if (dropped) {
        this.threadOfMessage.delete(dropped.id);
        thread.shopMeta.delete(dropped.id);
      }
    }
  }

  find(wamid: string): { thread: Thread; message: PhoneMessage } | undefined {
    const waId = this.threadOfMessage.get(wamid);
    const thread = waId === undefined ? undefined : this.threads.get(waId);
    const message = thread?.messages.find((m) => m.id === wamid);
    return thread && message ? { thread, message } : undefined;
  }

  /** Runs `task` after every webhook queued before it for this customer. */
  enqueue<T>(thread: Thread, task: () => Promise<T>): Promise<T> {
    const run = thread.queue.then(task, task);
    thread.queue = run.catch(() => undefined);
    return run;
  }
}
