/*
 * Every IPC channel between the Electron main process and the preload, defined once.
 * To add a channel: its name here, its argument schema in ipc-schemas.ts, a handler in
 * main/ipc.ts, and one function in main/preload.ts's DesktopApi.
 * This file imports nothing, so the sandboxed preload bundles only these names.
 */
export const IpcChannels = {
  getRelayUrl: 'relay-url:get',
  setRelayUrl: 'relay-url:set',
} as const;

/** What the preload exposes on `window.toonbank` in the desktop app (absent in web mode). */
export interface DesktopApi {
  getRelayUrl(): Promise<string>;
  setRelayUrl(url: string): Promise<void>;
}

/**
 * The desktop app serves its renderer from `app://toonbank/` (main/app-protocol.ts), not file://:
 * a real origin that the relay's CORS and Socket.IO checks allow by name.
 */
export const DESKTOP_APP_SCHEME = 'app';
export const DESKTOP_APP_HOST = 'toonbank';
export const DESKTOP_APP_ORIGIN = `${DESKTOP_APP_SCHEME}://${DESKTOP_APP_HOST}`;
