import { mkdir, open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { variantFileName } from '../catalog/image-variants.js';
import type { ImageVariant } from '../catalog/images.js';
import { fsyncDir, publish, type StagedFile } from './durable-json-file.js';

/*
 * Uploaded product images: DATA_DIR/media/products/<image id>/<variant>.<ext>. The id is the hash of
 * the uploaded bytes, so a file never changes once written and the same upload is stored once. Each
 * variant is written to a temporary file, fsynced, and renamed into place before the product names it.
 */

const IMAGE_ID = /^[0-9a-f]{32}$/;
const FILE_NAME = /^(thumb|card|large)\.(webp|jpg)$/;

export class ProductImageFiles {
  private readonly root: string;

  constructor(dataDir: string) {
    this.root = join(dataDir, 'media', 'products');
  }

  async save(imageId: string, variants: readonly ImageVariant[]): Promise<void> {
    if (!IMAGE_ID.test(imageId)) throw new Error(`not an image id: ${imageId}`);
    const dir = join(this.root, imageId);
    await mkdir(dir, { recursive: true });
    const staged: StagedFile[] = [];
    for (const variant of variants) {
      const path = join(dir, variantFileName(variant.name));
      const tmp = `${path}.${process.pid}.tmp`;
      const handle = await open(tmp, 'w');
      try {
        await handle.writeFile(variant.bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      staged.push({ tmp, path });
    }
    await publish(staged);
    await fsyncDir(this.root);
  }

  /** The bytes of `<id>/<file>`, or null when there is no such file (or the names are not ours). */
  async read(imageId: string, fileName: string): Promise<Buffer | null> {
    if (!IMAGE_ID.test(imageId) || !FILE_NAME.test(fileName)) return null;
    try {
      return await readFile(join(this.root, imageId, fileName));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }
}
