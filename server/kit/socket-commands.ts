import type { Logger } from 'pino';
import type { AckResult } from '../../shared/protocol/result.js';
import type { CommandPayload, CommandResult, CommandSpecs } from '../../shared/protocol/spec.js';
import { AppError } from './app-error.js';
import { parseInput } from './parse-input.js';

/*
 * The one way a socket command is served, by the relay and the sandbox alike: the payload is parsed
 * by the command's schema before the handler runs, the handler's result or a coded refusal goes back
 * through the ack, and anything unexpected is logged and answered INTERNAL (never a stack trace).
 */

/** A handler gets the parsed payload and the socket's context (who is calling). */
export type CommandHandler<C extends CommandSpecs, E extends keyof C, Ctx> = (
  payload: CommandPayload<C, E>,
  context: Ctx,
) => Promise<CommandResult<C, E>> | CommandResult<C, E>;

export type CommandHandlers<C extends CommandSpecs, Ctx> = { [E in keyof C]: CommandHandler<C, E, Ctx> };

/** Listeners take `unknown`: what a client sends is untrusted until its schema has parsed it. */
interface UntrustedSocket {
  on(event: string, listener: (...args: unknown[]) => void): unknown;
}

/** Runs `work` and answers through `ack` with its result or a coded error. */
export async function answer<T>(ack: unknown, work: () => Promise<T> | T, logger: Logger, what: string): Promise<void> {
  if (typeof ack !== 'function') return; // a command without an ack cannot be answered: ignored
  const reply = ack as (result: AckResult<T>) => void;
  try {
    reply({ ok: true, data: await work() });
  } catch (error) {
    if (error instanceof AppError) {
      reply({ ok: false, code: error.code, message: error.message });
      return;
    }
    logger.error({ err: error, command: what }, 'socket command failed');
    reply({ ok: false, code: 'INTERNAL', message: 'Something went wrong on the relay; it has been logged' });
  }
}

/** Registers every handler of `handlers` on the socket behind its schema in `specs`. */
export function serveCommands<C extends CommandSpecs, Ctx>(
  socket: UntrustedSocket,
  specs: C,
  handlers: CommandHandlers<C, Ctx>,
  context: Ctx,
  logger: Logger,
): void {
  for (const event of Object.keys(specs) as (keyof C & string)[]) {
    const spec = specs[event];
    const handle = handlers[event];
    if (!spec) continue;
    socket.on(event, (...args: unknown[]) => {
      const ack = args.at(-1);
      void answer(
        ack,
        () => {
          const payload = spec.request ? parseInput(spec.request, args[0], `${event} payload`) : undefined;
          return handle(payload as CommandPayload<C, typeof event>, context);
        },
        logger,
        event,
      );
    });
  }
}
