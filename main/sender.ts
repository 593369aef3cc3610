/*
 * Runs in: Electron main (pure logic, unit-tested in sender.test.ts).
 * Who may call an IPC handler: the top frame of one of our own windows, showing one of the app's
 * own pages. Anything else — an iframe, a page that navigated away, a webContents we did not
 * create — is refused before any handler runs (the idea of VS Code's validatedIpcMain).
 */
import { isAppUrl, type AppRoot } from './navigation.js';

/** The parts of an Electron IPC event this check reads. */
export interface SenderInfo {
  /** `event.sender.id`: the webContents that sent the message. */
  readonly webContentsId: number;
  /** `event.senderFrame`; null once the frame navigated or was destroyed. */
  readonly frame: { readonly url: string; readonly isTopFrame: boolean } | null;
}

export type SenderVerdict = { readonly ok: true } | { readonly ok: false; readonly reason: string };

export function checkSender(
  sender: SenderInfo,
  trustedWebContentsIds: ReadonlySet<number>,
  appRoot: AppRoot,
): SenderVerdict {
  if (!trustedWebContentsIds.has(sender.webContentsId)) {
    return { ok: false, reason: `webContents ${sender.webContentsId} is not one of the app's windows` };
  }
  if (sender.frame === null) return { ok: false, reason: 'the sending frame is gone' };
  if (!sender.frame.isTopFrame) return { ok: false, reason: 'the message came from a sub-frame' };
  if (!isAppUrl(sender.frame.url, appRoot)) {
    return { ok: false, reason: `the sending frame shows ${sender.frame.url}, not an app page` };
  }
  return { ok: true };
}
