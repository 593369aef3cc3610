/*
 * Runs in: the preload of the app's window — sandboxed, so it is bundled to one CommonJS file
 * (dist/main/preload.cjs) that may require only 'electron'. It exposes `window.toonbank`, the
 * DesktopApi of shared/ipc.ts: one function per message, plain values in and out. The page never
 * sees ipcRenderer nor an Electron event object. For a main → page message, add
 * `onX(callback) → unsubscribe` that passes the callback only the payload.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { IpcChannels, type DesktopApi } from '../shared/ipc.js';

function expectString(value: unknown, channel: string): string {
  if (typeof value !== 'string') throw new TypeError(`${channel} answered with a ${typeof value}, not a string`);
  return value;
}

const api: DesktopApi = {
  async getRelayUrl() {
    return expectString(await ipcRenderer.invoke(IpcChannels.getRelayUrl), IpcChannels.getRelayUrl);
  },
  async setRelayUrl(url) {
    await ipcRenderer.invoke(IpcChannels.setRelayUrl, url);
  },
};

contextBridge.exposeInMainWorld('toonbank', api);
