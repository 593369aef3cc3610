import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

// Two pages from one build: the inbox (index.html) and the sandbox customer phone (sandbox.html).
// `base: './'` lets Electron load the same files from disk.
export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    // One shared vendor chunk (React, Mantine, zod, Socket.IO, i18next) of about 540 kB, loaded
    // from disk by the desktop app or once per session in web mode: large on purpose, not by accident.
    chunkSizeWarningLimit: 700,
    rollupOptions: {
      input: { inbox: `${root}index.html`, sandbox: `${root}sandbox.html` },
    },
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:4000',
      '/sandbox/api': 'http://127.0.0.1:4000',
      '/socket.io': { target: 'ws://127.0.0.1:4000', ws: true },
    },
  },
});
