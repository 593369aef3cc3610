/*
 * Bundles the relay with esbuild: server/index.ts → dist/server/index.js (ESM, Node). The packages
 * stay in node_modules (external); our own TypeScript becomes one file, so a start loads it without
 * transpiling anything (`npm run server`, `npm start` and the benchmark run this build).
 */
import { rm } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
export const serverOutDir = fileURLToPath(new URL('../dist/server/', import.meta.url));
export const serverEntry = fileURLToPath(new URL('../dist/server/index.js', import.meta.url));

export async function buildServer(): Promise<void> {
  await rm(serverOutDir, { recursive: true, force: true });
  await build({
    absWorkingDir: root,
    entryPoints: ['server/index.ts'],
    outfile: 'dist/server/index.js',
    bundle: true,
    packages: 'external',
    platform: 'node',
    target: 'node20',
    format: 'esm',
    sourcemap: 'linked',
    logLevel: 'warning',
    legalComments: 'none',
  });
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await buildServer();
  console.log(`Built the relay into ${serverOutDir}`);
}
