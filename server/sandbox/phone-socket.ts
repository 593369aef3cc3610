import type { Logger } from 'pino';
import type { Namespace, Server } from 'socket.io';
import type { z } from 'zod';
import type { AckResult } from '../../shared/protocol/result.js';
import {
  CustomerMessageInputSchema,
  OpenPhoneCommandSchema,
  SANDBOX_NAMESPACE,
  VisibilityCommandSchema,
  type PhoneClientToServerEvents,
  type PhoneServerToClientEvents,
  type PhoneSocketData,
} from '../../shared/protocol/sandbox.js';
import type { MediaStore } from './media.js';
import { SAMPLE_CUSTOMERS } from './samples.js';
import type { PhoneLink, Sandbox } from './sandbox.js';
import { SandboxError } from './sandbox-error.js';

/*
 * The phone pages' live link: Socket.IO namespace `/sandbox`, one room per customer number.
 * A phone in a room is "connected" (shop messages get delivered); one that reports itself
 * visible is "viewing" (they get read). No agent token: this is the customer's side.
 */

type PhoneNamespace = Namespace<
  PhoneClientToServerEvents,
  PhoneServerToClientEvents,
  Record<string, never>,
  PhoneSocketData
>;

export interface PhoneSocketOptions {
  sandbox: Sandbox;
  media: MediaStore;
  displayPhoneNumber: string;
  logger: Logger;
}

const room = (waId: string): string => `customer:${waId}`;

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new SandboxError(
    'BAD_REQUEST',
    issue ? `${issue.path.join('.') || 'command'}: ${issue.message}` : 'Invalid command',
  );
}

export function attachPhoneNamespace(io: Server, options: PhoneSocketOptions): PhoneLink {
  const { sandbox, media, logger } = options;
  const phones = io.of(SANDBOX_NAMESPACE) as unknown as PhoneNamespace;

  /** Answers a command through its ack: a result, or a refusal with a code (never a stack trace). */
  async function answer<T>(ack: unknown, work: () => T | Promise<T>): Promise<void> {
    const reply = typeof ack === 'function' ? (ack as (result: AckResult<T>) => void) : () => undefined;
    try {
      reply({ ok: true, data: await work() });
    } catch (error) {
      if (error instanceof SandboxError) {
        reply({ ok: false, code: error.code, message: error.message });
        return;
      }
      logger.error({ err: error }, 'phone command failed');
      reply({ ok: false, code: 'INTERNAL', message: 'The sandbox failed' });
    }
  }

  phones.on('connection', (socket) => {
    socket.data.waId = null;
    socket.data.visible = false;

    const openWaId = (): string => {
      if (socket.data.waId === null) throw new SandboxError('BAD_REQUEST', 'Open a chat first (phone:open)');
      return socket.data.waId;
    };

    socket.on('sandbox:info', (ack) => {
      void answer(ack, () => ({
        displayPhoneNumber: options.displayPhoneNumber,
        samples: [...SAMPLE_CUSTOMERS],
        recent: sandbox.customers(),
        photos: media.samples().map((m) => ({ mediaId: m.id, label: m.label, url: `/sandbox/api/media/${m.id}` })),
      }));
    });

    socket.on('phone:open', (command, ack) => {
      void answer(ack, async () => {
        const customer = parse(OpenPhoneCommandSchema, command);
        // State and rooms change before any await, so quick open/close/open sequences stay in order.
        const previous = socket.data.waId;
        socket.data.waId = customer.waId;
        socket.data.visible = false;
        const left = previous !== null && previous !== customer.waId ? socket.leave(room(previous)) : undefined;
        const joined = socket.join(room(customer.waId));
        const messages = sandbox.openPhone(customer);
        await Promise.all([left, joined]);
        return { customer, messages };
      });
    });

    socket.on('phone:close', (ack) => {
      void answer(ack, async () => {
        const previous = socket.data.waId;
        socket.data.waId = null;
        socket.data.visible = false;
        if (previous !== null) await socket.leave(room(previous));
        return null;
      });
    });

    socket.on('phone:visibility', (command, ack) => {
      void answer(ack, () => {
        socket.data.visible = parse(VisibilityCommandSchema, command).visible;
        if (socket.data.visible && socket.data.waId !== null) sandbox.phoneSeen(socket.data.waId);
        return null;
      });
    });

    socket.on('phone:send', (command, ack) => {
      void answer(ack, async () => {
        const waId = openWaId();
        const input = parse(CustomerMessageInputSchema, command);
        const customer = sandbox.thread(waId)?.customer ?? { waId, name: `+${waId}` };
        const { message } = await sandbox.sendAsCustomer(customer, input);
        return { message };
      });
    });
  });

  const socketsIn = (waId: string) =>
    [...(phones.adapter.rooms.get(room(waId)) ?? [])]
      .map((id) => phones.sockets.get(id))
      .filter((s) => s !== undefined);

  return {
    isConnected: (waId) => socketsIn(waId).length > 0,
    isViewing: (waId) => socketsIn(waId).some((socket) => socket.data.visible),
    push: (waId, message) => phones.to(room(waId)).emit('message:upsert', message),
    typing: (waId, typing) => phones.to(room(waId)).emit('shop:typing', { typing }),
  };
}
