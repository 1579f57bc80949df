import { resolve } from 'node:path';
import { defineConfig, externalizeDepsPlugin } from 'electron-vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  main: {
    plugins: [externalizeDepsPlugin()],
    build: { rollupOptions: { input: { index: resolve(__dirname, 'src-main/index.ts') } } },
  },
  preload: {
    // Bundled, never `require`s node_modules at run time (the sandboxed preload cannot).
    build: {
      rollupOptions: {
        input: { index: resolve(__dirname, 'src-main/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src-renderer'),
    plugins: [react()],
    build: { rollupOptions: { input: resolve(__dirname, 'src-renderer/index.html') } },
  },
});
