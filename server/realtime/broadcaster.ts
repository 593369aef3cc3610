import type { Server } from 'socket.io';
import type { ConversationSummary } from '../../shared/domain/conversation.js';
import type { Message } from '../../shared/domain/message.js';
import type { ClientToServerEvents, ServerToClientEvents, SocketData } from '../../shared/protocol/events.js';
import { roomsOfConversation } from './audience.js';

export type RelayIo = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** What the domain tells the live side; the conversation service knows nothing of sockets. */
export interface Broadcaster {
  conversationChanged(after: ConversationSummary, before?: ConversationSummary): void;
  /** A new message and the conversation as it now is, in one event. */
  messageCreated(conversation: ConversationSummary, message: Message): void;
  messageUpdated(conversation: ConversationSummary, message: Message): void;
}

export function socketBroadcaster(io: RelayIo): Broadcaster {
  return {
    conversationChanged(after, before) {
      const rooms = roomsOfConversation(after);
      io.to(rooms).emit('conversation:upsert', after);
      // Those who could see it before but not now are told to drop it.
      if (before && before.assigneeId !== after.assigneeId) {
        io.to(roomsOfConversation(before)).except(rooms).emit('conversation:remove', { id: after.id });
      }
    },
    messageCreated(conversation, message) {
      io.to(roomsOfConversation(conversation)).emit('message:new', {
        conversationId: conversation.id,
        message,
        conversation,
      });
    },
    messageUpdated(conversation, message) {
      io.to(roomsOfConversation(conversation)).emit('message:update', { conversationId: conversation.id, message });
    },
  };
}
