import path from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The React screens. Each screen is its own app, built with `vite build --mode <screen>`:
// - station (default): the candidate screens, served by Electron from app:// (relative paths) and by
//   the browser harness; built into dist/renderer where the station's protocol handler reads them;
// - invigilator, centre (back office) and verification (public certificate check): web apps served by
//   the central server under /invigilator/, /centre/ and /verification/, built into dist/web/<screen>/
//   (the server's `webRoot` is dist/web).
export const SCREENS = {
  station: { root: 'renderer/station', outDir: 'dist/renderer', base: './' },
  invigilator: { root: 'renderer/invigilator', outDir: 'dist/web/invigilator', base: '/invigilator/' },
  centre: { root: 'renderer/backoffice', outDir: 'dist/web/centre', base: '/centre/' },
  // The public certificate check (no login), at the address certificates print.
  verification: { root: 'renderer/public-verify', outDir: 'dist/web/verification', base: '/verification/' },
} as const;
export type ScreenName = keyof typeof SCREENS;

export function isScreenName(name: string): name is ScreenName {
  return Object.hasOwn(SCREENS, name);
}

export default defineConfig(({ mode }) => {
  const screen = SCREENS[isScreenName(mode) ? mode : 'station'];
  return {
    root: screen.root,
    base: screen.base,
    // Build modes are screen names; the bundle is always a production build.
    mode: 'production',
    plugins: [react()],
    build: {
      outDir: path.resolve(import.meta.dirname, screen.outDir),
      emptyOutDir: true,
      target: 'chrome140',
      sourcemap: false,
    },
  };
});
