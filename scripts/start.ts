/*
 * `npm start` (after the renderer is built): the relay with its sandbox, then the desktop app —
 * or, where no Electron binary or no display exists, the web-mode address to open in a browser.
 * Ctrl+C stops everything; if the relay exits, this exits with its code.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildMain } from './build-main.js';
import { findElectronBinary, hasDisplay } from './electron-binary.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const host = process.env.HOST ?? '127.0.0.1';
const port = process.env.PORT ?? '4000';
// A relay listening on every interface is still reached locally through the loopback address.
const relayUrl = `http://${host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host}:${port}`;

const children = new Set<ChildProcess>();
let stopping = false;

function stopAll(code: number): void {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exitCode = code;
}

const isStopping = (): boolean => stopping;

// A second Ctrl+C does not wait for a child that ignores the first.
function onSignal(code: number): void {
  if (!stopping) {
    stopAll(code);
    return;
  }
  for (const child of children) child.kill('SIGKILL');
  process.exit(code);
}
process.on('SIGINT', () => {
  onSignal(130);
});
process.on('SIGTERM', () => {
  onSignal(143);
});

const relay = spawn(process.execPath, ['--enable-source-maps', 'dist/server/index.js'], {
  cwd: root,
  stdio: 'inherit',
});
children.add(relay);
relay.on('exit', (code, signal) => {
  children.delete(relay);
  if (!stopping) console.error(`The relay stopped (${signal ?? `exit code ${code ?? 'unknown'}`}).`);
  stopAll(code ?? 1);
});

/** Polls /healthz until the relay answers 200 (or it exits). */
async function waitForRelay(): Promise<boolean> {
  const deadline = Date.now() + 60_000;
  while (!isStopping() && Date.now() < deadline) {
    try {
      const response = await fetch(new URL('/healthz', relayUrl), { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}

function printWebMode(why: string): void {
  console.log(
    `\nToonbank is running in web mode: open ${relayUrl}/ (the sandbox customer phone is at /sandbox)\n` +
      `The desktop app was not started: ${why}. Press Ctrl+C to stop.\n`,
  );
}

async function launchDesktop(binary: string): Promise<void> {
  if (!existsSync(fileURLToPath(new URL('../dist/main/main.js', import.meta.url)))) await buildMain();
  // Chromium will not start as root with its OS sandbox (containers, CI): say so, and run without it.
  const asRoot = process.getuid?.() === 0;
  if (asRoot) console.warn('Running as root: starting Electron with --no-sandbox.');
  const desktop = spawn(binary, [...(asRoot ? ['--no-sandbox'] : []), 'dist/main/main.js'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, TOONBANK_RELAY_URL: relayUrl },
  });
  children.add(desktop);
  desktop.on('exit', () => {
    children.delete(desktop);
    console.log('The desktop app closed; stopping the relay.');
    stopAll(0);
  });
}

if (!(await waitForRelay())) {
  if (!isStopping()) {
    console.error(`The relay did not answer ${relayUrl}/healthz within a minute.`);
    stopAll(1);
  }
} else {
  const electron = findElectronBinary();
  if (!electron.ok) printWebMode(electron.reason);
  else if (!hasDisplay()) printWebMode('no display is available (neither DISPLAY nor WAYLAND_DISPLAY is set)');
  else await launchDesktop(electron.path);
}
