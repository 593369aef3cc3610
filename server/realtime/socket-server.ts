import type { Server as HttpServer } from 'node:http';
import type { Logger } from 'pino';
import { Server } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents, SocketData } from '../../shared/protocol/events.js';
import { hashToken, type AuthService } from '../auth/auth-service.js';
import type { ConversationService } from '../conversations/conversation-service.js';
import { AppError } from '../kit/app-error.js';
import { roomsOfAgent } from './audience.js';
import { registerCommands } from './commands.js';

/** Ends the live sockets of a session that was signed out. */
export function endSessionSockets(io: RelaySocketServer, tokenHash: string): void {
  void io.fetchSockets().then((sockets) => {
    for (const socket of sockets) {
      if (socket.data.tokenHash !== tokenHash) continue;
      socket.emit('session:end', { reason: 'You signed out' });
      socket.disconnect(true);
    }
  });
}

/** setTimeout's longest wait (about 24.8 days); sessions are shorter than that anyway. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export type RelaySocketServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export function createSocketServer(httpServer: HttpServer, allowedOrigins: string[]): RelaySocketServer {
  return new Server(httpServer, {
    cors: { origin: allowedOrigins },
    // Browsers send an Origin with every WebSocket: refuse pages of other sites outright.
    allowRequest: (request, callback) => {
      const origin = request.headers.origin;
      callback(null, origin === undefined || allowedOrigins.includes(origin));
    },
    maxHttpBufferSize: 1_000_000,
  });
}

/**
 * The agents' namespace: the handshake carries the session token; each socket joins exactly the
 * rooms its agent may see (see audience.ts) and gets the typed commands.
 */
export function serveAgents(
  io: RelaySocketServer,
  deps: { auth: AuthService; conversations: ConversationService; logger: Logger; now: () => number },
): void {
  io.use((socket, next) => {
    const token: unknown = (socket.handshake.auth as Record<string, unknown>)['token'];
    try {
      const given = typeof token === 'string' ? token : undefined;
      const { agent, expiresAt } = deps.auth.session(given);
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
    const agent = deps.auth.getAgent(socket.data.agentId);
    if (!agent) {
      socket.disconnect(true);
      return;
    }
    void socket.join(roomsOfAgent(agent));
    registerCommands(socket, agent, deps);
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
    });
  });
}
