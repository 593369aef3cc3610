import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { GraphApiError, invalidParameter, invalidToken, unknownObject } from './graph-errors.js';
import { parseGraphRequest } from './graph-schemas.js';
import type { MediaStore } from './media.js';
import type { Sandbox } from './sandbox.js';

/*
 * The fake Graph API, mounted at `/sandbox/graph`: the relay's real Cloud API adapter talks to it
 * exactly as to graph.facebook.com (bearer token, `/<version>/<PHONE_NUMBER_ID>/messages`, media
 * by id), and gets Graph's answers and errors back.
 */

export interface GraphRouteOptions {
  sandbox: Sandbox;
  media: MediaStore;
  accessToken: string;
  phoneNumberId: string;
  displayPhoneNumber: string;
  logger: Logger;
}

const VERSION = /^v\d{1,3}\.\d$/;

function bearerOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length).trim();
  const query = request.query as Record<string, unknown> | undefined;
  return typeof query?.access_token === 'string' ? query.access_token : undefined;
}

function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const [a, b] = [Buffer.from(given), Buffer.from(expected)];
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Fastify's own refusals (bad JSON, wrong content type, too large) in Graph's words. */
function asGraphError(error: unknown, logger: Logger): GraphApiError {
  if (error instanceof GraphApiError) return error;
  const status = (error as { statusCode?: number }).statusCode;
  if (status !== undefined && status >= 400 && status < 500) {
    return invalidParameter(`The request body could not be read: ${(error as Error).message}`);
  }
  logger.error({ err: error }, 'fake Graph API failed');
  return new GraphApiError(131000, 'The sandbox failed to handle this request.');
}

export function registerGraphRoutes(scope: FastifyInstance, options: GraphRouteOptions): void {
  const { sandbox, media, logger } = options;
  /** Work to start once a response has gone out (status webhooks follow the Graph answer). */
  const afterResponse = new WeakMap<FastifyRequest, () => void>();

  scope.setErrorHandler((error, _request, reply) => {
    const graphError = asGraphError(error, logger);
    return reply.code(graphError.httpStatus).send(graphError.toBody());
  });
  scope.setNotFoundHandler((request, reply) => {
    const error = new GraphApiError(2500, undefined, {
      title: `Unknown path components: ${request.url.split('?')[0] ?? ''}`,
    });
    return reply.code(400).send(error.toBody());
  });
  scope.addHook('onRequest', async (request) => {
    if (!sameSecret(bearerOf(request), options.accessToken)) throw invalidToken();
  });
  scope.addHook('onResponse', async (request) => {
    afterResponse.get(request)?.();
  });

  const checkPath = (version: string | undefined, nodeId: string, method: 'get' | 'post'): void => {
    if (version !== undefined && !VERSION.test(version)) throw unknownObject(version, method);
    if (method === 'post' && nodeId !== options.phoneNumberId) throw unknownObject(nodeId, method);
  };

  const messages = async (request: FastifyRequest, reply: FastifyReply): Promise<unknown> => {
    const { version, phoneNumberId } = request.params as { version?: string; phoneNumberId: string };
    checkPath(version, phoneNumberId, 'post');
    const parsed = parseGraphRequest(request.body);
    if (parsed.kind === 'markRead') {
      sandbox.markRead(parsed.messageId, parsed.typing);
      return reply.send({ success: true });
    }
    const result = sandbox.sendAsShop(parsed.message);
    afterResponse.set(request, result.afterResponse);
    return reply.send(result.response);
  };
  scope.post('/:version/:phoneNumberId/messages', messages);
  scope.post('/:phoneNumberId/messages', messages);

  /** `GET /<MEDIA_ID>` gives a short-lived download URL; `GET /<PHONE_NUMBER_ID>` the number's profile. */
  const node = async (request: FastifyRequest, reply: FastifyReply): Promise<unknown> => {
    const { version, nodeId } = request.params as { version?: string; nodeId: string };
    checkPath(version, nodeId, 'get');
    if (nodeId === options.phoneNumberId) {
      return reply.send({
        verified_name: 'Toonbank Sandbox',
        display_phone_number: `+${options.displayPhoneNumber}`,
        id: options.phoneNumberId,
        quality_rating: 'GREEN',
      });
    }
    const item = media.get(nodeId);
    if (!item) throw unknownObject(nodeId, 'get');
    const extension = item.mimeType.split('/')[1] ?? 'bin';
    return reply.send({
      messaging_product: 'whatsapp',
      url: `${request.protocol}://${request.host}/sandbox/graph/lookaside/${item.id}?ext=${extension}`,
      mime_type: item.mimeType,
      sha256: item.sha256,
      file_size: item.bytes.length,
      id: item.id,
    });
  };
  scope.get('/:version/:nodeId', node);
  scope.get('/:nodeId', node);

  // Like lookaside.fbsbx.com, the download needs the same bearer token (checked by the hook above).
  scope.get('/lookaside/:mediaId', async (request, reply) => {
    const item = media.get((request.params as { mediaId: string }).mediaId);
    if (!item) return reply.code(404).type('text/plain').send('Not found');
    return reply.type(item.mimeType).header('cache-control', 'private, max-age=300').send(item.bytes);
  });
}
