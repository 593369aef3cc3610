import { io, type Socket } from 'socket.io-client';
import type { AckResult, ErrorCode } from '../../shared/protocol/result.js';
import {
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
 * fetches nothing from the relay itself; it is the customer's side of WhatsApp.
 */

export type PhoneSocket = Socket<PhoneServerToClientEvents, PhoneClientToServerEvents>;

const COMMAND_TIMEOUT_MS = 15_000;

export class PhoneCommandError extends Error {
  constructor(
    readonly code: ErrorCode | 'TIMEOUT',
    message: string,
  ) {
    super(message);
    this.name = 'PhoneCommandError';
  }
}

type CommandName = keyof PhoneClientToServerEvents;
type CommandArgs<E extends CommandName> =
  Parameters<PhoneClientToServerEvents[E]> extends [...infer A, unknown] ? A : never;
type CommandData<E extends CommandName> =
  Parameters<PhoneClientToServerEvents[E]> extends [...unknown[], (result: AckResult<infer T>) => void] ? T : never;

/** Sends a command and waits for its ack; a sandbox that does not answer in time is an error too. */
async function command<E extends CommandName>(
  socket: PhoneSocket,
  event: E,
  ...args: CommandArgs<E>
): Promise<CommandData<E>> {
  let result: AckResult<CommandData<E>>;
  try {
    // Socket.IO's typed emitWithAck cannot follow a generic event name; the ack shape is ours.
    const timed = socket.timeout(COMMAND_TIMEOUT_MS);
    const emit = timed.emitWithAck.bind(timed) as (ev: E, ...a: unknown[]) => Promise<AckResult<CommandData<E>>>;
    result = await emit(event, ...args);
  } catch {
    throw new PhoneCommandError('TIMEOUT', 'The sandbox did not answer');
  }
  if (!result.ok) throw new PhoneCommandError(result.code, result.message);
  return result.data;
}

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
