import { io, type Socket } from 'socket.io-client';
import { commandClient, eventListener } from '../../shared/client/commands.js';
import {
  phoneCommands,
  phoneEvents,
  SANDBOX_NAMESPACE,
  type Customer,
  type CustomerMessageInput,
  type PhoneClientToServerEvents,
  type PhoneMessage,
  type PhoneServerToClientEvents,
  type SandboxInfo,
} from '../../shared/protocol/sandbox.js';

/*
 * The phone page's only link: the sandbox's Socket.IO namespace on the same origin. The page
 * fetches nothing from the relay itself; it is the customer's side of WhatsApp. Commands and
 * events go through the same typed client as the relay's (shared/client/commands.ts): acks within
 * a time limit, every answer and event parsed by its schema.
 */

export type PhoneSocket = Socket<PhoneServerToClientEvents, PhoneClientToServerEvents>;

/** A send waits for the relay to answer the webhook, which may take a retry or two. */
const COMMAND_TIMEOUT_MS = 15_000;

const command = commandClient(phoneCommands, COMMAND_TIMEOUT_MS);

/** Listens to a phone event; a payload this page cannot read is dropped (the next open resyncs). */
export const listen = eventListener(phoneEvents);

export class PhoneClient {
  readonly socket: PhoneSocket = io(SANDBOX_NAMESPACE, { reconnectionDelayMax: 3000 });

  info(): Promise<SandboxInfo> {
    return command(this.socket, 'sandbox:info');
  }

  open(customer: Customer): Promise<{ customer: Customer; messages: PhoneMessage[] }> {
    return command(this.socket, 'phone:open', customer);
  }

  async close(): Promise<void> {
    await command(this.socket, 'phone:close');
  }

  async visibility(visible: boolean): Promise<void> {
    await command(this.socket, 'phone:visibility', { visible });
  }

  async send(input: CustomerMessageInput): Promise<PhoneMessage> {
    return (await command(this.socket, 'phone:send', input)).message;
  }
}
