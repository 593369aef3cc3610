import type { Logger } from 'pino';
import type { Agent } from '../../shared/domain/agent.js';
import { contactMatches } from '../../shared/domain/contact-search.js';
import { compareConversations } from '../../shared/domain/conversation.js';
import type { SearchResponse } from '../../shared/protocol/search.js';
import type { ConversationService } from '../conversations/conversation-service.js';
import { canSee } from '../conversations/visibility.js';
import type { DomainEvents } from '../domain-events.js';
import type { ConversationStore } from '../storage/conversation-store.js';
import { MessageIndex } from './message-index.js';

export interface SearchServiceDeps {
  store: ConversationStore;
  conversations: ConversationService;
  events: DomainEvents;
  logger: Logger;
}

const MAX_CONVERSATIONS = 50;
const MAX_MESSAGES = 50;
/** Messages read per history call while building: small steps, so live traffic is never held up long. */
const PAGE = 500;
/**
 * The most stored messages the background build reads, newest conversations and newest messages
 * first. The index holds each message in memory (about 2 KB apiece), so a shop with a million
 * messages would otherwise hold most of its history in RAM; live messages always go in.
 */
export const MAX_HISTORY_INDEXED = 50_000;

/**
 * Search: customers by name, number or username (the conversations' summaries, always in memory)
 * and messages by their text (a MiniSearch index). The index is not persisted: it is built in the
 * background after the relay listens, conversation by conversation, while new messages go in as they
 * arrive, so a start reads no history; until the build is done answers say `complete: false`.
 * Results only ever hold what the caller may see.
 */
export class SearchService {
  private readonly index = new MessageIndex();
  private built = false;
  /** The build stopped at MAX_HISTORY_INDEXED: older messages are not searchable. */
  private truncated = false;
  private building: Promise<void> | null = null;
  private stopped = false;

  constructor(private readonly deps: SearchServiceDeps) {
    deps.events.subscribe((event) => {
      if (event.type === 'message.created') this.index.add(event.message);
    });
  }

  /** Reads every stored message into the index, in the background. */
  build(): Promise<void> {
    this.building ??= this.readAll().then(
      () => {
        this.built = true;
      },
      (error: unknown) => {
        this.deps.logger.error({ err: error }, 'building the search index failed');
      },
    );
    return this.building;
  }

  /** Stops the background build (the relay closes). */
  async close(): Promise<void> {
    this.stopped = true;
    await this.building;
  }

  search(agent: Agent, q: string): SearchResponse {
    const visible = (id: string): boolean => {
      const conversation = this.deps.store.get(id);
      return conversation !== undefined && canSee(agent, conversation);
    };
    const conversations = this.deps.store
      .list()
      .filter((c) => canSee(agent, c) && contactMatches(c.contact, q))
      .sort(compareConversations)
      .slice(0, MAX_CONVERSATIONS)
      .map((c) => this.deps.conversations.view(agent, c));
    const messages = this.index
      .search(q, (m) => visible(m.conversationId), MAX_MESSAGES)
      .map((message) => ({ conversationId: message.conversationId, message }));
    return { conversations, messages, complete: this.built && !this.truncated };
  }

  private async readAll(): Promise<void> {
    const started = Date.now();
    let read = 0;
    for (const { id } of [...this.deps.store.list()].sort(compareConversations)) {
      let before: string | undefined;
      for (;;) {
        if (this.stopped) return;
        if (read >= MAX_HISTORY_INDEXED) {
          this.truncated = true;
          this.deps.logger.warn({ messages: this.index.size }, 'search index: older history is not indexed');
          return;
        }
        const page = await this.deps.store.history(id, before, PAGE);
        for (const message of page.messages) this.index.add(message);
        read += page.messages.length;
        const first = page.messages[0];
        if (!page.hasMore || !first) break;
        before = first.id;
      }
    }
    this.deps.logger.info({ messages: this.index.size, ms: Date.now() - started }, 'search index built');
  }
}
