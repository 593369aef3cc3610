import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

/** Every file under a data folder and its content hash: equal digests mean a byte-identical folder. */
export async function dataFolderDigest(dir: string): Promise<Record<string, string>> {
  const digest: Record<string, string> = {};
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    digest[relative(dir, path)] = createHash('sha256')
      .update(await readFile(path))
      .digest('hex');
  }
  return digest;
}

/** Parses every JSON file under a folder (throws on the first that does not); returns how many there were. */
export async function everyJsonFileParses(dir: string): Promise<number> {
  let count = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.json')) continue;
    JSON.parse(await readFile(join(entry.parentPath, entry.name), 'utf8'));
    count++;
  }
  return count;
}
