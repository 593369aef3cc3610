import type { Logger } from 'pino';
import { toWaId } from '../../shared/phone.js';
import type { Customer, CustomerMessageInput, PhoneMessage } from '../../shared/protocol/sandbox.js';
import { SERVICE_WINDOW_MS } from '../../shared/domain/conversation.js';
import { buildCustomerMessage } from './customer-messages.js';
import type { Faults } from './faults.js';
import { GRAPH_ERROR_TITLES, GraphApiError, invalidParameter } from './graph-errors.js';
import type { ParsedShopMessage } from './graph-schemas.js';
import { bsuidOf } from './bsuid.js';
import { newWamid } from './ids.js';
import type { MediaStore } from './media.js';
import type { Thread, Threads } from './threads.js';
import type { DeliveryOutcome, WebhookDispatcher } from './webhook-dispatcher.js';
import type { ServiceWindows } from './service-windows.js';
import {
  messageWebhook,
  statusWebhook,
  webhookContactOf,
  unixSeconds,
  type BusinessNumber,
  type WireStatus,
} from './webhook-payloads.js';

/*
 * The heart of the sandbox: the customers' side of WhatsApp. It takes the shop's sends (from the
 * fake Graph API) and the customers' messages (from the phone page and the test API), keeps each
 * thread, and reports everything to the relay as signed webhooks, in the order it happened.
 */

/** How the sandbox reaches the open phone pages (implemented by the Socket.IO namespace). */
export interface PhoneLink {
  isConnected(waId: string): boolean;
  /** A phone page shows this customer's chat and is visible. */
  isViewing(waId: string): boolean;
  push(waId: string, message: PhoneMessage): void;
  typing(waId: string, typing: boolean): void;
}

export interface SandboxDeps {
  business: BusinessNumber;
  threads: Threads;
  media: MediaStore;
  dispatcher: WebhookDispatcher;
  faults: Faults;
  /** When each customer last wrote, kept across restarts like WhatsApp does. */
  windows: ServiceWindows;
  logger: Logger;
  now: () => number;
}

export interface GraphSendResult {
  response: {
    messaging_product: 'whatsapp';
    contacts: { input: string; wa_id?: string; user_id: string }[];
    messages: { id: string }[];
  };
  /** Starts the status webhooks; called once the Graph API answer has gone out. */
  afterResponse: () => void;
}

/** Meta shows the typing indicator until the business replies, or for 25 seconds. */
const TYPING_MS = 25_000;

const noPhones: PhoneLink = {
  isConnected: () => false,
  isViewing: () => false,
  push: () => undefined,
  typing: () => undefined,
};

export class Sandbox {
  private phones: PhoneLink = noPhones;
  private readonly typingTimers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly deps: SandboxDeps) {}

  attachPhones(phones: PhoneLink): void {
    this.phones = phones;
  }

  close(): void {
    this.deps.dispatcher.close();
    this.deps.windows.close();
    for (const timer of this.typingTimers.values()) clearTimeout(timer);
    this.typingTimers.clear();
  }

  customers(): Customer[] {
    return this.deps.threads.customers();
  }

  /** The whole thread, failed shop sends included (for tests). */
  thread(waId: string): { customer: Customer; messages: PhoneMessage[] } | undefined {
    const thread = this.deps.threads.get(waId);
    return thread ? { customer: thread.customer, messages: thread.messages.map((m) => ({ ...m })) } : undefined;
  }

  /* ---------- the customer's side ---------- */

  /** What a phone opening this chat shows: everything but shop messages that never reached it. */
  openPhone(customer: Customer): PhoneMessage[] {
    const { waId, ...profile } = customer;
    const thread = this.deps.threads.ensure(waId, profile);
    this.phoneSeen(customer.waId);
    return thread.messages
      .filter((m) => m.from === 'customer' || m.status === 'delivered' || m.status === 'read')
      .map((m) => ({ ...m }));
  }

  /** A phone connected or became visible: the shop's messages waiting for it are delivered, and read. */
  phoneSeen(waId: string): void {
    const thread = this.deps.threads.get(waId);
    if (!thread || !this.phones.isConnected(waId)) return;
    const viewing = this.phones.isViewing(waId);
    for (const message of thread.messages) {
      if (message.from !== 'shop' || thread.shopMeta.get(message.id)?.announced !== true) continue;
      if (message.status === 'sent') this.advance(thread, message, 'delivered');
      if (viewing && message.status === 'delivered') this.advance(thread, message, 'read');
    }
  }

  /**
   * The customer sends a message: it becomes a `messages` webhook. Resolves with the first
   * delivery attempt's outcome; retries go on in the background and update the message.
   */
  async sendAsCustomer(
    customer: Customer,
    input: CustomerMessageInput,
  ): Promise<{ message: PhoneMessage; outcome: DeliveryOutcome }> {
    const { threads, business, dispatcher, media } = this.deps;
    const now = this.deps.now();
    const { waId: number, ...profile } = customer;
    const thread = threads.ensure(number, profile);
    const built = buildCustomerMessage(input, { thread, media, businessNumber: business.displayPhoneNumber, now });
    const message = built.phone;
    threads.append(thread, message);
    thread.lastCustomerMessageAt = now;
    this.deps.windows.customerWrote(number, now);
    this.phones.push(customer.waId, { ...message });

    const payload = messageWebhook(business, webhookContactOf(thread.customer), built.wire);
    const delivery = await threads.enqueue(thread, async () => {
      const started = dispatcher.deliver(payload, `message ${message.id}`);
      await started.first;
      return started;
    });
    const first = await delivery.first;
    this.settleCustomerMessage(thread, message, first, true);
    void delivery.final.then((final) => this.settleCustomerMessage(thread, message, final, false));
    return { message: { ...message }, outcome: first };
  }

  private settleCustomerMessage(
    thread: Thread,
    message: PhoneMessage,
    outcome: DeliveryOutcome,
    firstAttempt: boolean,
  ): void {
    if (message.status === 'read') return;
    if (outcome.ok) {
      if (message.status === 'sent' && message.error === undefined) return;
      message.status = 'sent';
      delete message.error;
    } else if (firstAttempt) {
      message.error = `${outcome.error ?? 'not accepted'}; retrying`;
    } else {
      message.status = 'failed';
      message.error = outcome.error ?? 'not accepted';
    }
    this.phones.push(thread.customer.waId, { ...message });
  }

  /* ---------- the shop's side (fake Graph API) ---------- */

  sendAsShop(parsed: ParsedShopMessage): GraphSendResult {
    const { threads, business, now } = this.deps;
    const waId = this.recipientOf(parsed);
    if (waId === business.displayPhoneNumber)
      throw new GraphApiError(131021, 'The recipient is the business number itself.');
    const fault = this.deps.faults.take();
    if (fault?.mode === 'sync') {
      throw new GraphApiError(
        fault.code,
        'A failure requested through the sandbox.',
        fault.httpStatus ? { httpStatus: fault.httpStatus } : {},
      );
    }
    const existing = threads.get(waId);
    const lastWrote = existing?.lastCustomerMessageAt ?? this.deps.windows.lastCustomerMessageAt(waId);
    if (!parsed.isTemplate && (lastWrote === null || now() - lastWrote >= SERVICE_WINDOW_MS)) {
      throw new GraphApiError(
        131047,
        'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
      );
    }
    const reactsTo = parsed.detail?.kind === 'reaction' ? parsed.detail.targetId : null;
    if (reactsTo !== null && !existing?.messages.some((m) => m.id === reactsTo)) {
      throw new GraphApiError(131009, "Param reaction['message_id'] does not match a message of this chat.");
    }
    const thread = threads.ensure(waId);
    const message: PhoneMessage = {
      id: newWamid(waId),
      from: 'shop',
      type: parsed.type,
      text: parsed.text,
      ...(parsed.detail ? { detail: parsed.detail } : {}),
      ...(parsed.contextId === undefined ? {} : { contextId: parsed.contextId }),
      status: 'sent',
      timestamp: new Date(now()).toISOString(),
    };
    threads.append(thread, message);
    thread.shopMeta.set(message.id, {
      ...(parsed.bizOpaqueCallbackData === undefined ? {} : { bizOpaqueCallbackData: parsed.bizOpaqueCallbackData }),
      category: parsed.isTemplate ? 'utility' : 'service',
      isReaction: parsed.isReaction,
      announced: false,
      pricingSent: false,
    });
    this.stopTyping(waId);
    return {
      response: {
        messaging_product: 'whatsapp',
        contacts: [
          thread.customer.hidesNumber
            ? { input: parsed.recipient ?? parsed.to ?? '', user_id: bsuidOf(waId) }
            : { input: parsed.to ?? parsed.recipient ?? '', wa_id: waId, user_id: bsuidOf(waId) },
        ],
        messages: [{ id: message.id }],
      },
      afterResponse: () => {
        if (fault?.mode === 'async') {
          this.fail(thread, message, fault.code);
          return;
        }
        this.postStatus(thread, message, 'sent');
        const meta = thread.shopMeta.get(message.id);
        if (meta) meta.announced = true;
        this.phoneSeen(waId);
      },
    };
  }

  /**
   * Who a send is for: `to` (a phone number) wins when both are given, as at Meta; otherwise
   * `recipient`, a business-scoped user id. A customer who hides their number cannot be sent to by it.
   */
  private recipientOf(parsed: ParsedShopMessage): string {
    if (parsed.to !== undefined) {
      const waId = toWaId(parsed.to);
      if (waId === null) throw invalidParameter(`Param to must be a valid WhatsApp phone number - got "${parsed.to}".`);
      return waId;
    }
    const waId = parsed.recipient === undefined ? undefined : this.deps.threads.waIdOfBsuid(parsed.recipient);
    if (waId === undefined) {
      throw invalidParameter(
        `Param recipient must be a business-scoped user id of a user - got "${parsed.recipient ?? ''}".`,
      );
    }
    return waId;
  }

  /** Mark-as-read (and typing indicator): this customer message and every earlier one turn blue. */
  markRead(wamid: string, typing: boolean): void {
    const found = this.deps.threads.find(wamid);
    if (!found || found.message.from !== 'customer') {
      throw new GraphApiError(131009, `Param message_id "${wamid}" is not a message this number received.`);
    }
    const { thread } = found;
    const index = thread.messages.indexOf(found.message);
    for (const message of thread.messages.slice(0, index + 1)) {
      if (message.from !== 'customer' || message.status === 'read' || message.status === 'failed') continue;
      message.status = 'read';
      delete message.error;
      this.phones.push(thread.customer.waId, { ...message });
    }
    if (typing) this.startTyping(thread.customer.waId);
  }

  private advance(thread: Thread, message: PhoneMessage, status: 'delivered' | 'read'): void {
    message.status = status;
    this.phones.push(thread.customer.waId, { ...message });
    this.postStatus(thread, message, status);
  }

  private fail(thread: Thread, message: PhoneMessage, code: number): void {
    message.status = 'failed';
    const title = GRAPH_ERROR_TITLES[code] ?? 'Message failed';
    message.error = `(#${code}) ${title}`;
    this.postStatus(thread, message, 'failed', [
      {
        code,
        title,
        message: title,
        error_data: { details: 'A failure requested through the sandbox.' },
        href: '/documentation/business-messaging/whatsapp/support/error-codes',
      },
    ]);
  }

  private postStatus(
    thread: Thread,
    message: PhoneMessage,
    status: WireStatus['status'],
    errors?: WireStatus['errors'],
  ): void {
    const meta = thread.shopMeta.get(message.id);
    // Reactions the business sends only ever get `sent` (reference §1.4).
    if (meta?.isReaction && status !== 'sent') return;
    const wire: WireStatus = {
      id: message.id,
      status,
      timestamp: unixSeconds(this.deps.now()),
      ...(thread.customer.hidesNumber ? {} : { recipient_id: thread.customer.waId }),
      recipient_user_id: bsuidOf(thread.customer.waId),
      ...(meta?.bizOpaqueCallbackData === undefined ? {} : { biz_opaque_callback_data: meta.bizOpaqueCallbackData }),
      ...(errors ? { errors } : {}),
    };
    if (meta && !meta.pricingSent && (status === 'delivered' || status === 'read')) {
      meta.pricingSent = true;
      const free = meta.category === 'service';
      wire.pricing = {
        billable: !free,
        pricing_model: 'PMP',
        type: free ? 'free_customer_service' : 'regular',
        category: meta.category,
      };
    }
    const payload = statusWebhook(this.deps.business, wire);
    void this.deps.threads.enqueue(
      thread,
      () => this.deps.dispatcher.deliver(payload, `status ${status} ${message.id}`).first,
    );
  }

  private startTyping(waId: string): void {
    this.stopTyping(waId, false);
    this.phones.typing(waId, true);
    const timer = setTimeout(() => this.stopTyping(waId), TYPING_MS);
    timer.unref();
    this.typingTimers.set(waId, timer);
  }

  private stopTyping(waId: string, notify = true): void {
    const timer = this.typingTimers.get(waId);
    if (!timer) return;
    clearTimeout(timer);
    this.typingTimers.delete(waId);
    if (notify) this.phones.typing(waId, false);
  }
}
