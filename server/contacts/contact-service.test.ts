import { describe, expect, it } from 'vitest';
import type { ConversationSummary } from '../../shared/domain/conversation.js';
import type { Message } from '../../shared/domain/message.js';
import type { Agent } from '../../shared/domain/agent.js';
import { ContactService, MAX_MESSAGES_READ } from './contact-service.js';

const at = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 1000).toISOString();

function message(n: number): Message {
  return {
    id: `m${n}`,
    conversationId: 'c1',
    seq: n,
    direction: n % 2 === 0 ? 'in' : 'out',
    type: 'text',
    text: `message ${n}`,
    status: n % 2 === 0 ? 'received' : 'sent',
    waMessageId: null,
    authorId: null,
    createdAt: at(n),
    updatedAt: at(n),
  };
}

/** A store over one thread of `count` messages, paged the way ConversationStore pages. */
function serviceOver(count: number): ContactService {
  const thread = Array.from({ length: count }, (_, n) => message(n));
  const conversation = {
    id: 'c1',
    contact: { waId: '32486111222', userId: null, username: null, name: 'Cees' },
    createdAt: at(0),
    labels: [],
  };
  return new ContactService({
    store: {
      history: (_id, before, limit) => {
        const end = before === undefined ? thread.length : thread.findIndex((m) => m.id === before);
        const start = Math.max(0, end - limit);
        return Promise.resolve({ messages: thread.slice(start, end), hasMore: start > 0 });
      },
    },
    conversations: { requireVisible: () => conversation as unknown as ConversationSummary },
    orders: { list: () => [] },
  });
}

const agent = { id: 'a1', role: 'supervisor' } as Agent;

describe('ContactService', () => {
  it('reads a whole thread up to the bound and says it is complete', async () => {
    const history = await serviceOver(MAX_MESSAGES_READ).history(agent, 'c1');
    expect(history.complete).toBe(true);
    expect(history.episodes).toHaveLength(1);
    expect(history.episodes[0]).toMatchObject({
      startedAt: at(0),
      customerMessages: MAX_MESSAGES_READ / 2,
      replies: MAX_MESSAGES_READ / 2,
      firstText: 'message 0',
    });
  });

  it('reads only the newest messages of a longer thread and says the oldest are left out', async () => {
    const history = await serviceOver(MAX_MESSAGES_READ + 3).history(agent, 'c1');
    expect(history.complete).toBe(false);
    expect(history.episodes[0]).toMatchObject({ startedAt: at(3), firstText: 'message 4' });
    expect((history.episodes[0]?.customerMessages ?? 0) + (history.episodes[0]?.replies ?? 0)).toBe(MAX_MESSAGES_READ);
    // The first contact is the conversation's, not the oldest message read.
    expect(history.firstContactAt).toBe(at(0));
  });
});
