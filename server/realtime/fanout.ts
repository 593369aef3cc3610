import type { Server } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents, SocketData } from '../../shared/protocol/events.js';
import type { DomainEvent, DomainEvents } from '../domain-events.js';
import type { Agent } from '../../shared/domain/agent.js';
import type { ConversationSummary } from '../../shared/domain/conversation.js';
import { agentRoom, roomsOfAgent, roomsOfConversation, SUPERVISORS_ROOM } from './audience.js';

export type RelayIo = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export interface FanoutDeps {
  /** The agent's own unread count in a conversation (every summary sent carries the receiver's). */
  unreadFor(conversationId: string, agentId: string): number;
}

/**
 * The one place where what happened becomes Socket.IO events: each domain event goes to exactly
 * the rooms of the agents who may see it (audience.ts), once. A conversation's summary carries the
 * receiver's own unread count, so it is encoded once per distinct count among its audience (usually
 * one or two), not once per socket.
 */
export function attachFanout(io: RelayIo, events: DomainEvents, deps: FanoutDeps): () => void {
  /** The audience's sockets grouped by the unread count they should see. */
  const byUnread = (rooms: string[], conversationId: string): Map<number, string[]> => {
    const groups = new Map<number, string[]>();
    const seen = new Set<string>();
    const counts = new Map<string, number>();
    for (const room of rooms) {
      for (const socketId of io.sockets.adapter.rooms.get(room) ?? []) {
        if (seen.has(socketId)) continue;
        seen.add(socketId);
        const agentId = io.sockets.sockets.get(socketId)?.data.agentId;
        if (agentId === undefined) continue;
        let count = counts.get(agentId);
        if (count === undefined) {
          count = deps.unreadFor(conversationId, agentId);
          counts.set(agentId, count);
        }
        const group = groups.get(count);
        if (group) group.push(socketId);
        else groups.set(count, [socketId]);
      }
    }
    return groups;
  };
  const toAudience = (
    rooms: string[],
    conversation: ConversationSummary,
    send: (to: ReturnType<RelayIo['to']>, personal: ConversationSummary) => void,
  ): void => {
    for (const [unreadCount, sockets] of byUnread(rooms, conversation.id)) {
      send(io.to(sockets), unreadCount === conversation.unreadCount ? conversation : { ...conversation, unreadCount });
    }
  };

  const handle = (event: DomainEvent): void => {
    switch (event.type) {
      case 'conversation.changed': {
        const { conversation, before } = event;
        const rooms = roomsOfConversation(conversation);
        toAudience(rooms, conversation, (to, personal) => to.emit('conversation:upsert', personal));
        // Those who could see it before but not now are told to drop it.
        if (before && before.assigneeId !== conversation.assigneeId) {
          io.to(roomsOfConversation(before)).except(rooms).emit('conversation:remove', { id: conversation.id });
        }
        return;
      }
      case 'message.created': {
        const { conversation, message } = event;
        toAudience(roomsOfConversation(conversation), conversation, (to, personal) =>
          to.emit('message:new', { conversationId: conversation.id, message, conversation: personal }),
        );
        return;
      }
      case 'conversation.read': {
        // Only the reader's own screens change; the agent room holds exactly their sockets.
        const { conversation, agentId } = event;
        io.to(agentRoom(agentId)).emit('conversation:upsert', {
          ...conversation,
          unreadCount: deps.unreadFor(conversation.id, agentId),
        });
        return;
      }
      case 'message.updated': {
        const { conversation, message, summaryChanged } = event;
        const rooms = roomsOfConversation(conversation);
        if (summaryChanged) toAudience(rooms, conversation, (to, personal) => to.emit('conversation:upsert', personal));
        io.to(rooms).emit('message:update', { conversationId: conversation.id, message });
        return;
      }
      case 'session.ended':
        endSessionSockets(io, event.tokenHash, event.reason);
        return;
      case 'cannedReplies.changed':
        io.emit('cannedReplies:changed', { cannedReplies: event.cannedReplies });
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
      // Labels and settings are the whole team's: everyone hears of them.
      case 'label.changed':
        io.emit('label:upsert', event.label);
        return;
      case 'label.removed':
        io.emit('label:remove', { id: event.id });
        return;
      case 'settings.changed':
        io.emit('settings:update', event.settings);
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

/** A new role applies at once: the agent's sockets leave the rooms of the old one and join the new one's. */
function moveAgentSockets(io: RelayIo, before: Agent, after: Agent): void {
  const leave = roomsOfAgent(before).filter((room) => !roomsOfAgent(after).includes(room));
  for (const socket of io.sockets.sockets.values()) {
    if (socket.data.agentId !== after.id) continue;
    for (const room of leave) void socket.leave(room);
    void socket.join(roomsOfAgent(after));
  }
}
