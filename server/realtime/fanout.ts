import type { Server } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents, SocketData } from '../../shared/protocol/events.js';
import type { DomainEvent, DomainEvents } from '../domain-events.js';
import { roomsOfConversation, SUPERVISORS_ROOM } from './audience.js';

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
      case 'health.changed':
        // Everyone learns whether sending works; only supervisors which files were set aside.
        io.to(SUPERVISORS_ROOM).emit('relay:health', event.health);
        io.except(SUPERVISORS_ROOM).emit('relay:health', { ...event.health, quarantined: [] });
        return;
      case 'cart.changed':
        io.to(roomsOfConversation(event.conversation)).emit('cart:update', {
          conversationId: event.conversation.id,
          cart: event.cart,
        });
        return;
      case 'order.changed':
        io.to(roomsOfConversation(event.conversation)).emit('order:update', event.order);
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
