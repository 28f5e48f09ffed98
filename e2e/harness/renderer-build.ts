// The built screens the harness serves: the candidate screens (dist/renderer) and the web screens
// the server serves (dist/web/<screen>), built by Vite when a source under renderer/ or core/ is newer
// than the build, so a test never runs stale screens. The run's global setup builds them all once:
// two e2e files run at once, and Vite empties a screen's folder before writing it, so a build started
// by one file would take the screen away from the other's server.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const RENDERER_DIR = path.join(ROOT, 'dist', 'renderer');
export const WEB_ROOT = path.join(ROOT, 'dist', 'web');

function newest(folder: string): number {
  if (!existsSync(folder)) return 0;
  let latest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) latest = Math.max(latest, newest(full));
    else if (!/\.test\.tsx?$/.test(entry.name)) latest = Math.max(latest, statSync(full).mtimeMs);
  }
  return latest;
}

/** Builds a screen (a vite.config.ts mode) into `outDir` unless the build is newer than its sources. */
function ensureBuilt(mode: string, outDir: string, sources: string[]): string {
  const index = path.join(outDir, 'index.html');
  const latest = Math.max(
    ...sources.map((folder) => newest(path.join(ROOT, folder))),
    statSync(path.join(ROOT, 'vite.config.ts')).mtimeMs,
  );
  if (!existsSync(index) || statSync(index).mtimeMs < latest) {
    // In its own process: under vitest NODE_ENV is "test", which would build React's development code.
    execFileSync(
      process.execPath,
      [
        path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'),
        'build',
        '--mode',
        mode,
        '--logLevel',
        'warn',
      ],
      { cwd: ROOT, env: { ...process.env, NODE_ENV: 'production' }, stdio: 'inherit' },
    );
  }
  return outDir;
}

/** The candidate screens (dist/renderer). */
export function ensureRendererBuilt(): string {
  return ensureBuilt('station', RENDERER_DIR, ['renderer/station', 'renderer/shared', 'core', 'preload']);
}

/** The sources each web screen is built from (vite.config.ts modes, served by the certification server). */
const WEB_SCREEN_SOURCES = {
  invigilator: 'renderer/invigilator',
  centre: 'renderer/backoffice',
  verification: 'renderer/public-verify',
} as const;

export type WebScreen = keyof typeof WEB_SCREEN_SOURCES;

/**
 * The web screens (dist/web/<screen>), each built when its sources are newer than its build; returns the
 * web root the server serves them from, or null when a screen's sources are not in this copy.
 */
export function ensureWebScreensBuilt(
  screens: readonly WebScreen[] = ['invigilator', 'centre', 'verification'],
): string | null {
  if (screens.some((screen) => !existsSync(path.join(ROOT, WEB_SCREEN_SOURCES[screen], 'index.html')))) {
    return null;
  }
  for (const screen of screens) {
    ensureBuilt(screen, path.join(WEB_ROOT, screen), [WEB_SCREEN_SOURCES[screen], 'renderer/shared', 'core']);
  }
  return WEB_ROOT;
}
