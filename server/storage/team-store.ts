import { join } from 'node:path';
import { Low } from 'lowdb';
import { z } from 'zod';
import { LabelSchema, SettingsSchema } from '../../shared/domain/label.js';
import { commit } from './commit.js';
import { DurableJsonFile, StorageCorruptError } from './durable-json-file.js';
import type { Quarantine } from './quarantine.js';

const TeamFileSchema = z.object({
  labels: z.array(LabelSchema),
  settings: SettingsSchema,
  /** Round-robin turns: per agent, the order of their last assignment (see AutoAssigner). */
  turns: z.record(z.string(), z.number().int().nonnegative()).default({}),
});
export type TeamFile = z.infer<typeof TeamFileSchema>;

const EMPTY: TeamFile = { labels: [], settings: { autoAssign: false }, turns: {} };

/**
 * What the team shares besides conversations: the labels, the shop's settings and the round-robin
 * turns, in `team.json`
 * (small, rewritten whole). Writes run one at a time, each from what the previous one left, and are
 * on disk before they resolve; a failed write changes nothing.
 */
export class TeamStore {
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(private readonly db: Low<TeamFile>) {}

  /** Opens `team.json`; one that cannot be read is set aside and the relay starts with no labels. */
  static async open(dataDir: string, quarantine?: Quarantine): Promise<TeamStore> {
    const file = new DurableJsonFile(join(dataDir, 'team.json'), TeamFileSchema);
    const db = new Low(file, EMPTY);
    try {
      await db.read();
    } catch (error) {
      if (!(error instanceof StorageCorruptError) || !quarantine) throw error;
      await quarantine.moveAside(file.path, error.message);
      db.data = EMPTY;
    }
    return new TeamStore(db);
  }

  get data(): TeamFile {
    return this.db.data;
  }

  /** Runs `change` alone on the data as it is; what it returns is stored (unless it is the same object). */
  update<T>(change: (data: TeamFile) => { next: TeamFile; result: T }): Promise<T> {
    const run = this.queue.then(async () => {
      const { next, result } = change(this.db.data);
      if (next !== this.db.data) await commit(this.db, next);
      return result;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }
}
