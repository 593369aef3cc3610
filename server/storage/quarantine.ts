import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, rename, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Logger } from 'pino';
import { QuarantinedFileSchema, type QuarantinedFile } from '../../shared/protocol/health.js';

/*
 * Nothing stored may keep the relay from starting. A data file that does not parse, or fails its
 * schema, is moved aside into DATA_DIR/quarantine/ with a note of why, logged, and listed for the
 * supervisors; the relay carries on with everything else. The folder is the record: what is in it
 * is reported at every start until someone deals with it (restores or deletes the files).
 */

export type { QuarantinedFile };

const NOTE_SUFFIX = '.why.json';

export class Quarantine {
  private readonly dir: string;
  private readonly files: QuarantinedFile[];
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly dataDir: string,
    private readonly logger: Logger,
  ) {
    this.dir = join(dataDir, 'quarantine');
    this.files = this.readNotes();
  }

  list(): QuarantinedFile[] {
    return [...this.files];
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Moves `path` aside (`copy`: keeps it in place, for a file still being appended to). */
  async moveAside(path: string, reason: string, options: { copy?: boolean } = {}): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const at = new Date().toISOString();
    const file = relative(this.dataDir, path);
    const name = `${at.replace(/[:.]/g, '-')}-${file.replace(/[\\/]/g, '__')}`;
    const target = join(this.dir, name);
    if (options.copy) await copyFile(path, target);
    else await rename(path, target);
    // The reason names the file as the relay saw it; supervisors are told where it is in the data folder.
    const entry: QuarantinedFile = {
      file,
      movedTo: relative(this.dataDir, target),
      reason: reason.replaceAll(path, file),
      at,
    };
    await writeFile(`${target}${NOTE_SUFFIX}`, JSON.stringify(entry));
    this.files.push(entry);
    this.logger.error(entry, 'a data file could not be read and was moved to the quarantine folder');
    for (const listener of this.listeners) listener();
  }

  private readNotes(): QuarantinedFile[] {
    if (!existsSync(this.dir)) return [];
    const notes: QuarantinedFile[] = [];
    for (const name of readdirSync(this.dir)
      .filter((n) => n.endsWith(NOTE_SUFFIX))
      .sort()) {
      try {
        notes.push(QuarantinedFileSchema.parse(JSON.parse(readFileSync(join(this.dir, name), 'utf8'))));
      } catch {
        // A note that cannot be read still says a file is here.
        const movedTo = relative(this.dataDir, join(this.dir, name.slice(0, -NOTE_SUFFIX.length)));
        notes.push({ file: movedTo, movedTo, reason: 'unknown', at: new Date(0).toISOString() });
      }
    }
    if (notes.length > 0) this.logger.warn({ files: notes.length }, 'the quarantine folder holds data files set aside');
    return notes;
  }
}
