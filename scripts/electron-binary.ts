import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Finds the Electron binary without `require('electron')`, which would try to download it. */
export function findElectronBinary(env: NodeJS.ProcessEnv, root: string): string | null {
  if (env.ELECTRON_PATH) return existsSync(env.ELECTRON_PATH) ? env.ELECTRON_PATH : null;
  const pathFile = path.join(root, 'node_modules', 'electron', 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const base = env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(root, 'node_modules', 'electron', 'dist');
  const binary = path.join(base, relative);
  return existsSync(binary) ? binary : null;
}
