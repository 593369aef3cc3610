import type { z } from 'zod';
import { ErrorBodySchema, type AckResult, type ErrorCode } from '../protocol/result.js';
import type { CommandArgs, CommandResult, CommandSpecs, EventPayload, EventSchemas } from '../protocol/spec.js';

/*
 * The typed command client for any Socket.IO protocol declared with spec.ts (the relay's, the
 * sandbox phone's): a command waits for its ack within a time limit, and the ack's data is parsed by
 * the command's response schema before anyone uses it. Events are parsed by their schemas too.
 */

export class RelayError extends Error {
  constructor(
    readonly code: ErrorCode | 'TIMEOUT',
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'RelayError';
  }
}

/** The part of a Socket.IO client socket that commands and listeners need, whatever its event maps. */
export interface CommandSocket {
  timeout(ms: number): { emitWithAck(event: string, ...args: unknown[]): Promise<unknown> };
}
interface ListenSocket {
  on(event: string, listener: (payload: unknown) => void): unknown;
  off(event: string, listener: (payload: unknown) => void): unknown;
}

/** Any socket with `on`/`off`, whatever event maps it is typed with (its own generics are stricter). */
export interface AnySocket {
  on: (...args: never[]) => unknown;
  off: (...args: never[]) => unknown;
}

const COMMAND_TIMEOUT_MS = 10_000;

/** A `command(socket, name, payload?)` function for one protocol's commands. */
export function commandClient<C extends CommandSpecs>(specs: C, timeoutMs = COMMAND_TIMEOUT_MS) {
  return async function command<E extends keyof C & string>(
    socket: CommandSocket,
    event: E,
    ...args: CommandArgs<C, E>
  ): Promise<CommandResult<C, E>> {
    let result: AckResult<unknown>;
    try {
      result = (await socket.timeout(timeoutMs).emitWithAck(event, ...args)) as AckResult<unknown>;
    } catch {
      throw new RelayError('TIMEOUT', 'The relay did not answer in time');
    }
    if (!result.ok) throw new RelayError(result.code, result.message);
    const parsed = specs[event]?.response.safeParse(result.data);
    if (!parsed?.success) throw new RelayError('INTERNAL', 'The relay sent a reply this version cannot read');
    return parsed.data as CommandResult<C, E>;
  };
}

/**
 * A `listen(socket, name, handler)` function for one protocol's events. A payload that does not
 * parse is dropped rather than half-applied (and reported to `onInvalid`); the next sync brings the
 * client back to the relay's truth. Returns the unsubscribe.
 */
export function eventListener<M extends EventSchemas>(
  schemas: M,
  onInvalid: (event: string) => void = () => undefined,
) {
  return function listen<E extends keyof M & string>(
    typed: AnySocket,
    event: E,
    handler: (payload: EventPayload<M, E>) => void,
  ): () => void {
    const schema = schemas[event] as z.ZodType<EventPayload<M, E>> | undefined;
    const listener = (payload: unknown): void => {
      const parsed = schema?.safeParse(payload);
      if (parsed?.success) handler(parsed.data);
      else onInvalid(event);
    };
    const socket: ListenSocket = typed;
    socket.on(event, listener);
    return () => {
      socket.off(event, listener);
    };
  };
}

/** Reads a REST answer: the body parsed by `schema`, or a RelayError carrying the relay's error code. */
export async function readJson<T>(response: Response, schema: { parse(value: unknown): T }): Promise<T> {
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const parsed = ErrorBodySchema.safeParse(body);
    if (parsed.success) throw new RelayError(parsed.data.error.code, parsed.data.error.message, response.status);
    throw new RelayError('INTERNAL', `The relay answered ${response.status}`, response.status);
  }
  return schema.parse(body);
}
