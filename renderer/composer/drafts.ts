/** Unsent text per conversation, kept while switching between chats (not across reloads). */
const drafts = new Map<string, string>();

export function readDraft(conversationId: string): string {
  return drafts.get(conversationId) ?? '';
}

export function writeDraft(conversationId: string, text: string): void {
  if (text) drafts.set(conversationId, text);
  else drafts.delete(conversationId);
}
