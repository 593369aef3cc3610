import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { CONTENT_TYPE, IMAGE_VARIANTS, variantSize, type ImageVariantName } from './image-variants.js';

/*
 * An uploaded product image, checked and turned into the variants the relay serves. Only JPEG, PNG
 * and WebP are accepted, by their bytes (never by a filename or a Content-Type a client claims).
 * Limits: at most 10 MiB, at least 100 px on each side, at most 40 megapixels (libvips refuses
 * larger before decoding them, so a small file cannot expand into gigabytes). The EXIF orientation
 * is applied, then all metadata (EXIF with its GPS position, XMP, ICC profile) is dropped: every
 * variant is plain sRGB. An animated image keeps its first frame. JPEG flattens transparency on white.
 */

export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
export const MAX_IMAGE_PIXELS = 40_000_000;
export const MIN_IMAGE_SIDE = 100;

export type ImageErrorCode = 'UNSUPPORTED_TYPE' | 'TOO_LARGE' | 'TOO_SMALL' | 'UNREADABLE';

export class ImageError extends Error {
  override name = 'ImageError';
  constructor(
    readonly code: ImageErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface ImageVariant {
  name: ImageVariantName;
  contentType: string;
  width: number;
  height: number;
  bytes: Buffer;
}

export interface ProcessedImage {
  /** 32 hex digits of the SHA-256 of the uploaded bytes: the same upload is the same image. */
  id: string;
  /** The original's size, upright. */
  width: number;
  height: number;
  variants: ImageVariant[];
}

type Format = 'jpeg' | 'png' | 'webp';

function sniff(bytes: Uint8Array): Format | null {
  const ascii = (from: number, to: number) => Buffer.from(bytes.subarray(from, to)).toString('latin1');
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (ascii(0, 8) === '\x89PNG\r\n\x1a\n') return 'png';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  return null;
}

export async function processProductImage(upload: Uint8Array): Promise<ProcessedImage> {
  if (upload.byteLength > MAX_IMAGE_BYTES) {
    throw new ImageError('TOO_LARGE', `An image may be at most ${MAX_IMAGE_BYTES / 1024 / 1024} MiB`);
  }
  const format = sniff(upload);
  if (!format) throw new ImageError('UNSUPPORTED_TYPE', 'Upload a JPEG, PNG or WebP image');
  const input = () => sharp(upload, { limitInputPixels: MAX_IMAGE_PIXELS, autoOrient: true, failOn: 'error' });

  let width: number;
  let height: number;
  try {
    const metadata = await input().metadata();
    if (metadata.format !== format) throw new ImageError('UNREADABLE', 'The image is damaged');
    ({ width, height } = metadata.autoOrient);
  } catch (error) {
    throw readError(error);
  }
  if (width * height > MAX_IMAGE_PIXELS) {
    throw new ImageError('TOO_LARGE', `An image may have at most ${MAX_IMAGE_PIXELS / 1_000_000} megapixels`);
  }
  if (width < MIN_IMAGE_SIDE || height < MIN_IMAGE_SIDE) {
    throw new ImageError('TOO_SMALL', `An image needs at least ${MIN_IMAGE_SIDE} pixels on each side`);
  }

  const variants: ImageVariant[] = [];
  for (const name of Object.keys(IMAGE_VARIANTS) as ImageVariantName[]) {
    const spec = IMAGE_VARIANTS[name];
    const size = variantSize(width, height, name);
    let pipeline = input().resize({ ...size, fit: 'fill' });
    pipeline =
      spec.format === 'jpeg'
        ? pipeline.flatten({ background: '#ffffff' }).jpeg({ quality: 82, mozjpeg: true })
        : pipeline.webp({ quality: 80 });
    try {
      const { data, info } = await pipeline.toBuffer({ resolveWithObject: true });
      variants.push({
        name,
        contentType: CONTENT_TYPE[spec.format],
        width: info.width,
        height: info.height,
        bytes: data,
      });
    } catch (error) {
      throw readError(error);
    }
  }
  const id = createHash('sha256').update(upload).digest('hex').slice(0, 32);
  return { id, width, height, variants };
}

function readError(error: unknown): ImageError {
  if (error instanceof ImageError) return error;
  const message = error instanceof Error ? error.message : '';
  if (/pixel limit/i.test(message)) {
    return new ImageError('TOO_LARGE', `An image may have at most ${MAX_IMAGE_PIXELS / 1_000_000} megapixels`);
  }
  return new ImageError('UNREADABLE', 'The image is damaged or not what its first bytes say');
}
