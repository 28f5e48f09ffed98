import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The candidate screens: served from app:// in Electron, from the harness in browser tests.
export default defineConfig({
  root: 'renderer/station',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../../dist/renderer',
    emptyOutDir: true,
    target: 'chrome140',
    sourcemap: false,
  },
});
