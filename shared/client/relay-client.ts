import { io, type Socket } from 'socket.io-client';
import type { z } from 'zod';
import { ErrorBodySchema, type AckResult, type ErrorCode } from '../protocol/result.js';
import { LoginResponseSchema, type LoginResponse } from '../protocol/rest.js';
import type { ClientToServerEvents, ServerToClientEvents } from '../protocol/events.js';

/*
 * The one way clients (renderer, tests, benchmark) talk to the relay: REST for sign-in,
 * a typed Socket.IO connection for everything live.
 */

export type RelaySocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export class RelayError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'RelayError';
  }
}

async function parseJson<T>(response: Response, schema: z.ZodType<T>): Promise<T> {
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const parsed = ErrorBodySchema.safeParse(body);
    if (parsed.success) throw new RelayError(parsed.data.error.code, parsed.data.error.message, response.status);
    throw new RelayError('INTERNAL', `The relay answered ${response.status}`, response.status);
  }
  return schema.parse(body);
}

export async function login(baseUrl: string, email: string, password: string): Promise<LoginResponse> {
  const response = await fetch(new URL('/api/v1/auth/login', baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  return parseJson(response, LoginResponseSchema);
}

/** Ends the session on the relay, so the token stops working everywhere at once. */
export async function logout(baseUrl: string, token: string): Promise<void> {
  const response = await fetch(new URL('/api/v1/auth/logout', baseUrl), {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
  });
  if (!response.ok && response.status !== 401)
    throw new RelayError('INTERNAL', `The relay answered ${response.status}`);
}

export function connectRelay(baseUrl: string, token: string): RelaySocket {
  return io(baseUrl, { auth: { token }, transports: ['websocket'], reconnectionDelayMax: 5000 });
}

type CommandName = keyof ClientToServerEvents;
type CommandArgs<E extends CommandName> = Parameters<ClientToServerEvents[E]> extends [...infer A, unknown] ? A : never;
type CommandData<E extends CommandName> =
  Parameters<ClientToServerEvents[E]> extends [...unknown[], (result: AckResult<infer T>) => void] ? T : never;

/** Sends a command and waits for its ack; a relay that does not answer in time is an error too. */
export async function command<E extends CommandName>(
  socket: RelaySocket,
  event: E,
  ...args: CommandArgs<E>
): Promise<CommandData<E>> {
  let result: AckResult<CommandData<E>>;
  try {
    // Socket.IO's typed emitWithAck cannot follow the generic event name; the ack shape is ours.
    const timed = socket.timeout(10_000);
    const emit = timed.emitWithAck.bind(timed) as (ev: E, ...a: unknown[]) => Promise<AckResult<CommandData<E>>>;
    result = await emit(event, ...args);
  } catch {
    throw new RelayError('INTERNAL', 'The relay did not answer in time');
  }
  if (!result.ok) throw new RelayError(result.code, result.message);
  return result.data;
}
