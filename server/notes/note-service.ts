import { randomUUID } from 'node:crypto';
import type { Agent } from '../../shared/domain/agent.js';
import type { Message, NewMessage } from '../../shared/domain/message.js';
import type { Mention, Note } from '../../shared/protocol/notes.js';
import type { AccountService } from '../accounts/account-service.js';
import type { ConversationService } from '../conversations/conversation-service.js';
import { canSee } from '../conversations/visibility.js';
import type { DomainEvents } from '../domain-events.js';
import type { ConversationStore } from '../storage/conversation-store.js';
import type { RecordFile } from '../storage/record-file.js';
import { findMentions } from './mentions.js';

/** Unopened mentions kept per agent; older ones go first. */
const MENTIONS_KEPT = 200;

export interface NoteServiceDeps {
  store: ConversationStore;
  conversations: ConversationService;
  accounts: AccountService;
  mentions: RecordFile<Mention>;
  events: DomainEvents;
  now: () => number;
}

export const noteOf = (message: Message): Note => ({
  id: message.id,
  authorId: message.authorId ?? '',
  text: message.text,
  mentions: message.content?.kind === 'note' ? message.content.mentions : [],
  createdAt: message.createdAt,
});

/**
 * Private notes: a message of type `note` in the conversation, seen by everyone who may see the
 * chat and never sent (the WhatsApp delivery only takes pending outbound messages). The colleagues
 * it mentions, among those who may see the chat, get a mention they keep until they open it.
 */
export class NoteService {
  constructor(private readonly deps: NoteServiceDeps) {}

  async add(agent: Agent, conversationId: string, text: string): Promise<{ note: Note; message: Message }> {
    const conversation = this.deps.conversations.requireVisible(agent, conversationId);
    // Only colleagues who may see the chat: a mention must not reveal a chat to someone who may not.
    const audience = this.deps.accounts
      .listAgents()
      .filter((a) => a.active && a.id !== agent.id && canSee(a, conversation));
    const mentions = findMentions(text, audience);
    const at = new Date(this.deps.now()).toISOString();
    const draft: NewMessage = {
      id: randomUUID(),
      conversationId,
      direction: 'out',
      type: 'note',
      text,
      status: 'sent',
      waMessageId: null,
      authorId: agent.id,
      createdAt: at,
      updatedAt: at,
      content: { kind: 'note', mentions },
    };
    const appended = await this.deps.store.transaction([conversationId], async (tx) => {
      // A note is not the customer's conversation moving: the list keeps its place and its preview.
      const result = await tx.appendMessage(conversationId, draft, (c) => c, { activity: false });
      tx.afterCommit(() => {
        this.deps.events.publish({
          type: 'message.created',
          conversation: result.conversation,
          message: result.message,
        });
      });
      return result;
    });
    const message = appended.message;
    if (mentions.length > 0) {
      const created = mentions.map((agentId): Mention => ({
        id: randomUUID(),
        agentId,
        conversationId,
        messageId: message.id,
        authorId: agent.id,
        customerName: conversation.contact.name,
        text,
        createdAt: at,
      }));
      await this.deps.mentions.update((records) => ({
        records: keepRecent([...records, ...created]),
        result: undefined,
      }));
      for (const mention of created) this.deps.events.publish({ type: 'mention.created', mention });
    }
    return { note: noteOf(message), message };
  }

  /** The agent's unopened mentions of chats they may still see, newest first. */
  mentionsOf(agent: Agent): Mention[] {
    return this.deps.mentions
      .all()
      .filter((m) => m.agentId === agent.id && this.visible(agent, m.conversationId))
      .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
  }

  async dismiss(agent: Agent, ids: readonly string[]): Promise<Mention[]> {
    const drop = new Set(ids);
    await this.deps.mentions.update((records) =>
      records.some((m) => m.agentId === agent.id && drop.has(m.id))
        ? { records: records.filter((m) => !(m.agentId === agent.id && drop.has(m.id))), result: undefined }
        : { result: undefined },
    );
    return this.mentionsOf(agent);
  }

  private visible(agent: Agent, conversationId: string): boolean {
    const conversation = this.deps.store.get(conversationId);
    return conversation !== undefined && canSee(agent, conversation);
  }
}

function keepRecent(records: Mention[]): Mention[] {
  const perAgent = new Map<string, number>();
  const kept: Mention[] = [];
  for (let i = records.length - 1; i >= 0; i--) {
    const record = records[i] as Mention;
    const count = perAgent.get(record.agentId) ?? 0;
    if (count >= MENTIONS_KEPT) continue;
    perAgent.set(record.agentId, count + 1);
    kept.push(record);
  }
  return kept.reverse();
}
