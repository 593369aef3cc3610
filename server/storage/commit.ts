import type { Low } from 'lowdb';

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
