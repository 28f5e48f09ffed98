// The IT and referent docs stay true to the code: every station setting is documented where IT looks
// for it, every exit code the commands use is explained, and every link between the pages resolves.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SELF_CHECK_EXIT_CODES, SELF_CHECK_EXIT_UNUSABLE } from '../core/contracts/station-self-check.ts';
import { STATION_SETTING_KEYS } from '../core/lockdown/station-settings.ts';
import { ENROLL_EXIT_CODES } from '../main/station/self-check/enroll-station.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const DOC_DIRS = ['docs/it', 'docs/referent', 'docs/lockdown'];
const docs = DOC_DIRS.flatMap((dir) =>
  readdirSync(path.join(ROOT, dir))
    .filter((name) => name.endsWith('.md'))
    .map((name) => path.join(dir, name)),
);
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

describe('IT and referent docs', () => {
  it('document every station setting in the settings reference and in the lockdown configuration page', () => {
    for (const file of ['docs/it/reglages.md', 'docs/lockdown/configuration.md']) {
      const text = read(file);
      for (const key of STATION_SETTING_KEYS) expect(text, `${key} in ${file}`).toContain(`| \`${key}\``);
    }
  });

  it('explain every exit code of --check and --enroll', () => {
    const verification = read('docs/it/verification.md');
    for (const code of [...Object.values(SELF_CHECK_EXIT_CODES), SELF_CHECK_EXIT_UNUSABLE]) {
      expect(verification).toMatch(new RegExp(`\\|\\s*${code}\\s*\\|`));
    }
    const enrollment = read('docs/it/inscription.md');
    for (const code of Object.values(ENROLL_EXIT_CODES))
      expect(enrollment).toMatch(new RegExp(`\\|\\s*${code}\\s*\\|`));
  });

  it('link only to pages that exist', () => {
    for (const file of docs) {
      for (const [, target] of read(file).matchAll(/\]\(([^)\s]+)\)/g)) {
        if (!target || /^[a-z]+:/.test(target) || target.startsWith('#')) continue;
        const resolved = path.join(ROOT, path.dirname(file), target.split('#')[0] ?? '');
        expect(existsSync(resolved), `${file} → ${target}`).toBe(true);
      }
    }
  });
});
