import type { Logger } from 'pino';
import type { z } from 'zod';
import type { Agent } from '../../shared/domain/agent.js';
import {
  AssignCommandSchema,
  ConversationRefSchema,
  HistoryCommandSchema,
  SendMessageCommandSchema,
  type ClientToServerEvents,
  type ServerToClientEvents,
  type SocketData,
} from '../../shared/protocol/events.js';
import type { AckResult } from '../../shared/protocol/result.js';
import type { AuthService } from '../auth/auth-service.js';
import type { ConversationService } from '../conversations/conversation-service.js';
import { AppError } from '../kit/app-error.js';
import { parseInput } from '../kit/parse-input.js';
import type { Socket } from 'socket.io';

type RelaySocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
/** Listeners take `unknown`: what a client sends is untrusted until its schema has parsed it. */
type UntrustedOn = (event: string, listener: (...args: unknown[]) => void) => unknown;

/**
 * Wraps a command handler: the payload is parsed by its schema, the result or a coded error
 * goes back through the ack, and an unexpected failure is logged and answered INTERNAL.
 */
function command<P, T>(
  socket: RelaySocket,
  event: keyof ClientToServerEvents,
  schema: z.ZodType<P> | null,
  handle: (payload: P) => Promise<T> | T,
  logger: Logger,
): void {
  (socket.on as UntrustedOn).call(socket, event, async (...args: unknown[]) => {
    const ack = args.at(-1);
    if (typeof ack !== 'function') return; // a command without an ack cannot be answered: ignored
    const reply = ack as (result: AckResult<T>) => void;
    try {
      const payload = schema ? parseInput(schema, args[0], `${event} payload`) : (undefined as P);
      reply({ ok: true, data: await handle(payload) });
    } catch (error) {
      if (error instanceof AppError) {
        reply({ ok: false, code: error.code, message: error.message });
        return;
      }
      logger.error({ err: error, event }, 'socket command failed');
      reply({ ok: false, code: 'INTERNAL', message: 'Something went wrong on the relay; it has been logged' });
    }
  });
}

export function registerCommands(
  socket: RelaySocket,
  agent: Agent,
  deps: { auth: AuthService; conversations: ConversationService; logger: Logger },
): void {
  const { auth, conversations, logger } = deps;
  command(
    socket,
    'inbox:sync',
    null,
    () => ({
      me: agent,
      agents: auth.listAgents(),
      conversations: conversations.listVisible(agent),
    }),
    logger,
  );
  command(
    socket,
    'conversation:history',
    HistoryCommandSchema,
    (p) => conversations.history(agent, p.conversationId, p.before, p.limit),
    logger,
  );
  command(
    socket,
    'conversation:markRead',
    ConversationRefSchema,
    async (p) => ({
      conversation: await conversations.markRead(agent, p.conversationId),
    }),
    logger,
  );
  command(
    socket,
    'conversation:assign',
    AssignCommandSchema,
    async (p) => ({
      conversation: await conversations.assign(agent, p.conversationId, p.agentId),
    }),
    logger,
  );
  command(
    socket,
    'message:send',
    SendMessageCommandSchema,
    async (p) => ({
      message: await conversations.sendText(agent, p.conversationId, p.text, p.clientId),
    }),
    logger,
  );
}
