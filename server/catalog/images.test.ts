import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { variantSize } from './image-variants.js';
import { ImageError, MAX_IMAGE_BYTES, processProductImage } from './images.js';

const red = { r: 200, g: 30, b: 30 };

function solid(width: number, height: number, alpha = 1) {
  return sharp({ create: { width, height, channels: 4, background: { ...red, alpha } } });
}

async function imageError(upload: Uint8Array): Promise<ImageError> {
  try {
    await processProductImage(upload);
  } catch (error) {
    if (error instanceof ImageError) return error;
    throw error;
  }
  throw new Error('expected an ImageError');
}

describe('product image uploads', () => {
  it('makes upright thumb, card and large variants and drops all metadata', async () => {
    // A landscape photo taken with the phone on its side: EXIF orientation 6 means "rotate 90°".
    const photo = await solid(1600, 1200)
      .jpeg()
      .withMetadata({ orientation: 6 })
      .withExif({ IFD0: { Copyright: 'Shop owner', Artist: 'Someone' } })
      .toBuffer();
    expect((await sharp(photo).metadata()).exif).toBeDefined();

    const image = await processProductImage(photo);
    expect([image.width, image.height]).toEqual([1200, 1600]);
    expect(image.variants.map((v) => [v.name, v.contentType, v.width, v.height])).toEqual([
      ['thumb', 'image/webp', 120, 160],
      ['card', 'image/webp', 360, 480],
      ['large', 'image/jpeg', 768, 1024],
    ]);
    for (const variant of image.variants) {
      const metadata = await sharp(variant.bytes).metadata();
      expect([metadata.format, metadata.width, metadata.height]).toEqual([
        variant.contentType === 'image/jpeg' ? 'jpeg' : 'webp',
        variant.width,
        variant.height,
      ]);
      expect(metadata.exif).toBeUndefined();
      expect(metadata.icc).toBeUndefined();
      expect(metadata.orientation).toBeUndefined();
    }
  });

  it('never enlarges, keeps transparency in WebP and flattens it on white in JPEG', async () => {
    const logo = await solid(300, 200, 0).png().toBuffer();
    const image = await processProductImage(logo);
    expect(image.variants.map((v) => [v.name, v.width, v.height])).toEqual([
      ['thumb', 160, 107],
      ['card', 300, 200],
      ['large', 300, 200],
    ]);
    const card = image.variants.find((v) => v.name === 'card');
    const large = image.variants.find((v) => v.name === 'large');
    expect(card && (await sharp(card.bytes).metadata()).hasAlpha).toBe(true);
    const pixel =
      large && (await sharp(large.bytes).extract({ left: 10, top: 10, width: 1, height: 1 }).raw().toBuffer());
    expect([...(pixel ?? [])].every((channel) => channel > 245)).toBe(true);
  });

  it('reads WebP, and gives the same upload the same id', async () => {
    const webp = await solid(150, 150).webp().toBuffer();
    const [a, b] = await Promise.all([processProductImage(webp), processProductImage(Buffer.from(webp))]);
    expect(a.id).toMatch(/^[0-9a-f]{32}$/);
    expect(b.id).toBe(a.id);
    expect(a.variants.map((v) => v.width)).toEqual([150, 150, 150]);
    const other = await processProductImage(await solid(151, 150).webp().toBuffer());
    expect(other.id).not.toBe(a.id);
  });

  it('computes variant sizes as the files come out', async () => {
    for (const [w, h] of [
      [1001, 333],
      [333, 1001],
      [2048, 2048],
      [4000, 101],
    ] as const) {
      const image = await processProductImage(await solid(w, h).png().toBuffer());
      for (const variant of image.variants) {
        expect({ width: variant.width, height: variant.height }).toEqual(variantSize(w, h, variant.name));
      }
    }
  });

  it('refuses what is not a JPEG, PNG or WebP, whatever it claims', async () => {
    const gif = await solid(200, 200).gif().toBuffer();
    expect((await imageError(gif)).code).toBe('UNSUPPORTED_TYPE');
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200"/>');
    expect((await imageError(svg)).message).toBe('Upload a JPEG, PNG or WebP image');
    expect((await imageError(new Uint8Array())).code).toBe('UNSUPPORTED_TYPE');
    const fakePng = Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), Buffer.alloc(200, 7)]);
    expect((await imageError(fakePng)).code).toBe('UNREADABLE');
    const jpeg = await solid(400, 400).jpeg().toBuffer();
    expect((await imageError(jpeg.subarray(0, Math.floor(jpeg.length / 2)))).code).toBe('UNREADABLE');
  });

  it('refuses files over 10 MiB, over 40 megapixels, or under 100 px a side', async () => {
    const huge = Buffer.alloc(MAX_IMAGE_BYTES + 1);
    huge.set([0xff, 0xd8, 0xff]);
    expect((await imageError(huge)).message).toBe('An image may be at most 10 MiB');

    // A tiny PNG whose header claims 8000 × 8000: refused before anything is decoded.
    const png = await solid(100, 100).png().toBuffer();
    const bomb = Buffer.from(png);
    bomb.writeUInt32BE(8000, 16);
    bomb.writeUInt32BE(8000, 20);
    bomb.writeUInt32BE(crc32(bomb.subarray(12, 29)), 29);
    expect((await imageError(bomb)).message).toBe('An image may have at most 40 megapixels');

    expect((await imageError(await solid(99, 400).png().toBuffer())).code).toBe('TOO_SMALL');
  });
});
