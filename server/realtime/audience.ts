import type { Agent } from '../../shared/domain/agent.js';
import type { ConversationSummary } from '../../shared/domain/conversation.js';

/*
 * Rooms are the permission model: a socket joins the rooms its agent may see, and every event
 * about a conversation goes to exactly the rooms of that conversation's audience.
 */

export const SUPERVISORS_ROOM = 'supervisors';
export const UNASSIGNED_ROOM = 'unassigned';
export const agentRoom = (agentId: string): string => `agent:${agentId}`;

export function roomsOfAgent(agent: Agent): string[] {
  return [agentRoom(agent.id), agent.role === 'supervisor' ? SUPERVISORS_ROOM : UNASSIGNED_ROOM];
}

export function roomsOfConversation(conversation: Pick<ConversationSummary, 'assigneeId'>): string[] {
  return [SUPERVISORS_ROOM, conversation.assigneeId === null ? UNASSIGNED_ROOM : agentRoom(conversation.assigneeId)];
}
