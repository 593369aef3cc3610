import { io } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { RelayError } from '../../shared/client/commands.js';
import { api, type Harness } from './relay-harness.js';

/*
 * The vocabulary of the role × action tables (test/integration/permissions/): every cell's outcome
 * as one short string, so a table reads like the contract and a failure names the cell.
 *   REST:      "201", "404 NOT_FOUND", "401 UNAUTHORIZED", …
 *   Socket.IO: "ok", "NOT_FOUND", "FORBIDDEN", …, or REFUSED when the handshake itself is refused.
 */

export type Outcome = string;

/** What a socket without a valid session gets: no socket at all. */
export const REFUSED = 'handshake refused: UNAUTHORIZED';

export const isSuccess = (outcome: Outcome): boolean => outcome === 'ok' || /^2\d\d$/.test(outcome);

/** A REST answer as an outcome: the status, and the error code when it is an error. */
export function restOutcome(response: { status: number; body: unknown }): Outcome {
  if (response.status < 400) return String(response.status);
  const code = (response.body as { error?: { code?: string } } | null)?.error?.code ?? 'no error code';
  return `${response.status} ${code}`;
}

/** A body that is not JSON (a catalog feed, an image), sent as it is with its content type. */
export interface RawBody {
  raw: string | Buffer;
  type: string;
}
export type RestCall = [method: string, path: string, body?: unknown];

/** Runs a REST call as `token` (none: no Authorization header) and answers the outcome and the body. */
export async function restCell(
  h: Pick<Harness, 'url'>,
  token: string | null,
  [method, path, body]: RestCall,
): Promise<{ outcome: Outcome; body: unknown }> {
  if (!isRaw(body)) {
    const response = await api(h, token, method, path, body);
    return { outcome: restOutcome(response), body: response.body };
  }
  const headers: Record<string, string> = { 'content-type': body.type };
  if (token !== null) headers.authorization = `Bearer ${token}`;
  const response = await fetch(`${h.url}${path}`, { method, headers, body: body.raw });
  const parsed: unknown = await response.json().catch(() => null);
  return { outcome: restOutcome({ status: response.status, body: parsed }), body: parsed };
}

const isRaw = (body: unknown): body is RawBody =>
  typeof body === 'object' && body !== null && 'raw' in body && 'type' in body;

/** A socket command's outcome: "ok" with its data, or the error code of the ack. */
export async function socketCell(work: Promise<unknown>): Promise<{ outcome: Outcome; body: unknown }> {
  try {
    return { outcome: 'ok', body: await work };
  } catch (error) {
    if (error instanceof RelayError) return { outcome: error.code, body: { code: error.code, message: error.message } };
    throw error;
  }
}

/** Opens a socket with `token` (none: no auth at all) and answers REFUSED, or "connected" if the relay let it in. */
export async function handshake(url: string, token: string | null): Promise<Outcome> {
  const socket = io(url, { auth: token === null ? {} : { token }, transports: ['websocket'], reconnection: false });
  try {
    return await new Promise<Outcome>((resolve) => {
      socket.once('connect', () => {
        resolve('connected');
      });
      socket.once('connect_error', (error: Error & { data?: { code?: string } }) => {
        resolve(`handshake refused: ${error.data?.code ?? error.message}`);
      });
    });
  } finally {
    socket.close();
  }
}

/** The same outcome for every column not named: for rows where only a few cells differ. */
export function cells<R extends string>(roles: readonly R[], fill: Outcome, named: Partial<Record<R, Outcome>>) {
  return Object.fromEntries(roles.map((r) => [r, named[r] ?? fill])) as Record<R, Outcome>;
}

/**
 * One test per cell of a table: for each row that has a side on this transport (`sideOf`: REST or
 * Socket.IO, with its expected outcomes), one `it` per role, named "role: action → outcome".
 */
export function describeTable<
  R extends string,
  Row extends { action: string },
  Side extends { expected: Record<R, Outcome> },
>(
  title: string,
  table: { rows: readonly Row[]; roles: readonly R[] },
  sideOf: (row: Row) => Side | undefined,
  run: (cell: { row: Row; side: Side; role: R; expected: Outcome }) => Promise<void>,
): void {
  describe(title, () => {
    for (const row of table.rows) {
      const side = sideOf(row);
      if (!side) continue;
      for (const role of table.roles) {
        const expected = side.expected[role];
        it(`${role}: ${row.action} → ${expected}`, () => run({ row, side, role, expected }));
      }
    }
  });
}

/** A socket cell: where the expected outcome is REFUSED there is no socket to send on, so only the handshake is tried. */
export async function unlessRefused(
  url: string,
  token: string | null,
  expected: Outcome,
  run: () => Promise<void>,
): Promise<void> {
  if (expected !== REFUSED) return run();
  expect(await handshake(url, token)).toBe(REFUSED);
}
