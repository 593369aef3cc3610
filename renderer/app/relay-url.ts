/**
 * Where the relay is: the desktop app asks its preload (the user's setting); in web mode the
 * relay itself served this page, so it is this page's origin.
 */
export async function resolveRelayUrl(): Promise<string> {
  if (window.toonbank) return window.toonbank.getRelayUrl();
  return window.location.origin;
}
