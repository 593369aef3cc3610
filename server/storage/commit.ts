import { unlink } from 'node:fs/promises';
import type { Low } from 'lowdb';
import { DurableJsonFile, publish } from './durable-json-file.js';

/**
 * Replaces a file's data and writes it; if the write fails, memory goes back to what is on disk.
 * Callers build `next` as a new value, so nothing half-applied is ever kept.
 */
export async function commit<T>(db: Low<T>, next: T): Promise<void> {
  const previous = db.data;
  db.data = next;
  try {
    await db.write();
  } catch (error) {
    db.data = previous;
    throw error;
  }
}

/** One file's new data, for `commitTogether`. */
export interface Change {
  stage(): ReturnType<DurableJsonFile<unknown>['stage']>;
  apply(): void;
}

export function change<T>(db: Low<T>, next: T): Change {
  const file = db.adapter;
  if (!(file instanceof DurableJsonFile)) throw new Error('commitTogether needs DurableJsonFile adapters');
  return {
    stage: () => (file as DurableJsonFile<T>).stage(next),
    apply: () => {
      db.data = next;
    },
  };
}

/**
 * Writes several files as one step: all staged (written and fsynced) in parallel, then put in place
 * in the order given, then memory follows. On any failure memory stays as it was. The caller runs
 * this inside the owner's `exclusive`, which keeps writes to each file in order.
 */
export async function commitTogether(changes: Change[]): Promise<void> {
  const staged = await Promise.allSettled(changes.map((c) => c.stage()));
  const ready = staged.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failed = staged.find((s) => s.status === 'rejected');
  if (failed) {
    await Promise.all(ready.map((f) => unlink(f.tmp).catch(() => undefined)));
    throw failed.reason;
  }
  await publish(ready);
  for (const c of changes) c.apply();
}
