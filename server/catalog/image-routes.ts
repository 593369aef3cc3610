import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ProductIdSchema } from '../../shared/protocol/catalog.js';
import type { AccountService } from '../accounts/account-service.js';
import { authenticate, requireSupervisor } from '../accounts/authenticate.js';
import { AppError, notFound } from '../kit/app-error.js';
import { parseInput } from '../kit/parse-input.js';
import type { ProductImageFiles } from '../storage/product-images.js';
import type { CatalogService } from './catalog-service.js';
import { ImageError, MAX_IMAGE_BYTES, processProductImage } from './images.js';

export const IMAGE_CONTENT_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;

const UploadParamsSchema = z.object({ id: ProductIdSchema });
const MediaParamsSchema = z.object({ imageId: z.string().max(64), file: z.string().max(64) });

const CONTENT_TYPE_OF_EXTENSION: Record<string, string> = { webp: 'image/webp', jpg: 'image/jpeg' };

const STATUS_OF: Record<ImageError['code'], 'UNSUPPORTED_MEDIA_TYPE' | 'PAYLOAD_TOO_LARGE' | 'BAD_REQUEST'> = {
  UNSUPPORTED_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  TOO_SMALL: 'BAD_REQUEST',
  UNREADABLE: 'BAD_REQUEST',
};

/**
 * `POST /api/v1/products/:id/images` (supervisors; the image bytes as the body) stores the resized
 * variants and puts the image first on the product. `GET /media/products/:imageId/:file` serves them
 * to anyone (the shop pages, WhatsApp fetching a card's image); a file's URL names the hash of its
 * bytes, so it is cached for a year.
 */
export function registerImageRoutes(
  app: FastifyInstance,
  deps: { accounts: AccountService; catalog: CatalogService; files: ProductImageFiles },
): void {
  void app.register(async (scope) => {
    scope.addContentTypeParser(
      [...IMAGE_CONTENT_TYPES],
      { parseAs: 'buffer', bodyLimit: MAX_IMAGE_BYTES },
      (_r, body, done) => {
        done(null, body);
      },
    );
    scope.post('/api/v1/products/:id/images', { bodyLimit: MAX_IMAGE_BYTES }, async (request, reply) => {
      const agent = authenticate(deps.accounts, request);
      const { id } = parseInput(UploadParamsSchema, request.params, 'path');
      requireSupervisor(agent);
      if (!deps.catalog.get(id)) throw notFound('Product');
      if (!Buffer.isBuffer(request.body)) {
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Upload the image as image/jpeg, image/png or image/webp');
      }
      let image;
      try {
        image = await processProductImage(request.body);
      } catch (error) {
        if (error instanceof ImageError) throw new AppError(STATUS_OF[error.code], error.message);
        throw error;
      }
      await deps.files.save(image.id, image.variants);
      const product = await deps.catalog.addUploadedImage(agent, id, {
        id: image.id,
        width: image.width,
        height: image.height,
      });
      return reply.code(201).send({ product: deps.catalog.view(product) });
    });
  });

  app.get('/media/products/:imageId/:file', async (request, reply) => {
    const { imageId, file } = parseInput(MediaParamsSchema, request.params, 'path');
    const bytes = await deps.files.read(imageId, file);
    if (!bytes) throw notFound('Image');
    const extension = file.split('.').at(-1) ?? '';
    return reply
      .header('content-type', CONTENT_TYPE_OF_EXTENSION[extension] ?? 'application/octet-stream')
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('etag', `"${imageId}-${file}"`)
      .send(bytes);
  });
}
