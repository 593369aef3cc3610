import type { DesktopApi } from '../shared/ipc.js';

declare global {
  interface Window {
    /** Present in the desktop app (exposed by the preload); absent in web mode. */
    readonly toonbank?: DesktopApi;
  }
}

export {};
