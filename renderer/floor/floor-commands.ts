import { readJson } from '../../shared/client/commands.js';
import { command } from '../../shared/client/relay-client.js';
import type { Agent } from '../../shared/domain/agent.js';
import {
  AgentResponseSchema,
  type CreateAgentRequest,
  type UpdateAgentRequest,
} from '../../shared/protocol/accounts.js';
import type { Floor } from '../../shared/protocol/floor.js';
import type { RelayLink } from '../inbox/relay-link';

export async function loadFloor(link: RelayLink): Promise<Floor> {
  return (await command(link.socket(), 'floor:get')).floor;
}

/* Agent management goes over REST; every screen hears the change as agent:upsert. */

async function agentRequest(link: RelayLink, method: string, path: string, body: unknown): Promise<Agent> {
  const response = await fetch(`${link.rest.baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${link.rest.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await readJson(response, AgentResponseSchema)).agent;
}

export const createAgentAccount = (link: RelayLink, request: CreateAgentRequest): Promise<Agent> =>
  agentRequest(link, 'POST', '/api/v1/agents', request);

export const updateAgentAccount = (link: RelayLink, id: string, patch: UpdateAgentRequest): Promise<Agent> =>
  agentRequest(link, 'PATCH', `/api/v1/agents/${encodeURIComponent(id)}`, patch);
