import type { EventName, RelayEvents } from '../../shared/protocol/events.js';
import type { EventPayload } from '../../shared/protocol/spec.js';

/**
 * A relay event as a store action: the event's own name and its payload as the protocol's schema
 * parsed it. Named by the protocol rather than by a feature, so any slice may react to any event
 * (a new message also moves its conversation in the list) without importing another feature.
 */
export type RelayEventAction = { [E in EventName]: { type: E; event: EventPayload<RelayEvents, E> } }[EventName];
