/*
 * Runs in: Electron main (pure logic, no Electron import — unit-tested in navigation.test.ts).
 * What a window may load, open or ask for. The window hardening in window.ts only asks these.
 */

/** Where the app's pages live: `app://toonbank/` in the app (app-files.ts), any base URL in tests. */
export type AppRoot = URL;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True for the app's own pages: same scheme and host as the root, path inside it, nothing else.
 * The WHATWG parser has already resolved `..` and `%2e%2e`, so a prefix test is enough.
 */
export function isAppUrl(url: string, appRoot: AppRoot): boolean {
  const parsed = parse(url);
  if (parsed === null || parsed.protocol !== appRoot.protocol) return false;
  if (parsed.host.toLowerCase() !== appRoot.host.toLowerCase()) return false;
  return (parsed.pathname || '/').startsWith(appRoot.pathname);
}

/** Links the OS browser may open for us: plain web pages only, never `file:`, `javascript:` or custom schemes. */
export function isExternalWebUrl(url: string): boolean {
  const parsed = parse(url);
  return parsed !== null && (parsed.protocol === 'https:' || parsed.protocol === 'http:');
}

export type NavigationDecision = 'allow' | 'open-externally' | 'block';

/** A window navigating in place stays inside the app; a web link goes to the OS browser instead. */
export function decideNavigation(url: string, appRoot: AppRoot): NavigationDecision {
  if (isAppUrl(url, appRoot)) return 'allow';
  return isExternalWebUrl(url) ? 'open-externally' : 'block';
}

/** `window.open` / `target=_blank` never creates an Electron window. */
export function decideWindowOpen(url: string): Exclude<NavigationDecision, 'allow'> {
  return isExternalWebUrl(url) ? 'open-externally' : 'block';
}

/*
 * Web permissions (camera, geolocation, notifications, …) are refused unless listed here.
 * Native notifications, when they come, go through main, not the web permission.
 */
const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set<string>();

export function isPermissionAllowed(permission: string): boolean {
  return ALLOWED_PERMISSIONS.has(permission);
}
