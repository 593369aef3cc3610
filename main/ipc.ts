/*
 * Runs in: Electron main (imports only types from Electron — unit-tested in ipc.test.ts with a fake ipcMain).
 * Every IPC handler is registered here, behind one wrapper that refuses an untrusted sender and
 * parses the arguments with their zod schema before the handler runs. A refused call rejects the
 * caller's promise with a specific message and changes nothing.
 */
import type { Logger } from 'pino';
import { z } from 'zod';
import { RelayUrlSchema } from '../shared/ipc-schemas.js';
import { IpcChannels, type DesktopApi } from '../shared/ipc.js';
import type { AppRoot } from './navigation.js';
import { checkSender, type SenderInfo } from './sender.js';

type Method = keyof DesktopApi;

/*
 * The channel map and DesktopApi name the same methods, no more, no less: a channel without a
 * method fails this assignment, a method without a channel fails `IpcChannels[method]` below.
 */
const methods: readonly Method[] = Object.keys(IpcChannels) as (keyof typeof IpcChannels)[];

/** The parts of Electron's IpcMainInvokeEvent the wrapper reads. */
export interface InvokeEventLike {
  readonly sender: { readonly id: number };
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null;
}

/** The part of Electron's ipcMain used here. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

export class IpcRefusedError extends Error {
  override name = 'IpcRefusedError';
}

type Invoke = (args: unknown[]) => Promise<unknown>;

/** Binds a handler to the schema of its argument list; the handler only ever sees parsed values. */
function validated<A extends unknown[]>(
  channel: string,
  schema: z.ZodType<A>,
  run: (...args: A) => Promise<unknown>,
): Invoke {
  return async (args) => {
    const parsed = schema.safeParse(args);
    if (!parsed.success) {
      throw new IpcRefusedError(`Invalid arguments for ${channel}: ${z.prettifyError(parsed.error)}`);
    }
    return run(...parsed.data);
  };
}

/** One entry per DesktopApi method: adding a method without its handler is a type error. */
function handlersFor(api: DesktopApi): Record<Method, Invoke> {
  return {
    getRelayUrl: validated(IpcChannels.getRelayUrl, z.tuple([]), () => api.getRelayUrl()),
    setRelayUrl: validated(IpcChannels.setRelayUrl, z.tuple([RelayUrlSchema]), (url) => api.setRelayUrl(url)),
  };
}

export function senderInfoOf(event: InvokeEventLike): SenderInfo {
  const frame = event.senderFrame;
  return {
    webContentsId: event.sender.id,
    frame: frame === null ? null : { url: frame.url, isTopFrame: frame.parent === null },
  };
}

export interface RegisterIpcOptions {
  readonly ipcMain: IpcMainLike;
  /** What main does for each message; the handlers run only after both checks pass. */
  readonly api: DesktopApi;
  /** The webContents ids of the windows the app created, read at each call. */
  readonly trustedWebContentsIds: () => ReadonlySet<number>;
  readonly appRoot: AppRoot;
  readonly log: Logger;
}

/** Registers every channel; returns a function that removes them again (for tests and shutdown). */
export function registerIpcHandlers({
  ipcMain,
  api,
  trustedWebContentsIds,
  appRoot,
  log,
}: RegisterIpcOptions): () => void {
  const handlers = handlersFor(api);
  for (const method of methods) {
    const channel = IpcChannels[method];
    const invoke = handlers[method];
    ipcMain.handle(channel, async (event, ...args) => {
      const verdict = checkSender(senderInfoOf(event), trustedWebContentsIds(), appRoot);
      if (!verdict.ok) {
        log.warn({ channel, reason: verdict.reason }, 'refused IPC from an untrusted sender');
        throw new IpcRefusedError(`Refused ${channel}: ${verdict.reason}`);
      }
      try {
        return await invoke(args);
      } catch (error) {
        log.warn({ channel, err: error }, 'IPC call failed');
        throw error;
      }
    });
  }
  return () => {
    for (const method of methods) ipcMain.removeHandler(IpcChannels[method]);
  };
}
