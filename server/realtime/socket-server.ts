import type { Server as HttpServer } from 'node:http';
import type { Logger } from 'pino';
import { Server } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents, SocketData } from '../../shared/protocol/events.js';
import type { AuthService } from '../auth/auth-service.js';
import type { ConversationService } from '../conversations/conversation-service.js';
import { AppError } from '../http/app-error.js';
import { roomsOfAgent } from './audience.js';
import { registerCommands } from './commands.js';

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
  deps: { auth: AuthService; conversations: ConversationService; logger: Logger },
): void {
  io.use((socket, next) => {
    const token: unknown = (socket.handshake.auth as Record<string, unknown>)['token'];
    try {
      const agent = deps.auth.authenticate(typeof token === 'string' ? token : undefined);
      socket.data.agentId = agent.id;
      next();
    } catch (error) {
      next(new Error(error instanceof AppError ? error.code : 'UNAUTHORIZED'));
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
  });
}
