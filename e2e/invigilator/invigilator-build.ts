// The invigilator screen the server serves (dist/web/invigilator), built by Vite when a source under
// renderer/ or core/ is newer than the build, so a test never runs a stale screen.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../harness/renderer-build.ts';

export const WEB_ROOT = path.join(ROOT, 'dist', 'web');
export const INVIGILATOR_DIR = path.join(WEB_ROOT, 'invigilator');

function newest(folder: string): number {
  let latest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) latest = Math.max(latest, newest(full));
    else if (!entry.name.endsWith('.test.ts')) latest = Math.max(latest, statSync(full).mtimeMs);
  }
  return latest;
}

export function ensureInvigilatorBuilt(): string {
  const index = path.join(INVIGILATOR_DIR, 'index.html');
  const sources = Math.max(
    newest(path.join(ROOT, 'renderer', 'invigilator')),
    newest(path.join(ROOT, 'renderer', 'shared')),
    newest(path.join(ROOT, 'core')),
    statSync(path.join(ROOT, 'vite.config.ts')).mtimeMs,
  );
  if (!existsSync(index) || statSync(index).mtimeMs < sources) {
    // In its own process: under vitest NODE_ENV is "test", which would build React's development code.
    execFileSync(
      process.execPath,
      [
        path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'),
        'build',
        '--mode',
        'invigilator',
        '--logLevel',
        'error',
      ],
      { cwd: ROOT, env: { ...process.env, NODE_ENV: 'production' }, stdio: 'inherit' },
    );
  }
  return INVIGILATOR_DIR;
}
