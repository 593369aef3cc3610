import { z } from 'zod';

/*
 * Every IPC channel between the Electron main process and the preload, defined once.
 * To add a channel: its name and payload schema here, a handler in main/ipc.ts,
 * and one function in main/preload.ts's DesktopApi.
 */
export const IpcChannels = {
  getRelayUrl: 'relay-url:get',
  setRelayUrl: 'relay-url:set',
} as const;

export const RelayUrlSchema = z.url({ protocol: /^https?$/ });

/** What the preload exposes on `window.toonbank` in the desktop app (absent in web mode). */
export interface DesktopApi {
  getRelayUrl(): Promise<string>;
  setRelayUrl(url: string): Promise<void>;
}
