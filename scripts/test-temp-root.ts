// One temporary folder per run of the tests or of a benchmark: every file they write under the
// system's temporary folder (test servers' databases, station journals, Chromium profiles, crash-test
// children's files) goes into it, and it is removed when the run ends. Tests and the programs they
// start find it through TMPDIR, which os.tmpdir() reads on every call. Left behind run after run, these
// files had filled this machine's disk (6,000 test servers' folders, 68 GB).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Points TMPDIR at a new folder; the function returned restores it and removes the folder. */
export function useTempRoot(prefix: string): () => void {
  const previous = process.env.TMPDIR;
  const root = mkdtempSync(path.join(tmpdir(), prefix));
  process.env.TMPDIR = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(root, { recursive: true, force: true });
  };
}

/** Vitest global setup (both suites): the run's folder, removed at teardown. */
export default function setup(): () => void {
  return useTempRoot('pix-tests-');
}
