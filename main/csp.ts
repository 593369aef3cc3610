/*
 * Runs in: Electron main (pure logic, unit-tested in csp.test.ts).
 * The Content-Security-Policy of the app's own pages. Scripts only from the app's files, no eval,
 * no plugins, no frames; the only network peer is the relay (REST over http(s), Socket.IO over ws(s)).
 * The relay origin is read when a page loads, so a changed relay URL applies from the next load.
 * Sent as a response header by app-protocol.ts ('self' is app://toonbank).
 */

/** `http://host:port` → `ws://host:port` (and https → wss): Socket.IO upgrades to WebSocket there. */
function webSocketOrigin(origin: URL): string {
  const ws = new URL(origin.href);
  ws.protocol = origin.protocol === 'https:' ? 'wss:' : 'ws:';
  return ws.origin;
}

/** `relayUrl` null (the setting could not be read): the page may connect nowhere. */
export function contentSecurityPolicy(relayUrl: string | null): string {
  const relay = relayUrl === null ? null : new URL(relayUrl);
  const relayOrigins = relay === null ? [] : [relay.origin];
  const directives: Record<string, readonly string[]> = {
    'default-src': ["'none'"],
    'script-src': ["'self'"],
    // Mantine injects its styles at runtime.
    'style-src': ["'self'", "'unsafe-inline'"],
    // Product images come from wherever the shop hosts them.
    'img-src': ["'self'", 'data:', 'blob:', 'https:', ...relayOrigins],
    'font-src': ["'self'", 'data:'],
    'connect-src': relay === null ? ["'none'"] : [relay.origin, webSocketOrigin(relay)],
    'media-src': ["'self'", 'blob:', ...relayOrigins],
    'object-src': ["'none'"],
    'frame-src': ["'none'"],
    'worker-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
    'frame-ancestors': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${[...new Set(sources)].join(' ')}`)
    .join('; ');
}
