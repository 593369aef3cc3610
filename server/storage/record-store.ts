import { mkdirSync, readdirSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { DurableJsonFile, StorageCorruptError } from './durable-json-file.js';
import { KeyedQueue } from './keyed-queue.js';
import type { Quarantine } from './quarantine.js';

/*
 * Small records kept one file each (`DATA_DIR/<folder>/<id>.json`): carts, orders. A record is
 * rewritten whole, durably (temp file, fsync, rename, fsync of the folder), before `update`
 * resolves, and changes of one record run one at a time, so read-modify-write never interleaves and
 * two writers never lose each other's change. Every file is read at start and parsed by its schema;
 * one that cannot be read is set aside (quarantine) and the relay starts with the rest.
 */

const SAFE_ID = /^[A-Za-z0-9_-]{1,200}$/;

export interface LockedRecord<T> {
  current(): T | undefined;
  /** Durable before it resolves; memory follows only once the file is in place. */
  put(next: T): Promise<void>;
}

export class RecordStore<T> {
  private readonly records = new Map<string, T>();
  private readonly locks = new KeyedQueue();

  private constructor(
    private readonly dir: string,
    private readonly schema: z.ZodType<T>,
  ) {}

  static async open<T>(dataDir: string, folder: string, schema: z.ZodType<T>, quarantine: Quarantine) {
    const store = new RecordStore(join(dataDir, folder), schema);
    mkdirSync(store.dir, { recursive: true });
    for (const name of readdirSync(store.dir)) {
      const path = join(store.dir, name);
      // A temporary left by a crash mid-write was never acknowledged: the file it was for is whole.
      if (name.endsWith('.tmp')) {
        unlinkSync(path);
        continue;
      }
      if (!name.endsWith('.json')) continue;
      try {
        const value = new DurableJsonFile(path, schema).readSync();
        if (value !== null) store.records.set(name.slice(0, -'.json'.length), value);
      } catch (error) {
        if (!(error instanceof StorageCorruptError)) throw error;
        await quarantine.moveAside(path, error.message);
      }
    }
    return store;
  }

  get(id: string): T | undefined {
    return this.records.get(id);
  }

  values(): IterableIterator<T> {
    return this.records.values();
  }

  /**
   * Runs `change` alone for this id and stores what it returns (`next` undefined: no change)
   * before resolving. If the write fails, memory keeps the old record and the error is thrown.
   */
  update<R>(
    id: string,
    change: (current: T | undefined) => Promise<{ next?: T; result: R }> | { next?: T; result: R },
  ): Promise<R> {
    return this.locked(id, async (record) => {
      const { next, result } = await change(record.current());
      if (next !== undefined) await record.put(next);
      return result;
    });
  }

  /**
   * Runs `task` alone for this id, with a handle to read and durably replace the record as often as
   * it needs (a payment flow: store the attempt, ask the provider, store its answer).
   */
  locked<R>(id: string, task: (record: LockedRecord<T>) => Promise<R>): Promise<R> {
    if (!SAFE_ID.test(id)) return Promise.reject(new Error(`unsafe record id ${JSON.stringify(id)}`));
    const file = new DurableJsonFile(join(this.dir, `${id}.json`), this.schema);
    return this.locks.run(id, () =>
      task({
        current: () => this.records.get(id),
        put: async (next) => {
          await file.write(this.schema.parse(next));
          this.records.set(id, next);
        },
      }),
    );
  }

  idle(): Promise<void> {
    return this.locks.idle();
  }
}
