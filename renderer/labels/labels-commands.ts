import { readJson } from '../../shared/client/commands.js';
import { command } from '../../shared/client/relay-client.js';
import type { Label } from '../../shared/domain/label.js';
import {
  LabelResponseSchema,
  SettingsResponseSchema,
  type CreateLabelRequest,
  type UpdateLabelRequest,
} from '../../shared/protocol/labels.js';
import type { RelayLink } from '../inbox/relay-link';

/** Sets a conversation's labels (all of them). */
export async function setLabels(link: RelayLink, conversationId: string, labelIds: string[]): Promise<void> {
  const { conversation } = await command(link.socket(), 'conversation:setLabels', { conversationId, labelIds });
  link.store.dispatch({ type: 'conversation:replied', conversation });
}

async function rest(link: RelayLink, method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${link.rest.baseUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${link.rest.token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/* Supervisors manage labels and settings over REST; every screen hears of it through the events. */

export async function createLabel(link: RelayLink, input: CreateLabelRequest): Promise<Label> {
  return (await readJson(await rest(link, 'POST', '/api/v1/labels', input), LabelResponseSchema)).label;
}

export async function updateLabel(link: RelayLink, id: string, patch: UpdateLabelRequest): Promise<Label> {
  const response = await rest(link, 'PATCH', `/api/v1/labels/${encodeURIComponent(id)}`, patch);
  return (await readJson(response, LabelResponseSchema)).label;
}

export async function deleteLabel(link: RelayLink, id: string): Promise<void> {
  const response = await rest(link, 'DELETE', `/api/v1/labels/${encodeURIComponent(id)}`);
  if (!response.ok) await readJson(response, LabelResponseSchema);
}

export async function setAutoAssign(link: RelayLink, autoAssign: boolean): Promise<void> {
  await readJson(await rest(link, 'PATCH', '/api/v1/settings', { autoAssign }), SettingsResponseSchema);
}
