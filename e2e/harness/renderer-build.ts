// The candidate screens the harness serves: dist/renderer, built by Vite (rebuilt when a source file
// under renderer/ or core/ is newer than the build, so a test never runs stale screens).
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const RENDERER_DIR = path.join(ROOT, 'dist', 'renderer');

function newest(folder: string): number {
  let latest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) latest = Math.max(latest, newest(full));
    else if (!entry.name.endsWith('.test.ts')) latest = Math.max(latest, statSync(full).mtimeMs);
  }
  return latest;
}

export function ensureRendererBuilt(): string {
  const index = path.join(RENDERER_DIR, 'index.html');
  const sources = Math.max(
    newest(path.join(ROOT, 'renderer')),
    newest(path.join(ROOT, 'core')),
    statSync(path.join(ROOT, 'vite.config.ts')).mtimeMs,
  );
  if (!existsSync(index) || statSync(index).mtimeMs < sources) {
    // In its own process: under vitest NODE_ENV is "test", which would build React's development code.
    execFileSync(
      process.execPath,
      [path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'],
      {
        cwd: ROOT,
        env: { ...process.env, NODE_ENV: 'production' },
        stdio: 'inherit',
      },
    );
  }
  return RENDERER_DIR;
}
