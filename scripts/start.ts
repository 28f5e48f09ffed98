// `npm start`: launches the Electron station when an Electron binary exists on this machine; when none
// does (CI and development machines cannot download one), says so in one sentence with what to do.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findElectronBinary } from './electron-binary.ts';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const binary = findElectronBinary(process.env, root);
if (!binary) {
  console.error(
    'No Electron binary is installed on this machine, so the station app cannot open here: run `npm run demo` to ' +
      'run a demo certification session instead, or set ELECTRON_PATH to an Electron 45 binary (or run ' +
      '`npx install-electron` on a machine with internet access).',
  );
  process.exit(1);
}
if (!existsSync(path.join(root, 'dist', 'main', 'main.cjs'))) {
  console.error('The station is not built yet: run `npm run build`, then `npm start` again.');
  process.exit(1);
}
const child = spawn(binary, [root], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
