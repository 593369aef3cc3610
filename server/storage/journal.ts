import { createHash } from 'node:crypto';
import { mkdir, open, readdir, readFile, unlink, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { noDiskFaults, type DiskFaults } from './disk-faults.js';
import { fsyncDir } from './durable-json-file.js';

/*
 * The write-ahead journal. Every change to the conversations is appended here, and only once it is
 * on disk (fdatasync) is it acknowledged. Changes that arrive while a write is in flight wait for the
 * next one and share it: one fsync for everything that arrived together (group commit), however many
 * customers wrote at once. A commit is one line, so it is applied whole or not at all. The
 * checkpoint later writes the changes into the conversation files and drops the sealed segments.
 *
 * A line is `<16 hex of sha256(json)> <json>\n`. At open, every segment is read back: a torn last
 * line (the relay died mid-write, so it was never acknowledged) is ignored; a damaged line anywhere
 * else is reported (and skipped: every commit holds whole values, so the later ones still apply).
 */

const SEGMENT_NAME = /^(\d{8})\.log$/;
const segmentName = (n: number): string => `${String(n).padStart(8, '0')}.log`;
const hashOf = (json: string): string => createHash('sha256').update(json).digest('hex').slice(0, 16);

interface Pending {
  line: Buffer;
  resolve: () => void;
  reject: (error: unknown) => void;
}

interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}

function deferred<T>(): Deferred<T> {
  let resolve: (value: T) => void = () => undefined;
  let reject: (error: unknown) => void = () => undefined;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Each commit of one segment, in order, as the JSON values that were committed. */
export interface ReplayedSegment {
  path: string;
  commits: unknown[];
  /** Lines (1-based) that were damaged before the segment's end: skipped, for the quarantine to keep. */
  damaged: number[];
}

async function readSegment(path: string, last: boolean): Promise<ReplayedSegment> {
  const text = await readFile(path, 'utf8');
  const lines = text.split('\n');
  const commits: unknown[] = [];
  const damaged: number[] = [];
  for (const [i, line] of lines.entries()) {
    const isTail = i === lines.length - 1;
    if (isTail && line === '') break;
    const space = line.indexOf(' ');
    const json = line.slice(space + 1);
    let value: unknown;
    let whole = space === 16 && hashOf(json) === line.slice(0, 16);
    if (whole) {
      try {
        value = JSON.parse(json);
      } catch {
        whole = false;
      }
    }
    if (whole) {
      commits.push(value);
      continue;
    }
    // Only the very end of the newest segment can be a write that was cut short (never acknowledged).
    if (isTail && last) break;
    // Anything else is damage: that commit is lost, the ones after it still count (each is whole).
    damaged.push(i + 1);
  }
  return { path, commits, damaged };
}

export class Journal {
  /** Commits written and the fsyncs they took: with many writers at once, far fewer fsyncs than commits. */
  readonly stats = { commits: 0, flushes: 0 };
  private pending: Pending[] = [];
  private running = false;
  private rotation: Deferred<string[]> | null = null;
  private closed = false;

  private constructor(
    private readonly dir: string,
    private handle: FileHandle,
    private segment: number,
    private size: number,
    private sealed: string[],
    private readonly faults: DiskFaults,
  ) {}

  /** Opens the journal in `dir`: the segments found there are returned for replay, then a new one is begun. */
  static async open(
    dir: string,
    faults: DiskFaults = noDiskFaults,
  ): Promise<{ journal: Journal; replay: ReplayedSegment[] }> {
    await mkdir(dir, { recursive: true });
    const numbers = (await readdir(dir))
      .map((name) => SEGMENT_NAME.exec(name)?.[1])
      .filter((n): n is string => n !== undefined)
      .map(Number)
      .sort((a, b) => a - b);
    const replay: ReplayedSegment[] = [];
    for (const [i, n] of numbers.entries()) {
      replay.push(await readSegment(join(dir, segmentName(n)), i === numbers.length - 1));
    }
    const next = (numbers.at(-1) ?? 0) + 1;
    const handle = await open(join(dir, segmentName(next)), 'wx');
    await fsyncDir(dir);
    return {
      journal: new Journal(
        dir,
        handle,
        next,
        0,
        replay.map((s) => s.path),
        faults,
      ),
      replay,
    };
  }

  /** Bytes in the segment being written: the checkpoint runs when it grows large. */
  get bytes(): number {
    return this.size;
  }

  /** Appends one commit; resolves once it is durable. */
  commit(value: unknown): Promise<void> {
    if (this.closed) return Promise.reject(new Error('The journal is closed'));
    const json = JSON.stringify(value);
    const line = Buffer.from(`${hashOf(json)} ${json}\n`, 'utf8');
    return new Promise((resolve, reject) => {
      this.pending.push({ line, resolve, reject });
      this.kick();
    });
  }

  /**
   * Starts a new segment for the commits that follow. Resolves with every older segment: once the
   * checkpoint has written what they hold into the conversation files, `drop` removes them.
   */
  rotate(): Promise<string[]> {
    this.rotation ??= deferred();
    const { promise } = this.rotation;
    this.kick();
    return promise;
  }

  async drop(paths: string[]): Promise<void> {
    for (const path of paths) await unlink(path).catch(() => undefined);
    this.sealed = this.sealed.filter((p) => !paths.includes(p));
    await fsyncDir(this.dir);
  }

  /** Waits for every commit asked for, then closes the file. */
  async close(): Promise<void> {
    this.closed = true;
    while (this.running) await new Promise((resolve) => setImmediate(resolve));
    await this.handle.close();
  }

  private kick(): void {
    if (this.running) return;
    this.running = true;
    void this.run();
  }

  /** The one writer: batches of commits in order, and segment switches between them. */
  private async run(): Promise<void> {
    try {
      while (this.pending.length > 0 || this.rotation) {
        const rotation = this.rotation;
        if (rotation) {
          this.rotation = null;
          await this.switchSegment().then(rotation.resolve, rotation.reject);
          continue;
        }
        await this.write(this.pending.splice(0));
      }
    } finally {
      this.running = false;
    }
  }

  private async write(batch: Pending[]): Promise<void> {
    const bytes = Buffer.concat(batch.map((p) => p.line));
    try {
      this.faults.beforeWrite('journal');
      let written = 0;
      while (written < bytes.length) {
        const { bytesWritten } = await this.handle.write(bytes, written, bytes.length - written, this.size + written);
        written += bytesWritten;
      }
      await this.handle.datasync();
    } catch (error) {
      // Nothing of this batch counts: cut off whatever part of it reached the file, so the next
      // batch starts on a clean line (positional writes overwrite it anyway if this fails too).
      await this.handle.truncate(this.size).catch(() => undefined);
      for (const p of batch) p.reject(error);
      return;
    }
    this.size += bytes.length;
    this.stats.commits += batch.length;
    this.stats.flushes += 1;
    for (const p of batch) p.resolve();
  }

  private async switchSegment(): Promise<string[]> {
    const next = this.segment + 1;
    const handle = await open(join(this.dir, segmentName(next)), 'wx');
    await fsyncDir(this.dir);
    const previous = this.handle;
    this.sealed.push(join(this.dir, segmentName(this.segment)));
    this.handle = handle;
    this.segment = next;
    this.size = 0;
    await previous.close();
    return [...this.sealed];
  }
}
