import { readFileSync } from 'node:fs';
import { open, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Adapter } from 'lowdb';
import type { z } from 'zod';

export class StorageCorruptError extends Error {
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`${path} cannot be read: ${reason}`);
    this.name = 'StorageCorruptError';
  }
}

let tmpCounter = 0;

/** Makes a finished rename survive power loss: the folder entry itself is flushed. */
export async function fsyncDir(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * A lowdb adapter for one JSON file that is durable and never torn:
 * write a temporary file, fsync it, rename it over the old one, fsync the folder.
 * A crash at any moment leaves either the old file or the new one, both whole.
 * What is read back is parsed by its schema, so a hand-edited or foreign file is refused, not trusted.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  private queue: Promise<void> = Promise.resolve();

  /** `tmpDir`: where temporaries are staged (same file system); by default beside the file. */
  constructor(
    readonly path: string,
    private readonly schema: z.ZodType<T>,
    private readonly tmpDir?: string,
  ) {}

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    return this.parse(text);
  }

  /** `read`, blocking: for the start, when nothing else can run yet and many small files are read. */
  readSync(): T | null {
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    return this.parse(text);
  }

  private parse(text: string): T {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new StorageCorruptError(this.path, 'not JSON');
    }
    const parsed = this.schema.safeParse(json);
    if (!parsed.success) throw new StorageCorruptError(this.path, parsed.error.issues[0]?.message ?? 'invalid');
    return parsed.data;
  }

  /** Writes are queued so that renames land in the order they were asked for. */
  write(data: T): Promise<void> {
    const next = this.queue.then(async () => publish([await this.stage(data)]));
    this.queue = next.catch(() => undefined);
    return next;
  }

  /**
   * The first half of a write: the new content on disk and fsynced under a temporary name, not yet
   * in place. `publish` puts staged files in place. The caller keeps writes to one file in order.
   */
  async stage(data: T): Promise<StagedFile> {
    return this.stageText(JSON.stringify(data));
  }

  async stageText(text: string): Promise<StagedFile> {
    const name = `${basename(this.path)}.${process.pid}.${++tmpCounter}.tmp`;
    const tmp = join(this.tmpDir ?? dirname(this.path), name);
    const handle = await open(tmp, 'w');
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } catch (error) {
      await handle.close();
      await unlink(tmp).catch(() => undefined);
      throw error;
    } finally {
      await handle.close().catch(() => undefined);
    }
    return { tmp, path: this.path };
  }
}

export interface StagedFile {
  tmp: string;
  path: string;
}

/**
 * Renames staged files into place in the order given, then fsyncs each folder once. Staging several
 * files in parallel and publishing them together costs one round of fsyncs instead of one per file.
 * If a rename fails, the files not yet in place are removed and the error is thrown.
 */
export async function publish(files: StagedFile[]): Promise<void> {
  for (const [i, file] of files.entries()) {
    try {
      await rename(file.tmp, file.path);
    } catch (error) {
      await Promise.all(files.slice(i).map((f) => unlink(f.tmp).catch(() => undefined)));
      throw error;
    }
  }
  for (const dir of new Set(files.map((f) => dirname(f.path)))) await fsyncDir(dir);
}
