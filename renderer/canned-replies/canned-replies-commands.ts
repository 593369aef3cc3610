import { readJson } from '../../shared/client/commands.js';
import { command } from '../../shared/client/relay-client.js';
import type { CannedReply } from '../../shared/domain/canned-reply.js';
import { CannedReplyResponseSchema } from '../../shared/protocol/canned-replies.js';
import type { RelayLink } from '../inbox/relay-link';

export async function loadCannedReplies(link: RelayLink): Promise<void> {
  const { cannedReplies } = await command(link.socket(), 'cannedReplies:list');
  link.store.dispatch({ type: 'cannedReplies:loaded', cannedReplies });
}

/* Writes (supervisors) go over REST; every screen hears the new list as cannedReplies:changed. */

async function write(link: RelayLink, method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${link.rest.baseUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${link.rest.token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

export async function createCannedReply(link: RelayLink, input: Omit<CannedReply, 'id'>): Promise<CannedReply> {
  return (await readJson(await write(link, 'POST', '/api/v1/canned-replies', input), CannedReplyResponseSchema))
    .cannedReply;
}

export async function updateCannedReply(
  link: RelayLink,
  id: string,
  patch: Partial<Omit<CannedReply, 'id'>>,
): Promise<CannedReply> {
  const response = await write(link, 'PATCH', `/api/v1/canned-replies/${encodeURIComponent(id)}`, patch);
  return (await readJson(response, CannedReplyResponseSchema)).cannedReply;
}

export async function deleteCannedReply(link: RelayLink, id: string): Promise<void> {
  const response = await write(link, 'DELETE', `/api/v1/canned-replies/${encodeURIComponent(id)}`);
  if (response.status !== 204) await readJson(response, { parse: () => undefined });
}
