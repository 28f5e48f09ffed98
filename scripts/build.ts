// Builds the station: main process and preload with esbuild (CommonJS, as Electron loads them; the
// preload must be one file because sandboxed preloads cannot import), the renderer with Vite.
import { build as esbuild, type BuildOptions } from 'esbuild';
import { build as viteBuild } from 'vite';

const common: BuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node24',
  format: 'cjs',
  sourcemap: false,
  logLevel: 'warning',
  // Provided at run time: Electron itself, and the native SQLite binding (unpacked from the ASAR).
  external: ['electron', 'better-sqlite3'],
};

// Exam or test build (test builds keep CLI inspect for Playwright): fixed in the bundle at build time,
// so an exam station never reads it from its environment.
const flavour = process.env.PIX_BUILD_FLAVOUR === 'test' ? 'test' : 'exam';
await esbuild({
  ...common,
  entryPoints: ['main/electron/main.ts'],
  outfile: 'dist/main/main.cjs',
  define: { 'process.env.PIX_BUILD_FLAVOUR': JSON.stringify(flavour) },
});
await esbuild({ ...common, entryPoints: ['main/electron/preload.ts'], outfile: 'dist/preload/preload.cjs' });
await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });
// The web screens the certification server serves (its webRoot is dist/web): the invigilator screen,
// the centre back office and the public certificate check.
await viteBuild({ configFile: 'vite.config.ts', mode: 'invigilator', logLevel: 'warn' });
await viteBuild({ configFile: 'vite.config.ts', mode: 'centre', logLevel: 'warn' });
await viteBuild({ configFile: 'vite.config.ts', mode: 'verification', logLevel: 'warn' });
console.log(
  'built dist/main/main.cjs, dist/preload/preload.cjs, dist/renderer/, dist/web/{invigilator,centre,verification}/',
);
