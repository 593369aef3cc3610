import type { FeatureHandlers } from '../realtime/caller.js';
import type { AssignmentService } from './assignment-service.js';

export function assignmentHandlers(assignment: AssignmentService): FeatureHandlers<'conversation:assign'> {
  return {
    'conversation:assign': async (p, { agent }) => ({
      conversation: await assignment.assign(agent, p.conversationId, p.agentId),
    }),
  };
}
