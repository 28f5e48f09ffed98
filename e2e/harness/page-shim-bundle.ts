// Bundles e2e/harness/page-shim.ts (and the preload's bridge it uses) into one script for
// Playwright's addInitScript.
import path from 'node:path';
import { build } from 'esbuild';

let bundled: Promise<string> | null = null;

export function pageShimScript(): Promise<string> {
  bundled ??= build({
    entryPoints: [path.join(import.meta.dirname, 'page-shim.ts')],
    bundle: true,
    format: 'iife',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  }).then((result) => {
    const file = result.outputFiles[0];
    if (!file) throw new Error('the page shim did not bundle');
    return file.text;
  });
  return bundled;
}
