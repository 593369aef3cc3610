/*
 * Whether the desktop app can run here: an Electron binary installed by the electron package
 * (absent with ELECTRON_SKIP_BINARY_DOWNLOAD=1) and a display to show it on.
 * Used by scripts/start.ts and the Electron end-to-end test.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type Availability =
  { readonly ok: true; readonly path: string } | { readonly ok: false; readonly reason: string };

/** The Electron executable, found the way the electron package's own index.js finds it. */
export function findElectronBinary(env: NodeJS.ProcessEnv = process.env): Availability {
  let packageDir: string;
  try {
    packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { ok: false, reason: 'the electron package is not installed' };
  }
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) {
    return {
      ok: false,
      reason: 'no Electron binary is installed (ELECTRON_SKIP_BINARY_DOWNLOAD, or its download failed)',
    };
  }
  const relative = readFileSync(pathFile, 'utf8').trim();
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  const binary =
    override !== undefined && override !== '' ? join(override, relative) : join(packageDir, 'dist', relative);
  if (!existsSync(binary)) return { ok: false, reason: `the Electron binary ${binary} is missing` };
  return { ok: true, path: binary };
}

/** macOS and Windows always have a screen; elsewhere an X11 or Wayland display must be set. */
export function hasDisplay(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): boolean {
  if (platform === 'darwin' || platform === 'win32') return true;
  return Boolean(env.DISPLAY) || Boolean(env.WAYLAND_DISPLAY);
}
