import type { Agent } from '../../shared/domain/agent.js';
import type { Message } from '../../shared/domain/message.js';
import type { Floor } from '../../shared/protocol/floor.js';
import type { AccountService } from '../accounts/account-service.js';
import { requireSupervisor } from '../accounts/authenticate.js';
import type { ConversationStore } from '../storage/conversation-store.js';
import { createTally, tallyConversation } from './floor-stats.js';
import type { ShopDays } from './shop-days.js';

/** The figures cover this many days, today included. */
export const FLOOR_DAYS = 14;
/** How far before the first day's UTC midnight its local midnight can be (UTC+14). */
const WIDEST_OFFSET_MS = 14 * 60 * 60 * 1000;
/** A floor computed this recently is served again (several supervisors, refetches after events). */
const CACHE_MS = 2_000;
const PAGE = 500;

export interface FloorServiceDeps {
  store: ConversationStore;
  accounts: AccountService;
  now: () => number;
  /** Days in the shop's time zone. */
  days: ShopDays;
}

/** The supervisor's floor, computed from the conversations and their recent history. */
export class FloorService {
  private cached: { at: number; floor: Promise<Floor> } | null = null;

  constructor(private readonly deps: FloorServiceDeps) {}

  floor(agent: Agent): Promise<Floor> {
    requireSupervisor(agent);
    const now = this.deps.now();
    if (this.cached && now - this.cached.at < CACHE_MS) return this.cached.floor;
    const floor = this.compute(now);
    this.cached = { at: now, floor };
    floor.catch(() => {
      this.cached = null;
    });
    return floor;
  }

  private async compute(now: number): Promise<Floor> {
    const conversations = this.deps.store.list();
    const days = this.deps.days.lastDays(now, FLOOR_DAYS);
    // Read from a little before the first day's midnight wherever the shop is; the tally keeps its days.
    const since = new Date(Date.parse(`${days[0] ?? ''}T00:00:00.000Z`) - WIDEST_OFFSET_MS).toISOString();

    const active = (c: { status: string }) => c.status === 'open' || c.status === 'pending';
    const waiting = conversations
      .filter((c) => c.assigneeId === null && active(c))
      .map((c) => ({ c, since: c.lastInboundAt ?? c.createdAt }))
      .sort((a, b) => (a.since < b.since ? -1 : a.since > b.since ? 1 : 0));
    const oldest = waiting[0];
    const openChats = new Map<string, number>();
    for (const c of conversations) {
      if (c.assigneeId !== null && active(c)) openChats.set(c.assigneeId, (openChats.get(c.assigneeId) ?? 0) + 1);
    }

    const tally = createTally(new Set(days), (at) => this.deps.days.dayOf(at));
    for (const c of conversations) {
      if (c.lastMessageAt === null || c.lastMessageAt < since) continue;
      tallyConversation(await this.recent(c.id, since), tally);
    }

    return {
      generatedAt: new Date(now).toISOString(),
      days,
      queue: {
        length: waiting.length,
        oldest: oldest
          ? { conversationId: oldest.c.id, customerName: oldest.c.contact.name, waitingSince: oldest.since }
          : null,
      },
      agents: this.deps.accounts.listAgents().map((a) => ({ ...a, openChats: openChats.get(a.id) ?? 0 })),
      stats: tally.rows(),
    };
  }

  /** The conversation's messages since `since` (a little before, so a wait that began earlier counts). */
  private async recent(id: string, since: string): Promise<Message[]> {
    const pages: Message[][] = [];
    let before: string | undefined;
    for (;;) {
      const page = await this.deps.store.history(id, before, PAGE);
      pages.unshift(page.messages);
      const first = page.messages[0];
      if (!page.hasMore || !first || first.createdAt < since) break;
      before = first.id;
    }
    return pages.flat();
  }
}
