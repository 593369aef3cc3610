import type { z } from 'zod';
import type { Ack } from './result.js';

/*
 * How a feature declares its part of a Socket.IO protocol: a schema for every payload, in both
 * directions. The listener maps Socket.IO is typed with are derived from these declarations, so a
 * payload is described once, and the same schemas parse it at runtime on the receiving side.
 */

/** A request-style command: what the client sends (`null`: nothing) and what the ack carries. */
export interface CommandSpec<Req extends z.ZodType | null = z.ZodType | null, Res extends z.ZodType = z.ZodType> {
  request: Req;
  response: Res;
}

export type CommandSpecs = Record<string, CommandSpec>;
export type EventSchemas = Record<string, z.ZodType>;

/** Socket.IO's listener map for commands: `(payload, ack)`, or `(ack)` for a command that takes nothing. */
export type CommandListeners<C extends CommandSpecs> = {
  [E in keyof C]: C[E]['request'] extends z.ZodType
    ? (payload: z.input<C[E]['request']>, ack: Ack<z.output<C[E]['response']>>) => void
    : (ack: Ack<z.output<C[E]['response']>>) => void;
};

/** Socket.IO's listener map for one-way events. */
export type EventListeners<M extends EventSchemas> = { [E in keyof M]: (payload: z.output<M[E]>) => void };

/** What a handler receives once the relay has parsed the client's payload. */
export type CommandPayload<C extends CommandSpecs, E extends keyof C> = C[E]['request'] extends z.ZodType
  ? z.output<C[E]['request']>
  : undefined;

/** What a client passes for a command (before parsing: defaults may be left out). */
export type CommandArgs<C extends CommandSpecs, E extends keyof C> = C[E]['request'] extends z.ZodType
  ? [payload: z.input<C[E]['request']>]
  : [];

export type CommandResult<C extends CommandSpecs, E extends keyof C> = z.output<C[E]['response']>;

export type EventPayload<M extends EventSchemas, E extends keyof M> = z.output<M[E]>;
