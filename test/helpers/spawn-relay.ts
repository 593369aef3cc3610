import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

/*
 * The relay as its own process. `source` runs server/index.ts through tsx (tests: no build
 * needed); `built` runs the esbuild bundle exactly as `npm run server` does after building it
 * (`node --enable-source-maps dist/server/index.js`), as the benchmark measures it.
 */

export type RelayEntry = 'source' | 'built';

const ARGUMENTS: Record<RelayEntry, string[]> = {
  source: ['--import', 'tsx', 'server/index.ts'],
  built: ['--enable-source-maps', 'dist/server/index.js'],
};

/** Starts the relay process with `env` added to this one's; its stdout is piped, stderr inherited. */
export function launchRelay(env: Record<string, string>, entry: RelayEntry = 'source'): ChildProcess {
  return spawn(process.execPath, ARGUMENTS[entry], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

/** Starts the relay on a free port; resolves once it listens, with the URL it printed. */
export async function spawnRelay(
  env: Record<string, string>,
  entry: RelayEntry = 'source',
): Promise<{ child: ChildProcess; url: string }> {
  const child = launchRelay({ NODE_ENV: 'production', PORT: '0', LOG_LEVEL: 'info', ...env }, entry);
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const url = await new Promise<string>((resolve, reject) => {
    lines.on('line', (line) => {
      const match = /"url":"(http:[^"]+)"/.exec(line);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => {
      reject(new Error(`relay exited with ${code}`));
    });
  });
  return { child, url };
}

export async function stopRelay(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}
