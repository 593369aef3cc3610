import { join } from 'node:path';
import { Low } from 'lowdb';
import { z } from 'zod';
import { commit } from './commit.js';
import { DurableJsonFile, StorageCorruptError } from './durable-json-file.js';
import type { Quarantine } from './quarantine.js';

/**
 * A small list of records in one JSON file under the data folder (canned replies, mention
 * notifications), rewritten whole on every change: writes run one at a time, each built from the
 * list as the previous one left it, and are on disk before they resolve. A file that cannot be read
 * is set aside and the relay starts with an empty list.
 */
export class RecordFile<T extends { id: string }> {
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(private readonly db: Low<{ records: T[] }>) {}

  static async open<T extends { id: string }>(
    dataDir: string,
    name: string,
    schema: z.ZodType<T>,
    quarantine?: Quarantine,
  ): Promise<RecordFile<T>> {
    const file = new DurableJsonFile(join(dataDir, name), z.object({ records: z.array(schema) }));
    const db = new Low(file, { records: [] as T[] });
    try {
      await db.read();
    } catch (error) {
      if (!(error instanceof StorageCorruptError) || !quarantine) throw error;
      await quarantine.moveAside(file.path, error.message);
      db.data = { records: [] };
    }
    return new RecordFile(db);
  }

  all(): readonly T[] {
    return this.db.data.records;
  }

  get(id: string): T | undefined {
    return this.db.data.records.find((r) => r.id === id);
  }

  /**
   * Runs `change` alone against the list as it is (it may throw to refuse); what it returns as
   * `records` replaces the list, durably, before the promise resolves. `records` left out: no write.
   */
  update<R>(change: (records: readonly T[]) => { records?: T[]; result: R }): Promise<R> {
    const run = this.queue.then(async () => {
      const { records, result } = change(this.db.data.records);
      if (records !== undefined) await commit(this.db, { records });
      return result;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }
}
