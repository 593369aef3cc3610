import { command } from '../../shared/client/relay-client.js';
import type { SearchResponse } from '../../shared/protocol/search.js';
import type { RelayLink } from '../inbox/relay-link';

/** Customers and messages matching `q`, only what the caller may see (the relay filters). */
export function search(link: RelayLink, q: string): Promise<SearchResponse> {
  return command(link.socket(), 'search', { q });
}
