import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findElectronBinary } from './electron-binary.ts';

function fakeProject(withBinary: boolean): string {
  const root = mkdtempSync(path.join(tmpdir(), 'electron-binary-'));
  mkdirSync(path.join(root, 'node_modules', 'electron', 'dist'), { recursive: true });
  writeFileSync(path.join(root, 'node_modules', 'electron', 'path.txt'), 'electron');
  if (withBinary) writeFileSync(path.join(root, 'node_modules', 'electron', 'dist', 'electron'), '');
  return root;
}

describe('findElectronBinary', () => {
  it('finds the binary the electron package downloaded', () => {
    const root = fakeProject(true);
    expect(findElectronBinary({}, root)).toBe(
      path.join(root, 'node_modules', 'electron', 'dist', 'electron'),
    );
  });
  it('answers null when the package is installed but its binary was never downloaded', () => {
    expect(findElectronBinary({}, fakeProject(false))).toBeNull();
  });
  it('honours ELECTRON_PATH, and only when that file exists', () => {
    const root = fakeProject(true);
    const binary = path.join(root, 'node_modules', 'electron', 'dist', 'electron');
    expect(findElectronBinary({ ELECTRON_PATH: binary }, root)).toBe(binary);
    expect(findElectronBinary({ ELECTRON_PATH: '/nonexistent/electron' }, root)).toBeNull();
  });
  it('honours ELECTRON_OVERRIDE_DIST_PATH (set to /nonexistent in tests: never found)', () => {
    expect(findElectronBinary({ ELECTRON_OVERRIDE_DIST_PATH: '/nonexistent' }, fakeProject(true))).toBeNull();
  });
});
