import { io, type Socket } from 'socket.io-client';
import type { Agent } from '../domain/agent.js';
import {
  AgentResponseSchema,
  LoginResponseSchema,
  type CreateAgentRequest,
  type LoginResponse,
} from '../protocol/accounts.js';
import {
  commandSpecs,
  eventSchemas,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from '../protocol/events.js';
import { commandClient, eventListener, readJson, RelayError } from './commands.js';

/*
 * The one way clients (renderer, tests, benchmark) talk to the relay: REST for sign-in and
 * administration, a typed Socket.IO connection for everything live.
 */

export { RelayError };
export type RelaySocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Sends a relay command and waits for its ack; the answer is parsed by the command's schema. */
export const command = commandClient(commandSpecs);

/** Listens to a relay event; each payload is parsed by the event's schema before the handler sees it. */
export const listen = eventListener(eventSchemas);

export async function login(baseUrl: string, email: string, password: string): Promise<LoginResponse> {
  const response = await fetch(new URL('/api/v1/auth/login', baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  return readJson(response, LoginResponseSchema);
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

/** Creates an agent or supervisor (the caller must be a supervisor). */
export async function createAgent(baseUrl: string, token: string, request: CreateAgentRequest): Promise<Agent> {
  const response = await fetch(new URL('/api/v1/agents', baseUrl), {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(request),
  });
  return (await readJson(response, AgentResponseSchema)).agent;
}

export function connectRelay(baseUrl: string, token: string): RelaySocket {
  return io(baseUrl, { auth: { token }, transports: ['websocket'], reconnectionDelayMax: 5000 });
}
