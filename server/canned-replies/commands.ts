import type { FeatureHandlers } from '../realtime/caller.js';
import type { CannedReplyService } from './canned-reply-service.js';

export function cannedReplyHandlers(replies: CannedReplyService): FeatureHandlers<'cannedReplies:list'> {
  return { 'cannedReplies:list': () => ({ cannedReplies: replies.list() }) };
}
