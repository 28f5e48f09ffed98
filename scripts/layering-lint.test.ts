// The layering rules (ARCHITECTURE.md) are enforced by ESLint; these tests prove the rules bite.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImportErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-syntax')
    .map((m) => m.message);
}

describe('layering lint rules', () => {
  it.each([
    ['core/', 'core/framework/x.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['main/station/', 'main/station/x.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['server/', 'server/x.ts', "import Store from 'electron-store';\nexport const s = Store;\n"],
    [
      'renderer/',
      'renderer/station/x.tsx',
      "import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;\n",
    ],
    ['preload/', 'preload/x.ts', "import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;\n"],
    ['scripts/ (require)', 'scripts/x.ts', "const e = require('electron');\nexport default e;\n"],
    ['core/ (dynamic import)', 'core/x.ts', "export const e = () => import('electron-store');\n"],
  ])('forbids electron imports in %s', async (_where, file, code) => {
    const errors = await restrictedImportErrors(file, code);
    expect(errors.length, `no error for ${file}`).toBeGreaterThan(0);
  });

  it('allows electron under main/electron/', async () => {
    expect(
      await restrictedImportErrors(
        'main/electron/x.ts',
        "import { app } from 'electron';\nexport const a = app;\n",
      ),
    ).toEqual([]);
  });

  it.each([
    ["import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n"],
    ["import { createHash } from 'crypto';\nexport const h = createHash;\n"],
    ["import path from 'path';\nexport const p = path;\n"],
  ])('forbids Node built-ins in core/: %s', async (code) => {
    const errors = await restrictedImportErrors('core/scoring/x.ts', code);
    expect(errors.some((m) => m.includes('core/ is pure'))).toBe(true);
  });

  it.each([
    [
      'core/ importing the station',
      'core/x.ts',
      "import { a } from '../main/station/a.ts';\nexport const b = a;\n",
    ],
    ['core/ importing the server', 'core/x.ts', "import { a } from '../server/a.ts';\nexport const b = a;\n"],
    [
      'the server importing the station',
      'server/x.ts',
      "import { a } from '../main/station/a.ts';\nexport const b = a;\n",
    ],
    [
      'the renderer importing the station',
      'renderer/station/x.tsx',
      "import { a } from '../../main/station/a.ts';\nexport const b = a;\n",
    ],
    [
      'the station importing the server',
      'main/station/x.ts',
      "import { a } from '../../server/a.ts';\nexport const b = a;\n",
    ],
  ])('forbids upward or sideways imports: %s', async (_what, file, code) => {
    expect((await restrictedImportErrors(file, code)).length).toBeGreaterThan(0);
  });

  it('keeps the storage engine behind server/storage/', async () => {
    const code = "import Database from 'better-sqlite3';\nexport const d = Database;\n";
    const errors = await restrictedImportErrors('server/http/x.ts', code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('Only server/storage/ knows the storage engine');
    expect(await restrictedImportErrors('server/storage/sqlite/x.ts', code)).toEqual([]);
    // The server's other rules still hold where this one applies.
    expect(
      (
        await restrictedImportErrors(
          'server/http/x.ts',
          "import Store from 'electron-store';\nexport const s = Store;\n",
        )
      ).length,
    ).toBeGreaterThan(0);
  });

  it('keeps the SQLite backend’s modules behind server/storage/, but where the server is assembled', async () => {
    const code = (from: string) =>
      `import { openSqliteStore } from '${from}storage/sqlite/sqlite-store.ts';\nexport const o = openSqliteStore;\n`;
    const errors = await restrictedImportErrors('server/exam/x.ts', code('../'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('may import the SQLite backend');
    for (const file of ['server/app.ts', 'server/main.ts', 'server/cli/x.ts'])
      expect(
        await restrictedImportErrors(file, code(file.startsWith('server/cli/') ? '../' : './')),
        file,
      ).toEqual([]);
    expect(await restrictedImportErrors('server/storage/x.ts', code('./'))).toEqual([]);
    expect(await restrictedImportErrors('server/exam/x.test.ts', code('../'))).toEqual([]);
    // Where it is assembled, the engine itself stays behind storage/.
    const engine = "import Database from 'better-sqlite3';\nexport const d = Database;\n";
    expect(await restrictedImportErrors('server/app.ts', engine)).toHaveLength(1);
  });

  it('lets core/ use zod', async () => {
    expect(
      await restrictedImportErrors('core/x.ts', "import { z } from 'zod';\nexport const s = z.string();\n"),
    ).toEqual([]);
  });
});

// The rule above proves ESLint would refuse an import; this scans the real tree, so a file ESLint
// ignores or a rule someone loosened cannot let Electron leak into code that must run in plain Node.
describe('the repository itself', () => {
  const ELECTRON_IMPORT =
    /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|\bimport\s+)['"](electron(?:-store)?|@electron\/[^'"]+)(?:\/[^'"]*)?['"]/;
  const SKIP = new Set(['node_modules', 'dist', 'release', 'coverage', '.git', '.data', 'test-results']);

  async function sourceFiles(dir: string): Promise<string[]> {
    const { readdir } = await import('node:fs/promises');
    const out: string[] = [];
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (SKIP.has(entry.name)) continue;
      const full = `${dir}/${entry.name}`;
      if (entry.isDirectory()) out.push(...(await sourceFiles(full)));
      else if (/\.(ts|tsx|js|mjs|cjs)$/.test(entry.name)) out.push(full);
    }
    return out;
  }

  it('imports Electron only under main/electron/', async () => {
    const { readFile } = await import('node:fs/promises');
    const root = process.cwd();
    const offenders: string[] = [];
    for (const file of await sourceFiles(root)) {
      const relative = file.slice(root.length + 1);
      if (relative.startsWith('main/electron/') || relative === 'scripts/layering-lint.test.ts') continue;
      // Comments may name Electron freely; only code counts.
      const text = (await readFile(file, 'utf8')).replace(/\/\*[\s\S]*?\*\//g, '');
      const hit = text
        .split('\n')
        .find((line) => ELECTRON_IMPORT.test(line) && !line.trimStart().startsWith('//'));
      if (hit) offenders.push(`${relative}: ${hit.trim()}`);
    }
    expect(offenders).toEqual([]);
  });

  it('the scan recognizes every import form', () => {
    for (const line of [
      "import { app } from 'electron';",
      "import type { Session } from 'electron';",
      "import 'electron';",
      "const e = require('electron');",
      "const s = await import('electron-store');",
      "import { x } from '@electron/remote';",
      "import { ipcRenderer } from 'electron/renderer';",
    ]) {
      expect(ELECTRON_IMPORT.test(line), line).toBe(true);
    }
    expect(ELECTRON_IMPORT.test("import { x } from './electron-binary.ts';")).toBe(false);
    expect(ELECTRON_IMPORT.test("import x from 'electron-builder';")).toBe(false);
  });
});
