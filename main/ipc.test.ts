import { pino } from 'pino';
import { describe, expect, it, vi } from 'vitest';
import { IpcChannels, type DesktopApi } from '../shared/ipc.js';
import { registerIpcHandlers, type InvokeEventLike, type IpcMainLike } from './ipc.js';
import { APP_INDEX_URL, APP_ROOT as appRoot } from './app-files.js';

type Listener = (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>;

const log = pino({ level: 'silent' });

function setup() {
  const listeners = new Map<string, Listener>();
  const ipcMain: IpcMainLike = {
    handle: (channel, listener) => listeners.set(channel, listener),
    removeHandler: (channel) => listeners.delete(channel),
  };
  let relayUrl = 'http://127.0.0.1:4000';
  const getRelayUrl = vi.fn(() => Promise.resolve(relayUrl));
  const setRelayUrl = vi.fn((url: string) => {
    relayUrl = url;
    return Promise.resolve();
  });
  const api: DesktopApi = { getRelayUrl, setRelayUrl };
  const unregister = registerIpcHandlers({ ipcMain, api, trustedWebContentsIds: () => new Set([1]), appRoot, log });
  const invoke = (channel: string, event: InvokeEventLike, ...args: unknown[]): Promise<unknown> => {
    const listener = listeners.get(channel);
    if (listener === undefined) throw new Error(`no handler for ${channel}`);
    return listener(event, ...args);
  };
  return { listeners, api: { getRelayUrl, setRelayUrl }, invoke, unregister };
}

const ourWindow: InvokeEventLike = { sender: { id: 1 }, senderFrame: { url: `${APP_INDEX_URL}#/inbox`, parent: null } };

describe('registerIpcHandlers', () => {
  it('registers exactly one handler per channel, and removes them again', () => {
    const { listeners, unregister } = setup();
    expect([...listeners.keys()].sort()).toEqual(Object.values(IpcChannels).sort());
    unregister();
    expect(listeners.size).toBe(0);
  });

  it('answers our own window', async () => {
    const { invoke } = setup();
    expect(await invoke(IpcChannels.getRelayUrl, ourWindow)).toBe('http://127.0.0.1:4000');
    await invoke(IpcChannels.setRelayUrl, ourWindow, 'https://relay.shop.be');
    expect(await invoke(IpcChannels.getRelayUrl, ourWindow)).toBe('https://relay.shop.be');
  });

  it('refuses other senders before the handler runs', async () => {
    const { invoke, api } = setup();
    const strangers: InvokeEventLike[] = [
      { sender: { id: 2 }, senderFrame: { url: APP_INDEX_URL, parent: null } },
      { sender: { id: 1 }, senderFrame: { url: APP_INDEX_URL, parent: {} } },
      { sender: { id: 1 }, senderFrame: { url: 'https://evil.example/', parent: null } },
      { sender: { id: 1 }, senderFrame: null },
    ];
    for (const event of strangers) {
      await expect(invoke(IpcChannels.setRelayUrl, event, 'https://evil.example')).rejects.toThrow(
        /^Refused relay-url:set/,
      );
      await expect(invoke(IpcChannels.getRelayUrl, event)).rejects.toThrow(/^Refused relay-url:get/);
    }
    expect(api.setRelayUrl).not.toHaveBeenCalled();
    expect(api.getRelayUrl).not.toHaveBeenCalled();
  });

  it('refuses arguments that fail their schema before the handler runs', async () => {
    const { invoke, api } = setup();
    const badArguments: unknown[][] = [
      [],
      ['file:///etc/passwd'],
      ['not a url'],
      [42],
      [{ href: 'http://x' }],
      ['http://a.example', 'extra'],
    ];
    for (const args of badArguments) {
      await expect(invoke(IpcChannels.setRelayUrl, ourWindow, ...args)).rejects.toThrow(
        /^Invalid arguments for relay-url:set/,
      );
    }
    await expect(invoke(IpcChannels.getRelayUrl, ourWindow, 'unexpected')).rejects.toThrow(/^Invalid arguments/);
    expect(api.setRelayUrl).not.toHaveBeenCalled();
    expect(api.getRelayUrl).not.toHaveBeenCalled();
  });
});
