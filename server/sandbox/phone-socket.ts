import type { Logger } from 'pino';
import type { Namespace, Server, Socket } from 'socket.io';
import {
  phoneCommands,
  SANDBOX_NAMESPACE,
  type PhoneClientToServerEvents,
  type PhoneCommands,
  type PhoneServerToClientEvents,
  type PhoneSocketData,
} from '../../shared/protocol/sandbox.js';
import { AppError } from '../kit/app-error.js';
import { serveCommands, type CommandHandlers } from '../kit/socket-commands.js';
import type { MediaStore } from './media.js';
import { SAMPLE_CUSTOMERS } from './samples.js';
import type { PhoneLink, Sandbox } from './sandbox.js';

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
type PhoneSocket = Socket<PhoneClientToServerEvents, PhoneServerToClientEvents, Record<string, never>, PhoneSocketData>;

export interface PhoneSocketOptions {
  sandbox: Sandbox;
  media: MediaStore;
  displayPhoneNumber: string;
  logger: Logger;
}

const room = (waId: string): string => `customer:${waId}`;

function openWaId(socket: PhoneSocket): string {
  if (socket.data.waId === null) throw new AppError('BAD_REQUEST', 'Open a chat first (phone:open)');
  return socket.data.waId;
}

/** Every phone command, served behind its schema (shared/protocol/sandbox.ts); the socket is the context. */
function phoneHandlers(options: PhoneSocketOptions): CommandHandlers<PhoneCommands, PhoneSocket> {
  const { sandbox, media } = options;
  return {
    'sandbox:info': () => ({
      displayPhoneNumber: options.displayPhoneNumber,
      samples: [...SAMPLE_CUSTOMERS],
      recent: sandbox.customers(),
      photos: media.samples().map((m) => ({ mediaId: m.id, label: m.label, url: `/sandbox/api/media/${m.id}` })),
    }),
    'phone:open': async (customer, socket) => {
      // State and rooms change before any await, so quick open/close/open sequences stay in order.
      const previous = socket.data.waId;
      socket.data.waId = customer.waId;
      socket.data.visible = false;
      const left = previous !== null && previous !== customer.waId ? socket.leave(room(previous)) : undefined;
      const joined = socket.join(room(customer.waId));
      const messages = sandbox.openPhone(customer);
      await Promise.all([left, joined]);
      return { customer, messages };
    },
    'phone:close': async (_payload, socket) => {
      const previous = socket.data.waId;
      socket.data.waId = null;
      socket.data.visible = false;
      if (previous !== null) await socket.leave(room(previous));
      return null;
    },
    'phone:visibility': ({ visible }, socket) => {
      socket.data.visible = visible;
      if (visible && socket.data.waId !== null) sandbox.phoneSeen(socket.data.waId);
      return null;
    },
    'phone:send': async (input, socket) => {
      const waId = openWaId(socket);
      const customer = sandbox.thread(waId)?.customer ?? { waId, name: `+${waId}` };
      const { message } = await sandbox.sendAsCustomer(customer, input);
      return { message };
    },
  };
}

export function attachPhoneNamespace(io: Server, options: PhoneSocketOptions): PhoneLink {
  const phones = io.of(SANDBOX_NAMESPACE) as unknown as PhoneNamespace;
  const handlers = phoneHandlers(options);

  phones.on('connection', (socket) => {
    socket.data.waId = null;
    socket.data.visible = false;
    serveCommands(socket, phoneCommands, handlers, socket, options.logger);
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
