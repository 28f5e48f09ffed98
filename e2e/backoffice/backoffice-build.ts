// The back office (dist/web/centre) and the public certificate check (dist/web/verification), built by
// Vite when a source under renderer/ or core/ is newer than the build, so a test never runs a stale
// screen. Each build runs in its own process: under vitest NODE_ENV is "test", which would build
// React's development code.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { ROOT, WEB_ROOT } from '../harness/renderer-build.ts';

export { WEB_ROOT };

function newest(folder: string): number {
  if (!existsSync(folder)) return 0;
  let latest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) latest = Math.max(latest, newest(full));
    else if (!entry.name.endsWith('.test.ts')) latest = Math.max(latest, statSync(full).mtimeMs);
  }
  return latest;
}

function ensureBuilt(mode: 'centre' | 'verification', sources: string[]): void {
  const index = path.join(WEB_ROOT, mode, 'index.html');
  const latest = Math.max(
    ...sources.map((folder) => newest(path.join(ROOT, folder))),
    statSync(path.join(ROOT, 'vite.config.ts')).mtimeMs,
  );
  if (existsSync(index) && statSync(index).mtimeMs >= latest) return;
  execFileSync(
    process.execPath,
    [
      path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      '--mode',
      mode,
      '--logLevel',
      'error',
    ],
    { cwd: ROOT, env: { ...process.env, NODE_ENV: 'production' }, stdio: 'inherit' },
  );
}

/** Both screens, built if needed; returns the web root the server serves them from. */
export function ensureBackOfficeBuilt(): string {
  ensureBuilt('centre', ['renderer/backoffice', 'renderer/shared', 'core']);
  ensureBuilt('verification', ['renderer/public-verify', 'renderer/shared', 'core']);
  return WEB_ROOT;
}
