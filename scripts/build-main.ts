/*
 * Bundles the Electron main process and its preload with esbuild:
 *   main/main.ts    → dist/main/main.js     (ESM, Node platform; every dependency inlined but electron)
 *   main/preload.ts → dist/main/preload.cjs (CommonJS: a sandboxed preload can only require 'electron')
 * Everything is bundled so the packaged app needs no node_modules (see electron-builder.yml).
 */
import { rm } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type BuildOptions } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
export const mainOutDir = fileURLToPath(new URL('../dist/main/', import.meta.url));

const common: BuildOptions = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node22',
  external: ['electron'],
  sourcemap: 'linked',
  logLevel: 'warning',
  legalComments: 'none',
};

// CommonJS dependencies bundled into an ES module still call require() and read __dirname.
const esmRequireShim = [
  "import { createRequire as __toonbankCreateRequire } from 'node:module';",
  "import { fileURLToPath as __toonbankFileURLToPath } from 'node:url';",
  'const require = __toonbankCreateRequire(import.meta.url);',
  'const __filename = __toonbankFileURLToPath(import.meta.url);',
  "const __dirname = __toonbankFileURLToPath(new URL('.', import.meta.url));",
].join('\n');

export async function buildMain(): Promise<void> {
  await rm(mainOutDir, { recursive: true, force: true });
  await Promise.all([
    build({
      ...common,
      entryPoints: ['main/main.ts'],
      outfile: 'dist/main/main.js',
      format: 'esm',
      banner: { js: esmRequireShim },
    }),
    build({
      ...common,
      entryPoints: ['main/preload.ts'],
      outfile: 'dist/main/preload.cjs',
      format: 'cjs',
      // The sandboxed preload runs in the page's renderer process: no Node built-ins there.
      platform: 'browser',
      target: 'chrome130',
      // shared/ipc.ts brings zod along (its schemas sit beside the channel names): keep that small.
      minify: true,
    }),
  ]);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await buildMain();
  console.log(`Built the Electron main process and preload into ${mainOutDir}`);
}
