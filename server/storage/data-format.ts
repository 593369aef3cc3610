import { existsSync } from 'node:fs';
import { mkdir, readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { z } from 'zod';
import { ConversationSummarySchema } from '../../shared/domain/conversation.js';
import { WaIdSchema } from '../../shared/phone.js';
import type { Message } from '../../shared/domain/message.js';
import { ConversationFiles, MetaSchema, type Meta } from './conversation-files.js';
import { DurableJsonFile, StorageCorruptError } from './durable-json-file.js';
import { Quarantine } from './quarantine.js';

/*
 * The data folder says which format it is in (`format.json`), and a relay brings an older folder to
 * its own format before anything else reads it, so a shop's data survives every upgrade. Each step
 * is idempotent: a migration cut short by a crash simply runs again at the next start.
 */

export const DATA_FORMAT = 2;

const FormatFileSchema = z.object({ version: z.number().int().positive() });
const formatFile = (dataDir: string) => new DurableJsonFile(join(dataDir, 'format.json'), FormatFileSchema);

/**
 * Format 1 (before the journal): the summary without activitySeq, a contact known by phone only,
 * plus how many chunks it has.
 */
const MetaV1Schema = ConversationSummarySchema.omit({ activitySeq: true, contact: true }).extend({
  contact: z.object({ waId: WaIdSchema, name: z.string() }),
  chunkCount: z.number().int().nonnegative(),
});
type MetaV1 = z.infer<typeof MetaV1Schema>;

/**
 * Version 1 → 2: metas gain the message count, the outbox, the last inbound wamid and the arrival
 * order; contacts gain the business-scoped user id and username (unknown for now: null).
 */
async function toFormat2(dataDir: string, logger: Logger, quarantine: Quarantine): Promise<void> {
  const files = new ConversationFiles(dataDir);
  if (!existsSync(files.root)) return;
  await mkdir(files.tmpDir, { recursive: true });
  const found: { id: string; v1: MetaV1 | null; v2: Meta | null }[] = [];
  for (const entry of await readdir(files.root, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const dir = join(files.root, entry.name);
    for (const name of await readdir(dir)) {
      if (name.endsWith('.tmp')) await unlink(join(dir, name)).catch(() => undefined);
    }
    const path = join(dir, 'meta.json');
    let raw: unknown;
    try {
      raw = await new DurableJsonFile(path, z.unknown()).read();
    } catch (error) {
      if (!(error instanceof StorageCorruptError)) throw error;
      await quarantine.moveAside(path, error.message);
      continue;
    }
    if (raw === null) continue; // a conversation whose creation never finished
    const v2 = MetaSchema.safeParse(raw);
    const v1 = v2.success ? null : MetaV1Schema.safeParse(raw);
    if (!v2.success && !v1?.success) {
      await quarantine.moveAside(
        path,
        `not a conversation of data format 1 or 2: ${v1?.error.issues[0]?.message ?? ''}`,
      );
      continue;
    }
    found.push({ id: entry.name, v1: v1?.success ? v1.data : null, v2: v2.success ? v2.data : null });
  }
  // The arrival order is rebuilt from the times, the best that format 1 knows.
  const activityOf = (f: (typeof found)[number]) => {
    const summary = f.v2?.summary ?? f.v1;
    return [summary?.lastMessageAt ?? summary?.createdAt ?? '', summary?.createdAt ?? '', f.id].join('|');
  };
  found.sort((a, b) => activityOf(a).localeCompare(activityOf(b)));
  for (const [index, item] of found.entries()) {
    if (!item.v1) continue;
    const messages: Message[] = [];
    for (let n = 0; ; n++) {
      const chunk = await files.chunk(item.id, n).read();
      if (chunk === null || (n >= item.v1.chunkCount && chunk.messages.length === 0)) break;
      for (const message of chunk.messages) if (message) messages.push(message);
    }
    const { chunkCount: _chunkCount, contact, ...summary } = item.v1;
    const meta: Meta = {
      summary: { ...summary, contact: { ...contact, userId: null, username: null }, activitySeq: index + 1 },
      messageCount: messages.length,
      lastInboundWaMessageId:
        messages.findLast((m) => m.direction === 'in' && m.waMessageId !== null)?.waMessageId ?? null,
      outbox: messages.filter((m) => m.direction === 'out' && m.status === 'pending'),
    };
    await files.meta(item.id).write(meta);
  }
  logger.info({ conversations: found.length }, 'data folder brought to format 2');
}

const steps: Record<number, (dataDir: string, logger: Logger, quarantine: Quarantine) => Promise<void>> = {
  1: toFormat2,
};

export async function migrateDataDir(
  dataDir: string,
  logger: Logger,
  quarantine = new Quarantine(dataDir, logger),
): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  const file = formatFile(dataDir);
  let stated: number | undefined;
  try {
    stated = (await file.read())?.version;
  } catch (error) {
    if (!(error instanceof StorageCorruptError)) throw error;
    // Set aside; the format is told again from the files themselves (each step takes either).
    await quarantine.moveAside(file.path, error.message);
  }
  const fresh = !existsSync(join(dataDir, 'accounts.json')) && !existsSync(join(dataDir, 'conversations'));
  let version = stated ?? (fresh ? DATA_FORMAT : 1);
  if (version > DATA_FORMAT) {
    throw new Error(
      `${dataDir} was written by a newer Toonbank (data format ${version}); this relay reads ${DATA_FORMAT}`,
    );
  }
  while (version < DATA_FORMAT) {
    const step = steps[version];
    if (!step) throw new Error(`No migration from data format ${version}`);
    await step(dataDir, logger, quarantine);
    version += 1;
  }
  if (stated !== DATA_FORMAT) await file.write({ version: DATA_FORMAT });
}
