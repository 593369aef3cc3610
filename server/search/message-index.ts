import MiniSearch from 'minisearch';
import type { Message } from '../../shared/domain/message.js';

/*
 * Full-text index of message text with MiniSearch: words and prefixes, a little fuzz for typos,
 * in memory. Each entry keeps its message so a result needs no history read.
 */

interface Doc {
  id: string;
  text: string;
  message: Message;
}

/** Messages that are words someone wrote (not system lines, not empty captions). */
export const isSearchable = (message: Message): boolean => message.type !== 'system' && message.text.trim() !== '';

export class MessageIndex {
  private readonly index = new MiniSearch<Doc>({
    fields: ['text'],
    storeFields: ['message'],
    searchOptions: { prefix: true, fuzzy: 0.15, combineWith: 'AND' },
  });

  get size(): number {
    return this.index.documentCount;
  }

  add(message: Message): void {
    if (!isSearchable(message) || this.index.has(message.id)) return;
    this.index.add({ id: message.id, text: message.text, message });
  }

  /** Best matches first; `keep` filters (who may see which conversation) before `limit` applies. */
  search(query: string, keep: (message: Message) => boolean, limit: number): Message[] {
    const found: Message[] = [];
    for (const result of this.index.search(query)) {
      const message = (result as unknown as { message: Message }).message;
      if (!keep(message)) continue;
      found.push(message);
      if (found.length === limit) break;
    }
    return found;
  }
}
