import { join } from 'node:path';
import { z } from 'zod';
import { ConversationSummarySchema } from '../../shared/domain/conversation.js';
import { MessageSchema } from '../../shared/domain/message.js';
import { DurableJsonFile } from './durable-json-file.js';

/*
 * The conversation files under DATA_DIR and their schemas (format 2):
 *
 *   conversations/<id>/meta.json           the summary, the message count, the outbox
 *   conversations/<id>/messages-NNNN.json  messages seq N*100 … N*100+99, oldest first
 *   journal/NNNNNNNN.log                   changes not yet written into the files above
 *   tmp/                                   temporaries of durable writes (emptied at start)
 */

export const CHUNK_SIZE = 100;

/** What the relay keeps of a conversation in memory at all times: everything a start needs. */
export const MetaSchema = z.object({
  summary: ConversationSummarySchema,
  /** How many messages the conversation has: the next message's seq. */
  messageCount: z.number().int().nonnegative(),
  /** The customer's latest message id on WhatsApp, for the read receipt. */
  lastInboundWaMessageId: z.string().nullable(),
  /** Outbound messages not yet accepted by WhatsApp, whole: they go out again after a restart. */
  outbox: z.array(MessageSchema),
  /**
   * How many customer messages the conversation has (system lines and notes not counted). Files
   * from before per-agent unread counts lack it: their shared `summary.unreadCount` stands in.
   */
  inboundCount: z.number().int().nonnegative().optional(),
  /**
   * Per agent, how many customer messages they had read: their unread count is the difference.
   * `summary.unreadCount` as stored means nothing; every summary leaving the relay carries the
   * receiver's own (`ConversationStore.unreadFor`).
   */
  readBy: z.record(z.string(), z.number().int().nonnegative()).optional(),
  /** The customer message WhatsApp last got a read receipt for: sent once, whoever reads first. */
  receiptFor: z.string().nullable().optional(),
});
export type Meta = z.infer<typeof MetaSchema>;

/** `null`: a hole, where a message was lost with a damaged file (quarantined) and later ones follow. */
export const ChunkSchema = z.object({ messages: z.array(MessageSchema.nullable()) });
export type Chunk = z.infer<typeof ChunkSchema>;

/** One change, as the journal keeps it: whole values, so replaying a change twice is harmless. */
export const JournalRecordSchema = z.discriminatedUnion('t', [
  z.object({ t: z.literal('meta'), id: z.string(), meta: MetaSchema }),
  z.object({ t: z.literal('message'), id: z.string(), message: MessageSchema }),
]);
export type JournalRecord = z.infer<typeof JournalRecordSchema>;
export const JournalCommitSchema = z.array(JournalRecordSchema);

export const chunkOf = (seq: number): number => Math.floor(seq / CHUNK_SIZE);

export class ConversationFiles {
  readonly root: string;
  readonly journalDir: string;
  readonly tmpDir: string;

  constructor(dataDir: string) {
    this.root = join(dataDir, 'conversations');
    this.journalDir = join(dataDir, 'journal');
    this.tmpDir = join(dataDir, 'tmp');
  }

  dir(id: string): string {
    return join(this.root, id);
  }

  meta(id: string): DurableJsonFile<Meta> {
    return new DurableJsonFile(join(this.dir(id), 'meta.json'), MetaSchema, this.tmpDir);
  }

  chunk(id: string, n: number): DurableJsonFile<Chunk> {
    return new DurableJsonFile(
      join(this.dir(id), `messages-${String(n).padStart(4, '0')}.json`),
      ChunkSchema,
      this.tmpDir,
    );
  }
}
