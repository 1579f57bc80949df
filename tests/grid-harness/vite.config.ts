import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Standalone page that renders the shared grid with synthetic data (see check.mjs). */
export default defineConfig({
  root: here,
  plugins: [react()],
  logLevel: 'warn',
  server: { fs: { allow: [repoRoot] } },
  build: { outDir: '/tmp/grid-harness-dist', emptyOutDir: true, reportCompressedSize: false, chunkSizeWarningLimit: 2000 },
});
