import type { Agent } from '../../shared/domain/agent.js';
import type { ConversationSummary } from '../../shared/domain/conversation.js';
import type { ConversationActivity } from '../../shared/protocol/activity.js';
import type { ConversationService } from '../conversations/conversation-service.js';
import { canSee } from '../conversations/visibility.js';
import type { DomainEvents } from '../domain-events.js';

/** Typing ends by itself after this long without a new `conversation:typing`. */
export const TYPING_EXPIRY_MS = 6_000;

export interface ActivityServiceDeps {
  conversations: ConversationService;
  /** The conversation as stored (who may see it decides who hears about its activity). */
  lookup: (id: string) => ConversationSummary | undefined;
  /** The agent as they are now (a role change or deactivation applies at once). */
  agentOf: (id: string) => Agent | undefined;
  events: DomainEvents;
  typingExpiryMs?: number;
}

interface SocketActivity {
  agentId: string;
  viewing: string | null;
  typing: string | null;
  typingTimer?: ReturnType<typeof setTimeout>;
}

/**
 * Who is viewing and typing where, per socket (one agent may have several apps open), kept in
 * memory only. Every change publishes the conversation's activity; the fan-out sends it to the
 * rooms of those who may see the conversation.
 */
export class ActivityService {
  private readonly sockets = new Map<string, SocketActivity>();

  constructor(private readonly deps: ActivityServiceDeps) {}

  view(agent: Agent, socketId: string, conversationId: string | null): void {
    if (conversationId !== null) this.deps.conversations.requireVisible(agent, conversationId);
    const entry = this.entry(agent, socketId);
    if (entry.viewing === conversationId) return;
    const left = entry.viewing;
    entry.viewing = conversationId;
    // Looking at another chat means no longer typing in the one left.
    if (entry.typing !== null && entry.typing !== conversationId) this.stopTyping(entry);
    if (left !== null) this.announce(left);
    if (conversationId !== null) this.announce(conversationId);
  }

  typing(agent: Agent, socketId: string, conversationId: string): void {
    this.deps.conversations.requireVisible(agent, conversationId);
    const entry = this.entry(agent, socketId);
    clearTimeout(entry.typingTimer);
    const previous = entry.typing;
    entry.typing = conversationId;
    entry.typingTimer = setTimeout(() => {
      this.stopTyping(entry);
    }, this.deps.typingExpiryMs ?? TYPING_EXPIRY_MS);
    if (previous === conversationId) return;
    if (previous !== null) this.announce(previous);
    this.announce(conversationId);
  }

  /** The agent sent their message: they are no longer typing. */
  sent(agentId: string, conversationId: string): void {
    for (const entry of this.sockets.values()) {
      if (entry.agentId === agentId && entry.typing === conversationId) this.stopTyping(entry);
    }
  }

  disconnected(socketId: string): void {
    const entry = this.sockets.get(socketId);
    if (!entry) return;
    this.sockets.delete(socketId);
    clearTimeout(entry.typingTimer);
    const touched = new Set([entry.viewing, entry.typing].filter((id): id is string => id !== null));
    for (const id of touched) this.announce(id);
  }

  /**
   * The conversation changed hands: whoever may no longer see it stops viewing and typing there
   * (their screen drops it; nobody should still be shown "in" it).
   */
  conversationChanged(conversation: ConversationSummary): void {
    let changed = false;
    for (const entry of this.sockets.values()) {
      if (entry.viewing !== conversation.id && entry.typing !== conversation.id) continue;
      const agent = this.deps.agentOf(entry.agentId);
      if (agent && canSee(agent, conversation)) continue;
      if (entry.viewing === conversation.id) entry.viewing = null;
      if (entry.typing === conversation.id) {
        clearTimeout(entry.typingTimer);
        entry.typing = null;
      }
      changed = true;
    }
    if (changed) this.announce(conversation.id);
  }

  activityOf(conversationId: string): ConversationActivity {
    const viewers = new Set<string>();
    const typing = new Set<string>();
    for (const entry of this.sockets.values()) {
      if (entry.viewing === conversationId) viewers.add(entry.agentId);
      if (entry.typing === conversationId) typing.add(entry.agentId);
    }
    return { conversationId, viewerIds: [...viewers], typingIds: [...typing] };
  }

  /** The activity of every conversation the agent may see where someone is (for the catch-up). */
  visibleTo(agent: Agent): ConversationActivity[] {
    const ids = new Set<string>();
    for (const entry of this.sockets.values()) {
      if (entry.viewing !== null) ids.add(entry.viewing);
      if (entry.typing !== null) ids.add(entry.typing);
    }
    return [...ids].flatMap((id) => {
      const conversation = this.deps.lookup(id);
      return conversation && canSee(agent, conversation) ? [this.activityOf(id)] : [];
    });
  }

  private entry(agent: Agent, socketId: string): SocketActivity {
    let entry = this.sockets.get(socketId);
    if (!entry) {
      entry = { agentId: agent.id, viewing: null, typing: null };
      this.sockets.set(socketId, entry);
    }
    return entry;
  }

  private stopTyping(entry: SocketActivity): void {
    clearTimeout(entry.typingTimer);
    const was = entry.typing;
    if (was === null) return;
    entry.typing = null;
    this.announce(was);
  }

  private announce(conversationId: string): void {
    const conversation = this.deps.lookup(conversationId);
    if (!conversation) return;
    this.deps.events.publish({ type: 'activity.changed', conversation, activity: this.activityOf(conversationId) });
  }
}
