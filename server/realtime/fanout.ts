import type { Server } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents, SocketData } from '../../shared/protocol/events.js';
import type { DomainEvent, DomainEvents } from '../domain-events.js';
import type { Agent } from '../../shared/domain/agent.js';
import { agentRoom, roomsOfAgent, roomsOfConversation, SUPERVISORS_ROOM } from './audience.js';

export type RelayIo = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/**
 * The one place where what happened becomes Socket.IO events: each domain event goes to exactly
 * the rooms of the agents who may see it (audience.ts), once, encoded once.
 */
export function attachFanout(io: RelayIo, events: DomainEvents): () => void {
  const handle = (event: DomainEvent): void => {
    switch (event.type) {
      case 'conversation.changed': {
        const { conversation, before } = event;
        const rooms = roomsOfConversation(conversation);
        io.to(rooms).emit('conversation:upsert', conversation);
        // Those who could see it before but not now are told to drop it.
        if (before && before.assigneeId !== conversation.assigneeId) {
          io.to(roomsOfConversation(before)).except(rooms).emit('conversation:remove', { id: conversation.id });
        }
        return;
      }
      case 'message.created': {
        const { conversation, message } = event;
        io.to(roomsOfConversation(conversation)).emit('message:new', {
          conversationId: conversation.id,
          message,
          conversation,
        });
        return;
      }
      case 'message.updated': {
        const { conversation, message, summaryChanged } = event;
        const rooms = roomsOfConversation(conversation);
        if (summaryChanged) io.to(rooms).emit('conversation:upsert', conversation);
        io.to(rooms).emit('message:update', { conversationId: conversation.id, message });
        return;
      }
      case 'session.ended':
        endSessionSockets(io, event.tokenHash, event.reason);
        return;
      case 'mention.created':
        io.to(agentRoom(event.mention.agentId)).emit('mention:new', event.mention);
        return;
      case 'activity.changed':
        // Not volatile: each event is the chat's whole activity, and Socket.IO drops a volatile packet
        // whenever the previous one is still being written, so leaving one chat for another (two
        // events at once) would leave the first showing a viewer who is gone.
        io.to(roomsOfConversation(event.conversation)).emit('conversation:activity', event.activity);
        return;
      case 'agent.changed':
        if (event.before && event.before.role !== event.agent.role) moveAgentSockets(io, event.before, event.agent);
        io.emit('agent:upsert', event.agent);
        return;
      case 'health.changed':
        // Everyone learns whether sending works; only supervisors which files were set aside.
        io.to(SUPERVISORS_ROOM).emit('relay:health', event.health);
        io.except(SUPERVISORS_ROOM).emit('relay:health', { ...event.health, quarantined: [] });
        return;
      case 'products.changed':
        // The catalog is the same for every agent: every signed-in socket hears it.
        io.emit('product:upsert', { products: event.products });
        return;
    }
  };
  return events.subscribe(handle);
}

/** Ends the live sockets of a session: they are told why, then let go. */
function endSessionSockets(io: RelayIo, tokenHash: string, reason: string): void {
  for (const socket of io.sockets.sockets.values()) {
    if (socket.data.tokenHash !== tokenHash) continue;
    socket.emit('session:end', { reason });
    socket.disconnect(true);
  }
}

/** A new role applies at once: the agent's sockets leave the rooms of the old one and join the new one's. */
function moveAgentSockets(io: RelayIo, before: Agent, after: Agent): void {
  const leave = roomsOfAgent(before).filter((room) => !roomsOfAgent(after).includes(room));
  for (const socket of io.sockets.sockets.values()) {
    if (socket.data.agentId !== after.id) continue;
    for (const room of leave) void socket.leave(room);
    void socket.join(roomsOfAgent(after));
  }
}
