// The installer configuration and the packaging CI cannot run on these machines (no Electron binary,
// no Windows or macOS): this test keeps them valid. electron-builder.yml and its test profile are
// loaded and validated by electron-builder's own code and JSON schema, and checked for what issue 8 and
// LOCKDOWN.md require; the workflow is parsed and checked for its structure, its expressions and every
// script and file it names; the Windows policy templates cover every setting; the MSI hook works on
// electron-builder's real WiX template. (No JSON schema of GitHub workflows is available offline: the
// workflow's structure is checked here instead.)
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util';
import type { Configuration } from 'electron-builder';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { STATION_SETTING_KEYS } from '../core/lockdown/station-settings.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const at = (...parts: string[]) => path.join(ROOT, ...parts);
const read = (...parts: string[]) => readFileSync(at(...parts), 'utf8');
const pkg = JSON.parse(read('package.json')) as {
  productName?: string;
  main: string;
  scripts: Record<string, string>;
  dependencies?: Record<string, string>;
};

async function builderConfig(file: string): Promise<Configuration> {
  const config = (await getConfig(ROOT, file, null)) as Configuration;
  await validateConfiguration(config, new DebugLogger(false));
  return config;
}

/** The fuses LOCKDOWN.md requires; only CLI inspection differs between the exam and the test builds. */
const EXAM_FUSES = {
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  loadBrowserProcessSpecificV8Snapshot: false,
  grantFileProtocolExtraPrivileges: false,
  resetAdHocDarwinSignature: true,
};

function targetNames(platform: { target?: unknown } | null | undefined): string[] {
  const targets = Array.isArray(platform?.target) ? platform.target : [platform?.target];
  return targets.map((t) =>
    typeof t === 'string' ? t : ((t as { target: string } | undefined)?.target ?? ''),
  );
}

describe('electron-builder.yml (exam build)', () => {
  it('is valid for electron-builder (its own loader and JSON schema)', async () => {
    await expect(builderConfig('electron-builder.yml')).resolves.toBeTruthy();
  });

  it('is refused by the same validation when a key is misspelt (the check can fail)', async () => {
    const config = await builderConfig('electron-builder.yml');
    await expect(
      validateConfiguration(
        { ...config, nsis: { ...config.nsis, perMachin: true } } as Configuration,
        new DebugLogger(false),
      ),
    ).rejects.toThrow(/Invalid configuration object/);
  });

  it('builds per-machine Windows installers (NSIS silent, MSI for group policy), deb and AppImage, pkg and dmg', async () => {
    const config = await builderConfig('electron-builder.yml');
    expect(targetNames(config.win)).toEqual(expect.arrayContaining(['nsis', 'msi']));
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: true,
      allowToChangeInstallationDirectory: false,
    });
    expect(config.msi).toMatchObject({ perMachine: true });
    expect(config.msi?.upgradeCode).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(targetNames(config.linux)).toEqual(expect.arrayContaining(['deb', 'AppImage']));
    expect(targetNames(config.mac)).toEqual(expect.arrayContaining(['pkg', 'dmg']));
    expect(config.pkg).toMatchObject({ installLocation: '/Applications', allowCurrentUserHome: false });
    expect(config.linux?.executableName).toBe('pix-certification-station');
  });

  it('sets the fuses of LOCKDOWN.md, keeps ASAR integrity, unpacks the native SQLite binding, and ships no updater', async () => {
    const config = await builderConfig('electron-builder.yml');
    expect(config.electronFuses).toEqual(EXAM_FUSES);
    expect(config.asar).toBe(true);
    expect(config.disableAsarIntegrity ?? false).toBe(false);
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**');
    expect(config.npmRebuild).toBe(false);
    expect(config.publish).toBeNull();
    expect(Object.keys(pkg.dependencies ?? {})).not.toContain('electron-updater');
    expect(existsSync(at('node_modules', 'better-sqlite3', 'lib', 'index.js'))).toBe(true);
  });

  it('names only files that exist or that `npm run build` writes', async () => {
    const config = await builderConfig('electron-builder.yml');
    const files = (config.files as { filter: string[] }[]).flatMap((set) => set.filter);
    const build = read('scripts', 'build.ts') + read('vite.config.ts');
    const built = (folder: string) =>
      folder === 'dist/renderer'
        ? /outDir:\s*['"]dist\/renderer/.test(build) || build.includes("'dist/renderer'")
        : build.includes(`${folder}/`);
    for (const pattern of files.filter((p) => !p.startsWith('!'))) {
      const base = pattern.replace(/\/\*\*.*$/, '');
      if (base.startsWith('dist/')) expect(built(base), `${pattern} is written by the build`).toBe(true);
      else expect(existsSync(at(base)), `${pattern} exists`).toBe(true);
    }
    // The entry point electron loads is among the packed files.
    expect(pkg.main.startsWith('dist/main/')).toBe(true);
    const resources = (config.extraResources ?? []) as { from: string }[];
    expect(resources.length).toBeGreaterThan(0);
    for (const resource of resources) expect(existsSync(at(resource.from)), resource.from).toBe(true);
    for (const file of [
      config.nsis?.include,
      config.msiProjectCreated,
      config.mac?.entitlements,
      config.mac?.entitlementsInherit,
    ]) {
      expect(typeof file === 'string' && existsSync(at(file)), String(file)).toBe(true);
    }
  });
});

describe('the station’s data folder', () => {
  // Electron names userData after the packaged package.json's productName (else its lowercase name);
  // electron-builder's own productName only names the executables. IT's docs give the folder's path.
  it('is named as IT’s docs say, and the test build keeps its own', async () => {
    expect(pkg.productName).toBe('Pix Certification Station');
    expect((await builderConfig('electron-builder.yml')).productName).toBe(pkg.productName);
    const test = await builderConfig('electron-builder.test.yml');
    expect(test.extraMetadata?.productName).toBe(test.productName);
    expect(test.extraMetadata?.productName).not.toBe(pkg.productName);
    expect(read('docs', 'it', 'journaux-et-donnees.md')).toContain(`%APPDATA%\\${pkg.productName}\\station`);
  });
});

describe('electron-builder.test.yml (Playwright build)', () => {
  it('extends the exam build and differs only by CLI inspection, its name and its output folder', async () => {
    const exam = await builderConfig('electron-builder.yml');
    const test = await builderConfig('electron-builder.test.yml');
    expect(test.electronFuses).toEqual({ ...EXAM_FUSES, enableNodeCliInspectArguments: true });
    expect(test.appId).not.toBe(exam.appId);
    expect(test.directories?.output).toBe('release/test');
    expect(test.linux?.executableName).toBe('pix-certification-station-test');
    expect(test.win).toEqual(exam.win);
    expect(test.asarUnpack).toEqual(exam.asarUnpack);
  });
});

// ------------------------------------------------------------------------------------------------
// The CI workflow
// ------------------------------------------------------------------------------------------------

const StepSchema = z
  .object({
    name: z.string().min(1),
    id: z.string().optional(),
    if: z.union([z.string(), z.boolean()]).optional(),
    uses: z
      .string()
      .regex(/^[\w.-]+\/[\w.-]+(?:\/[\w./-]+)?@[\w.-]+$/, 'owner/repo@version')
      .optional(),
    run: z.string().min(1).optional(),
    shell: z.enum(['bash', 'pwsh', 'sh', 'cmd', 'powershell']).optional(),
    with: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
    env: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
    'continue-on-error': z.boolean().optional(),
    'timeout-minutes': z.number().optional(),
  })
  .strict()
  .refine((step) => (step.uses === undefined) !== (step.run === undefined), 'a step has either uses or run');

const JobSchema = z
  .object({
    name: z.string(),
    'runs-on': z.string(),
    'timeout-minutes': z.number().int().positive().max(360),
    strategy: z
      .object({
        'fail-fast': z.boolean().optional(),
        matrix: z
          .object({ include: z.array(z.record(z.string(), z.union([z.string(), z.boolean()]))).min(1) })
          .strict(),
      })
      .strict(),
    env: z.record(z.string(), z.union([z.string(), z.boolean(), z.number()])).optional(),
    steps: z.array(StepSchema).min(1),
  })
  .strict();

const WorkflowSchema = z
  .object({
    name: z.string(),
    on: z
      .object({
        push: z
          .object({ branches: z.array(z.string()).optional(), tags: z.array(z.string()).optional() })
          .strict(),
        pull_request: z.null().optional(),
        workflow_dispatch: z.null().optional(),
      })
      .strict(),
    permissions: z.object({ contents: z.literal('read') }).strict(),
    concurrency: z.object({ group: z.string(), 'cancel-in-progress': z.boolean() }).strict().optional(),
    jobs: z.record(z.string(), JobSchema),
  })
  .strict();

const WORKFLOW = '.github/workflows/installers.yml';

function workflow() {
  return WorkflowSchema.parse(parse(read(WORKFLOW)));
}

describe(`${WORKFLOW}`, () => {
  it('parses as YAML and has the structure of a GitHub Actions workflow', () => {
    expect(() => workflow()).not.toThrow();
  });

  it('runs on Windows, macOS and Ubuntu 24.04 hosted runners', () => {
    for (const job of Object.values(workflow().jobs)) {
      const runners = job.strategy.matrix.include.map((entry) => String(entry.os));
      expect(runners.some((os) => os.startsWith('windows-'))).toBe(true);
      expect(runners.some((os) => os.startsWith('macos-'))).toBe(true);
      expect(runners).toContain('ubuntu-24.04');
      expect(job['runs-on']).toBe('${{ matrix.os }}');
    }
  });

  it('uses only matrix keys every entry defines, known contexts and balanced expressions', () => {
    const text = read(WORKFLOW);
    expect(text.split('${{').length).toBe(text.split('}}').length);
    const job = Object.values(workflow().jobs)[0];
    const keys = job?.strategy.matrix.include.map((entry) => Object.keys(entry).sort().join()) ?? [];
    expect(new Set(keys).size).toBe(1);
    const matrixKeys = new Set(Object.keys(job?.strategy.matrix.include[0] ?? {}));
    for (const [, expression] of text.matchAll(/\$\{\{\s*(.+?)\s*\}\}/g)) {
      const code = (expression ?? '').replace(/'[^']*'/g, "''");
      for (const [, context, key] of code.matchAll(/\b([a-z]+)\.([\w-]+)/g)) {
        expect(['matrix', 'secrets', 'github', 'runner', 'env', 'steps'], expression).toContain(context);
        if (context === 'matrix') expect(matrixKeys.has(key ?? ''), `matrix.${key}`).toBe(true);
      }
    }
    for (const step of job?.steps ?? []) {
      const condition = typeof step.if === 'string' ? step.if : '';
      for (const [, os] of condition.matchAll(/runner\.os == '(\w+)'/g))
        expect(['Windows', 'macOS', 'Linux']).toContain(os);
      for (const [, key] of condition.matchAll(/matrix\.([\w-]+)/g))
        expect(matrixKeys.has(key ?? '')).toBe(true);
    }
  });

  it('names only npm scripts, files and configs that exist', () => {
    const runs = Object.values(workflow().jobs).flatMap((job) => job.steps.map((step) => step.run ?? ''));
    const text = runs.join('\n');
    for (const [, script] of text.matchAll(/npm run ([\w:-]+)/g))
      expect(pkg.scripts, `npm run ${script}`).toHaveProperty(script ?? '');
    const files = [
      ...text.matchAll(/(?:node|--config) ((?:scripts\/|vitest|electron-builder)[\w./-]+)/g),
    ].map((m) => m[1] ?? '');
    expect(files).toEqual(
      expect.arrayContaining([
        'scripts/station-smoke.ts',
        'electron-builder.yml',
        'electron-builder.test.yml',
        'vitest.e2e.config.ts',
      ]),
    );
    for (const file of files) expect(existsSync(at(file)), file).toBe(true);
    for (const builder of text.split('\n').filter((line) => line.includes('electron-builder '))) {
      expect(builder, 'nothing is published from CI').toContain('--publish never');
    }
  });

  it('installs each installer the way IT does, then enrolls and checks the installed station', () => {
    const steps = Object.values(workflow().jobs).flatMap((job) => job.steps);
    const run = (os: string) =>
      steps
        .filter((s) => s.if === `runner.os == '${os}'`)
        .map((s) => s.run ?? '')
        .join('\n');
    expect(run('Windows')).toMatch(/'\/S', '\/allusers'/);
    expect(run('Windows')).toMatch(/Start-Process msiexec\.exe/);
    expect(run('Windows')).toMatch(/'\/i',[^\n]*'\/qn',[^\n]*'MSIRESTARTMANAGERCONTROL=Disable'/);
    expect(run('macOS')).toMatch(/sudo installer -pkg/);
    expect(run('Linux')).toMatch(/apt-get install[^\n]*\.\/release\/\*\.deb/);
    expect(run('Linux')).toContain('/etc/apparmor.d/pix-certification-station');
    for (const os of ['Windows', 'macOS', 'Linux'])
      expect(run(os), os).toContain('scripts/station-smoke.ts --app');
    const e2e = steps.find((s) => s.run?.includes('vitest.e2e.config.ts'));
    expect(e2e?.env?.ELECTRON_PATH).toMatch(/release\/test\/linux-unpacked\/pix-certification-station-test$/);
    const upload = steps.find((s) => s.with?.name === 'installers-${{ runner.os }}');
    for (const ext of ['exe', 'msi', 'deb', 'AppImage', 'pkg', 'dmg'])
      expect(String(upload?.with?.path)).toContain(`release/*.${ext}`);
  });
});

// ------------------------------------------------------------------------------------------------
// The IT kit shipped with the installers
// ------------------------------------------------------------------------------------------------

describe('Windows group policy templates (build/policies)', () => {
  const admx = read('build', 'policies', 'PixCertificationStation.admx');
  const admls = ['fr-FR', 'en-US'].map((lang) =>
    read('build', 'policies', lang, 'PixCertificationStation.adml'),
  );

  /** Tags open and close in order (the files have no comments inside elements nor CDATA). */
  function wellFormed(xml: string): boolean {
    const stack: string[] = [];
    const body = xml.replace(/<\?xml[^>]*\?>/, '').replace(/<!--[\s\S]*?-->/g, '');
    for (const [tag, close, name, selfClosing] of body.matchAll(/<(\/?)([\w:]+)[^>]*?(\/?)>/g)) {
      if (selfClosing) continue;
      if (close) {
        if (stack.pop() !== name) return false;
      } else stack.push(name ?? tag);
    }
    return stack.length === 0;
  }

  it('are well formed and write one value per station setting under the policy key the station reads', () => {
    expect(wellFormed(admx)).toBe(true);
    for (const adml of admls) expect(wellFormed(adml)).toBe(true);
    expect(admx).toContain('key="SOFTWARE\\Policies\\Pix\\CertificationStation"');
    const written = [...admx.matchAll(/valueName="(\w+)"/g)].map((m) => m[1]);
    expect(new Set(written)).toEqual(new Set(STATION_SETTING_KEYS));
  });

  it('have every string and presentation they reference, in French and in English', () => {
    const strings = new Set([...admx.matchAll(/\$\(string\.(\w+)\)/g)].map((m) => m[1]));
    const presentations = new Set([...admx.matchAll(/\$\(presentation\.(\w+)\)/g)].map((m) => m[1]));
    for (const adml of admls) {
      const defined = new Set([...adml.matchAll(/<string id="(\w+)">/g)].map((m) => m[1]));
      const presented = new Set([...adml.matchAll(/<presentation id="(\w+)">/g)].map((m) => m[1]));
      for (const id of strings) expect(defined.has(id), `string ${id}`).toBe(true);
      for (const id of presentations) expect(presented.has(id), `presentation ${id}`).toBe(true);
    }
  });
});

describe('the MSI hook (build/msi-project-created.cjs)', () => {
  it('turns Restart Manager off once, in electron-builder’s real WiX template', async () => {
    const hook = (await import(at('build', 'msi-project-created.cjs'))) as {
      default: { withoutRestartManager(wxs: string): string };
    };
    const { withoutRestartManager } = hook.default;
    const template = readFileSync(
      at('node_modules', 'app-builder-lib', 'templates', 'msi', 'template.xml'),
      'utf8',
    );
    const once = withoutRestartManager(template);
    expect(once.match(/MSIRESTARTMANAGERCONTROL/g)).toHaveLength(1);
    expect(once).toMatch(/<Product\b[^>]*>\s*<Property Id="MSIRESTARTMANAGERCONTROL" Value="Disable"\/>/);
    expect(withoutRestartManager(once)).toBe(once);
    expect(() => withoutRestartManager('<Wix/>')).toThrow(/Product/);
  });
});
