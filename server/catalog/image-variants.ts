/*
 * The sizes the relay keeps of every uploaded product image, and where it serves them. Pure, so the
 * shop pages know each variant's width and height (for layout without reflow) without opening a file.
 * WebP for pages (small), JPEG for `large`: WhatsApp image messages take only JPEG or PNG, and link
 * previews (og:image) are safest in JPEG.
 */

export const IMAGE_VARIANTS = {
  /** The catalog panel and cart lines. */
  thumb: { box: 160, format: 'webp' },
  /** The shop's grid and product page. */
  card: { box: 480, format: 'webp' },
  /** WhatsApp image messages, link previews, the product page's full view. */
  large: { box: 1024, format: 'jpeg' },
} as const;

export type ImageVariantName = keyof typeof IMAGE_VARIANTS;
export type ImageFormat = (typeof IMAGE_VARIANTS)[ImageVariantName]['format'];

export const CONTENT_TYPE: Record<ImageFormat, string> = { webp: 'image/webp', jpeg: 'image/jpeg' };
const EXTENSION: Record<ImageFormat, string> = { webp: 'webp', jpeg: 'jpg' };

/** The variant's size: the original fitted inside the variant's square box, never enlarged. */
export function variantSize(
  width: number,
  height: number,
  variant: ImageVariantName,
): { width: number; height: number } {
  const { box } = IMAGE_VARIANTS[variant];
  if (width <= box && height <= box) return { width, height };
  return width >= height
    ? { width: box, height: Math.max(1, Math.round((height * box) / width)) }
    : { width: Math.max(1, Math.round((width * box) / height)), height: box };
}

/** Where the relay serves a variant: the image id is the hash of its bytes, so the URL never goes stale. */
export function imageVariantPath(imageId: string, variant: ImageVariantName): string {
  return `/media/products/${imageId}/${variantFileName(variant)}`;
}

/** The variant's file name, on disk and in its URL. */
export function variantFileName(variant: ImageVariantName): string {
  return `${variant}.${EXTENSION[IMAGE_VARIANTS[variant].format]}`;
}
