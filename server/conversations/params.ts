import { z } from 'zod';
import { ConversationIdSchema } from '../../shared/protocol/conversations.js';
import { parseInput } from '../kit/parse-input.js';

const IdParamsSchema = z.object({ id: ConversationIdSchema });

/** The `:id` of a `/api/v1/conversations/:id/…` route. */
export function conversationIdOf(params: unknown): string {
  return parseInput(IdParamsSchema, params, 'path').id;
}
