/*
 * Runs in: Electron main. The entry point, and deliberately thin: lifecycle → one window → IPC.
 * Policies live in the modules it wires (settings.ts, ipc.ts, sender.ts, navigation.ts, csp.ts,
 * window.ts, app-protocol.ts). Built by scripts/build-main.ts to dist/main/main.js, next to
 * dist/main/preload.cjs; the renderer's files (dist/renderer/) are served on app://toonbank/.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, ipcMain, session, shell } from 'electron';
import { pino } from 'pino';
import type { DesktopApi } from '../shared/ipc.js';
import { APP_INDEX_URL, APP_ROOT } from './app-files.js';
import { registerAppScheme, serveApp } from './app-protocol.js';
import { registerIpcHandlers } from './ipc.js';
import { createSettingsStore, defaultRelayUrl } from './settings.js';
import { createMainWindow, hardenSession, hardenWebContents, type WindowPolicy } from './window.js';

// A GUI app may have no usable stdout (Windows, a desktop launcher): losing a log line is fine, crashing is not.
const destination = pino.destination({ dest: 1, sync: true });
destination.on('error', () => undefined);
const log = pino({ name: 'toonbank-main', level: process.env.LOG_LEVEL ?? 'info' }, destination);

const rendererDir = fileURLToPath(new URL('../renderer/', import.meta.url));
const preloadPath = fileURLToPath(new URL('./preload.cjs', import.meta.url));

// Tests (and people running two profiles) give each run its own settings folder.
const userDataDir = process.env.TOONBANK_USER_DATA_DIR;
if (userDataDir !== undefined && userDataDir !== '') app.setPath('userData', userDataDir);

app.enableSandbox();
registerAppScheme();

function start(): void {
  const settings = createSettingsStore({
    file: join(app.getPath('userData'), 'settings.json'),
    defaults: { relayUrl: defaultRelayUrl(process.env, log) },
    log: log.child({ module: 'settings' }),
  });
  const relayUrl = async (): Promise<string> => (await settings.read()).relayUrl;
  const api: DesktopApi = { getRelayUrl: relayUrl, setRelayUrl: (url) => settings.setRelayUrl(url) };
  const policy: WindowPolicy = {
    appRoot: APP_ROOT,
    openExternal: (url) => shell.openExternal(url),
    log: log.child({ module: 'window' }),
  };

  let mainWindow: BrowserWindow | undefined;
  const trustedWebContentsIds = new Set<number>();

  const openWindow = (): void => {
    const window = createMainWindow({ preloadPath, url: APP_INDEX_URL, log: policy.log });
    const id = window.webContents.id;
    trustedWebContentsIds.add(id);
    window.on('closed', () => {
      trustedWebContentsIds.delete(id);
      mainWindow = undefined;
    });
    mainWindow = window;
  };

  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, policy);
  });
  app.on('second-instance', () => {
    if (mainWindow === undefined) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow();
  });

  app
    .whenReady()
    .then(() => {
      hardenSession(session.defaultSession, policy);
      serveApp(session.defaultSession, { rendererDir, relayUrl, log: log.child({ module: 'app-protocol' }) });
      registerIpcHandlers({
        ipcMain,
        api,
        trustedWebContentsIds: () => trustedWebContentsIds,
        appRoot: APP_ROOT,
        log: log.child({ module: 'ipc' }),
      });
      openWindow();
    })
    .catch((error: unknown) => {
      log.fatal({ err: error }, 'the desktop app could not start');
      app.exit(1);
    });
}

// One app instance per user-data folder; a second launch focuses the first one's window.
if (app.requestSingleInstanceLock()) start();
else app.quit();
