import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** The renderer alone, for the browser host (`npm run browser`) and the end-to-end tests. */
export default defineConfig({
  root: resolve(__dirname, 'src-renderer'),
  base: './',
  plugins: [react()],
  build: { outDir: resolve(__dirname, 'out/renderer'), emptyOutDir: true, chunkSizeWarningLimit: 4000 },
});
