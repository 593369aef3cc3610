import { LRUCache } from 'lru-cache';
import type { Message } from '../../shared/domain/message.js';

/** A chunk's messages by position; a hole is a message lost with a damaged file (quarantined). */
export type ChunkMessages = (Message | undefined)[];

/*
 * The message chunks held in memory. Clean chunks (as on disk) live in a least-recently-used cache
 * bounded by a number of messages, so memory stays flat however large the history grows. A chunk
 * changed since the last checkpoint is dirty: it is held outside the cache, never evicted, until the
 * checkpoint has written it.
 */

export const chunkKey = (conversationId: string, n: number): string => `${conversationId}/${n}`;

export class ChunkCache {
  private readonly clean: LRUCache<string, ChunkMessages>;
  private dirty = new Map<string, ChunkMessages>();
  /** Taken by a checkpoint that is writing them: still the current copy until it has finished. */
  private writing = new Map<string, ChunkMessages>();

  constructor(maxMessages: number) {
    this.clean = new LRUCache({ maxSize: maxMessages, sizeCalculation: (chunk) => Math.max(1, chunk.length) });
  }

  get(key: string): ChunkMessages | undefined {
    return this.dirty.get(key) ?? this.writing.get(key) ?? this.clean.get(key);
  }

  /** A chunk as read from disk. */
  addClean(key: string, messages: ChunkMessages): void {
    if (!this.dirty.has(key) && !this.writing.has(key)) this.clean.set(key, messages);
  }

  markDirty(key: string, messages: ChunkMessages): void {
    this.clean.delete(key);
    this.dirty.set(key, messages);
  }

  /** Hands the dirty chunks to a checkpoint; changes made meanwhile make them dirty again. */
  takeDirty(): Map<string, ChunkMessages> {
    const taken = this.dirty;
    for (const [key, messages] of taken) this.writing.set(key, messages);
    this.dirty = new Map();
    return taken;
  }

  /** The checkpoint is over: written chunks become clean, failed ones dirty again. */
  settle(taken: Map<string, ChunkMessages>, written: boolean): void {
    for (const [key, messages] of taken) {
      this.writing.delete(key);
      if (this.dirty.has(key)) continue;
      if (written) this.clean.set(key, messages);
      else this.dirty.set(key, messages);
    }
  }

  get dirtyCount(): number {
    return this.dirty.size;
  }

  /** Messages held, clean and dirty. */
  get messageCount(): number {
    let count = this.clean.calculatedSize;
    for (const messages of [...this.dirty.values(), ...this.writing.values()]) count += messages.length;
    return count;
  }
}
