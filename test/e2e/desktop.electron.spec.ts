import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { findElectronBinary, hasDisplay } from '../../scripts/electron-binary.js';

/*
 * The built desktop app (dist/main/main.js + dist/renderer served on app://toonbank/), launched
 * through Playwright's Electron support with its own user-data folder. Where no Electron binary is installed (CI sets
 * ELECTRON_SKIP_BINARY_DOWNLOAD=1) the test is skipped and says so.
 */

const electronBinary = findElectronBinary();
const mainJs = fileURLToPath(new URL('../../dist/main/main.js', import.meta.url));
const RELAY_URL = 'http://127.0.0.1:4999';

test.skip(!electronBinary.ok, 'Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD): desktop test skipped');
test.skip(!hasDisplay(), 'No display (DISPLAY / WAYLAND_DISPLAY unset): desktop test skipped');

let launched: { app: ElectronApplication; page: Page } | undefined;
let userData: string | undefined;

function desktop(): { app: ElectronApplication; page: Page } {
  if (launched === undefined) throw new Error('the desktop app did not start (see beforeAll)');
  return launched;
}

test.beforeAll(async () => {
  if (!electronBinary.ok) return;
  if (!existsSync(mainJs)) throw new Error(`${mainJs} is missing: run \`npm run build\` first`);
  userData = await mkdtemp(join(tmpdir(), 'toonbank-desktop-'));
  const app = await electron.launch({
    executablePath: electronBinary.path,
    // Chromium refuses to start as root (CI containers) with its OS sandbox on.
    args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), mainJs],
    env: { ...process.env, TOONBANK_USER_DATA_DIR: userData, TOONBANK_RELAY_URL: RELAY_URL },
  });
  launched = { app, page: await app.firstWindow() };
});

test.afterAll(async () => {
  await launched?.app.close();
  if (userData !== undefined) await rm(userData, { recursive: true, force: true });
});

test('the window is hardened: isolated, sandboxed, no Node in the page', async () => {
  const { app, page } = desktop();
  const preferences = await app.evaluate(({ BrowserWindow }) => {
    const windows = BrowserWindow.getAllWindows();
    // Undocumented but long-standing (Electron's own tests use it): the preferences in force.
    const contents = windows[0]?.webContents as { getLastWebPreferences(): Electron.WebPreferences | null } | undefined;
    const prefs = contents?.getLastWebPreferences();
    return {
      windows: windows.length,
      contextIsolation: prefs?.contextIsolation,
      nodeIntegration: prefs?.nodeIntegration,
      sandbox: prefs?.sandbox,
      webSecurity: prefs?.webSecurity,
      webviewTag: prefs?.webviewTag,
    };
  });
  expect(preferences).toMatchObject({ windows: 1, contextIsolation: true, nodeIntegration: false, sandbox: true });
  expect(preferences.webSecurity).not.toBe(false);
  expect(preferences.webviewTag).not.toBe(true);
  expect(page.url()).toBe('app://toonbank/index.html');

  expect(await page.evaluate(() => typeof require)).toBe('undefined');
  expect(await page.evaluate(() => typeof process)).toBe('undefined');
  // The Content-Security-Policy refuses a script injected into the page.
  const inlineScriptRan = await page.evaluate(
    "(() => { const s = document.createElement('script'); s.textContent = 'window.__injected = true'; document.head.append(s); return window.__injected === true; })()",
  );
  expect(inlineScriptRan).toBe(false);
});

test('window.toonbank exposes only the relay URL setting', async () => {
  const { page } = desktop();
  const api = await page.evaluate(() => {
    const exposed = (globalThis as { toonbank?: Record<string, unknown> }).toonbank ?? {};
    return Object.keys(exposed)
      .map((key) => `${key}:${typeof exposed[key]}`)
      .sort();
  });
  expect(api).toEqual(['getRelayUrl:function', 'setRelayUrl:function']);
  const relayUrl = await page.evaluate(() =>
    (globalThis as unknown as { toonbank: { getRelayUrl(): Promise<string> } }).toonbank.getRelayUrl(),
  );
  expect(relayUrl).toBe(RELAY_URL);
});

test('the sign-in form appears', async () => {
  const { page } = desktop();
  await expect(page.getByLabel('Email')).toBeVisible();
  await expect(page.getByLabel('Password')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
});
