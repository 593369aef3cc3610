/*
 * Runs in: Electron main. The one place that decides how a window is built and what it may do.
 * Every webContents the app ever gets (windows, and anything a future feature might create) passes
 * through hardenWebContents from `web-contents-created`; the policies themselves live in
 * navigation.ts where they are unit-tested. The pages' CSP is a header set by app-protocol.ts.
 */
import { BrowserWindow, type Session, type WebContents, type WebPreferences } from 'electron';
import type { Logger } from 'pino';
import { decideNavigation, decideWindowOpen, isAppUrl, isPermissionAllowed, type AppRoot } from './navigation.js';

export interface WindowPolicy {
  readonly appRoot: AppRoot;
  /** Opens an http(s) link in the OS browser (shell.openExternal). */
  readonly openExternal: (url: string) => Promise<void>;
  readonly log: Logger;
}

/** The only webPreferences a Toonbank window gets; nothing may loosen them. */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    sandbox: true,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: true,
  };
}

function openExternally(url: string, policy: WindowPolicy): void {
  policy.openExternal(url).catch((error: unknown) => {
    policy.log.warn({ url, err: error }, 'could not open the link in the OS browser');
  });
}

export function hardenWebContents(contents: WebContents, policy: WindowPolicy): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (decideWindowOpen(url) === 'open-externally') openExternally(url, policy);
    else policy.log.warn({ url }, 'blocked a new window');
    return { action: 'deny' };
  });

  // A link clicked in the page: app pages load in place, web pages go to the OS browser.
  contents.on('will-navigate', (event) => {
    const decision = decideNavigation(event.url, policy.appRoot);
    if (decision === 'allow') return;
    event.preventDefault();
    if (decision === 'open-externally') openExternally(event.url, policy);
    else policy.log.warn({ url: event.url }, 'blocked a navigation');
  });
  // Sub-frames and redirects never leave the app's files, and never open anything.
  const stayInApp = (event: { preventDefault(): void; url: string; isMainFrame: boolean }, kind: string): void => {
    if (isAppUrl(event.url, policy.appRoot)) return;
    event.preventDefault();
    policy.log.warn({ url: event.url, kind }, 'blocked a navigation');
  };
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame) stayInApp(event, 'sub-frame');
  });
  contents.on('will-redirect', (event) => {
    stayInApp(event, 'redirect');
  });

  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    policy.log.warn('blocked a <webview>');
  });
}

/** Session-wide rules: web permission requests and checks are refused unless allow-listed. */
export function hardenSession(session: Session, policy: WindowPolicy): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    const allowed = isPermissionAllowed(permission);
    if (!allowed) policy.log.info({ permission }, 'denied a permission request');
    callback(allowed);
  });
  session.setPermissionCheckHandler((_contents, permission) => isPermissionAllowed(permission));
  session.setDevicePermissionHandler(() => false);
}

export interface CreateWindowOptions {
  readonly preloadPath: string;
  /** The first page, app://toonbank/index.html. */
  readonly url: string;
  readonly log: Logger;
}

export function createMainWindow({ preloadPath, url, log }: CreateWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 720,
    minHeight: 480,
    title: 'Toonbank',
    show: false,
    backgroundColor: '#f8f9fa',
    webPreferences: secureWebPreferences(preloadPath),
  });
  window.once('ready-to-show', () => {
    window.show();
  });
  window.loadURL(url).catch((error: unknown) => {
    log.error({ err: error, url }, 'could not load the renderer (was `npm run build:renderer` run?)');
  });
  return window;
}
