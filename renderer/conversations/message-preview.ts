import type { Translate } from '../i18n/use-t';
import type { ConversationSummary } from '../../shared/domain/conversation.js';
import type { MessageType } from '../../shared/domain/message.js';

export function messageTypeLabel(type: MessageType, t: Translate): string {
  return t(`messageType.${type}`);
}

/** One line for the conversation list: the text, or what kind of message it was. */
export function previewOf(lastMessage: ConversationSummary['lastMessage'], t: Translate): string {
  if (!lastMessage) return t('inbox.noMessages');
  const text = lastMessage.text.replace(/\s+/g, ' ').trim();
  if (lastMessage.type === 'text') return text;
  // What the shop sent as interactive (product cards, a payment button) reads as its text; "Reply"
  // is the customer answering one.
  if (lastMessage.type === 'interactive' && lastMessage.direction === 'out' && text) return text;
  if (lastMessage.type === 'reaction')
    return text ? t('conversation.reaction', { emoji: text }) : t('conversation.reactionRemoved');
  const label = messageTypeLabel(lastMessage.type, t);
  return text ? `${label} · ${text}` : label;
}
