import type { Server as HttpServer } from 'node:http';
import type { Logger } from 'pino';
import { Server } from 'socket.io';
import { commandSpecs } from '../../shared/protocol/events.js';
import { hashToken, type AccountService } from '../accounts/account-service.js';
import { AppError } from '../kit/app-error.js';
import { BASELINE_HEADERS } from '../kit/security-headers.js';
import { serveCommands } from '../kit/socket-commands.js';
import { roomsOfAgent } from './audience.js';
import type { Caller, RelayHandlers } from './caller.js';
import type { RelayIo } from './fanout.js';
import type { PresenceTracker } from '../accounts/presence.js';

/** setTimeout's longest wait (about 24.8 days); sessions are shorter than that anyway. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export function createSocketServer(httpServer: HttpServer, allowedOrigins: string[]): RelayIo {
  const io: RelayIo = new Server(httpServer, {
    cors: { origin: allowedOrigins },
    // Browsers send an Origin with every WebSocket: refuse pages of other sites outright.
    allowRequest: (request, callback) => {
      const origin = request.headers.origin;
      callback(null, origin === undefined || allowedOrigins.includes(origin));
    },
    maxHttpBufferSize: 1_000_000,
  });
  // Engine.IO answers its own HTTP requests, outside Fastify: they carry the baseline headers too.
  io.engine.on('headers', (headers: Record<string, string>) => {
    Object.assign(headers, BASELINE_HEADERS);
  });
  return io;
}

export interface AgentSocketDeps {
  accounts: AccountService;
  presence: PresenceTracker;
  handlers: RelayHandlers;
  now: () => number;
  logger: Logger;
  /** Told when a socket goes, so live state kept for it (viewing, typing) ends with it. */
  onDisconnect?: (socketId: string) => void;
}

/**
 * The agents' namespace: the handshake carries the session token; each socket joins exactly the
 * rooms its agent may see (audience.ts) and is served every command behind its schema.
 */
export function serveAgents(io: RelayIo, deps: AgentSocketDeps): void {
  io.use((socket, next) => {
    const token: unknown = (socket.handshake.auth as Record<string, unknown>)['token'];
    try {
      const given = typeof token === 'string' ? token : undefined;
      const { agent, expiresAt } = deps.accounts.session(given);
      socket.data.agentId = agent.id;
      socket.data.sessionExpiresAt = expiresAt;
      socket.data.tokenHash = hashToken(given ?? '');
      next();
    } catch (error) {
      // The client reads `data.code`; the message says the same for people reading logs.
      const code = error instanceof AppError ? error.code : 'UNAUTHORIZED';
      next(Object.assign(new Error(code), { data: { code } }));
    }
  });

  io.on('connection', (socket) => {
    const agent = deps.accounts.getAgent(socket.data.agentId);
    if (!agent) {
      socket.disconnect(true);
      return;
    }
    void socket.join(roomsOfAgent(agent));
    const caller: Caller = {
      get agent() {
        return deps.accounts.getAgent(socket.data.agentId) ?? agent;
      },
      socketId: socket.id,
    };
    serveCommands(socket, commandSpecs, deps.handlers, caller, deps.logger);
    deps.presence.connected(agent.id);
    // A live socket does not outlive its session: the client is told, then let go.
    const untilExpiry = Math.min(socket.data.sessionExpiresAt - deps.now(), MAX_TIMER_MS);
    const expiry = setTimeout(
      () => {
        socket.emit('session:end', { reason: 'Your session has expired: sign in again' });
        socket.disconnect(true);
      },
      Math.max(0, untilExpiry),
    );
    socket.once('disconnect', () => {
      clearTimeout(expiry);
      deps.onDisconnect?.(socket.id);
      deps.presence.disconnected(agent.id);
    });
  });
}
