// The embedded demo data must stay valid and complete: the demo, the server's demo seeding, the
// end-to-end tests and newcomers rely on it. Run `node scripts/demo/bank-coverage.ts` to see the figures.
import { createHash } from 'node:crypto';
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHALLENGE_TYPES, isOperative } from '../../core/challenge/challenge.ts';
import { createAnswerChecker } from '../../core/checking/check-answer.ts';
import { parseNumber } from '../../core/checking/numeric.ts';
import { applyTreatments } from '../../core/checking/treatments.ts';
import { COMPETENCE_CODES, PIX_PER_LEVEL, levelFromPix } from '../../core/framework/crcn.ts';
import { parseSkill } from '../../core/framework/skill.ts';
import { indexBank } from '../../core/generation/bank-index.ts';
import { generateTest } from '../../core/generation/generate-test.ts';
import { NotCertifiableError } from '../../core/generation/generation-errors.ts';
import { seededRandom } from '../../core/generation/seeded-random.ts';
import { certifiableCompetences, isCertifiable } from '../../core/profile/profile.ts';
import { scoreCertification } from '../../core/scoring/score-certification.ts';
import { simulatedAnswer } from '../../scripts/demo/simulated-candidate.ts';
import { DEMO_LEVELS, bankCoverage, browserUrls } from './bank-coverage.ts';
import { demoSiteFile, demoSiteUrls } from './demo-sites.ts';
import { DemoDataError, loadDemoData } from './load-demo.ts';

const dir = import.meta.dirname;
const demo = loadDemoData();
const { bank, candidates } = demo;
const operative = bank.filter(isOperative);
const coverage = bankCoverage(bank);
const index = indexBank(bank);
const SEEDS = [1, 2, 3, 42, 1234, 99_999, 4_000_000_000];

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const siteFileOf = (url: string) => demoSiteFile(url, demo.sitesDir);

describe('the demo challenge bank: coverage', () => {
  it('covers all 16 competences at levels 1 to 5, each with at least three tubes', () => {
    for (const code of COMPETENCE_CODES) {
      for (const level of DEMO_LEVELS) {
        expect(coverage.challenges[code][level], `${code} level ${level}`).toBeGreaterThanOrEqual(1);
      }
      expect(coverage.tubes[code].length, `${code} tubes`).toBeGreaterThanOrEqual(3);
      // A candidate at level 1 in a competence validated only level-1 skills: three are needed for a full test.
      expect(coverage.levelOneSkills[code], `${code} level-1 skills`).toBeGreaterThanOrEqual(3);
    }
  });

  it('has every format at least 3 times, and selects, numbers, timers, focus, shuffling and illustrations', () => {
    for (const type of CHALLENGE_TYPES) expect(coverage.byType[type] ?? 0, type).toBeGreaterThanOrEqual(3);
    expect(coverage.selects).toBeGreaterThanOrEqual(3);
    expect(coverage.numeric).toBeGreaterThanOrEqual(3);
    expect(coverage.timed).toBeGreaterThanOrEqual(3);
    expect(coverage.focused).toBeGreaterThanOrEqual(3);
    expect(coverage.shuffled).toBeGreaterThanOrEqual(3);
    expect(coverage.illustrated).toBeGreaterThanOrEqual(3);
    expect(coverage.treatmentsOff).toBeGreaterThanOrEqual(3);
    expect(coverage.byStatus.archived ?? 0).toBeGreaterThanOrEqual(2);
    expect(coverage.byStatus.obsolete ?? 0).toBeGreaterThanOrEqual(1);
  });

  it('has at least 10 challenges with attachments, among them a PDF, a CSV, an image and a text file', () => {
    expect(coverage.withAttachments).toBeGreaterThanOrEqual(10);
    for (const kind of ['PDF', 'CSV', 'image', 'texte']) {
      expect(coverage.attachmentKinds[kind] ?? 0, kind).toBeGreaterThanOrEqual(1);
    }
  });

  it('has at least 10 challenges that need the challenge browser, on several sites, and a few simulators', () => {
    expect(coverage.browser).toBeGreaterThanOrEqual(10);
    expect(Object.keys(coverage.sites).length).toBeGreaterThanOrEqual(5);
    expect(coverage.embeds).toBeGreaterThanOrEqual(3);
  });
});

describe('the demo challenge bank: files, websites and simulators', () => {
  it('points at attachment files whose hash and size match', () => {
    for (const challenge of bank) {
      for (const attachment of challenge.attachments) {
        const file = path.join(dir, 'attachments', attachment.fileName);
        expect(existsSync(file), `${challenge.id}: ${attachment.fileName} exists`).toBe(true);
        const bytes = readFileSync(file);
        expect(sha256(bytes), `${challenge.id}: ${attachment.fileName} hash`).toBe(attachment.hash);
        expect(bytes.length, `${challenge.id}: ${attachment.fileName} size`).toBe(attachment.size);
      }
    }
  });

  it('names each attachment in the instruction, so the candidate knows which file to open', () => {
    for (const challenge of operative) {
      for (const attachment of challenge.attachments) {
        expect(challenge.instruction, challenge.id).toContain(attachment.fileName);
      }
    }
  });

  it('has an illustration file for each illustration hash, of the declared media type', () => {
    for (const challenge of bank.filter((c) => c.illustration)) {
      const file = demo.files.get(challenge.illustration?.hash ?? '');
      expect(file, `${challenge.id}: illustration file`).toBeDefined();
      expect(file?.mediaType, challenge.id).toBe(challenge.illustration?.mediaType);
      expect(challenge.illustration?.alt.length ?? 0, `${challenge.id}: alt text`).toBeGreaterThan(40);
    }
  });

  it('keeps no unused file in attachments/', () => {
    const used = new Set(bank.flatMap((c) => [...c.attachments.map((a) => a.hash), c.illustration?.hash]));
    for (const file of demo.files.values()) expect(used.has(file.hash), file.fileName).toBe(true);
  });

  it('refuses to load the demo data when an attachment changed, naming the file', () => {
    const copy = mkdtempSync(path.join(tmpdir(), 'demo-data-'));
    try {
      cpSync(path.join(dir, 'attachments'), path.join(copy, 'attachments'), { recursive: true });
      cpSync(path.join(dir, 'challenges.json'), path.join(copy, 'challenges.json'));
      cpSync(path.join(dir, 'session.json'), path.join(copy, 'session.json'));
      expect(loadDemoData(copy).bank).toHaveLength(bank.length);
      appendFileSync(path.join(copy, 'attachments', 'notes-4B.csv'), 'Zoé;20;20;20;20\n');
      expect(() => loadDemoData(copy)).toThrow(DemoDataError);
      expect(() => loadDemoData(copy)).toThrow(/notes-4B\.csv/);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('sends the candidate only to site pages and simulators that exist', () => {
    for (const challenge of bank) {
      const text = `${challenge.instruction} ${challenge.proposals ?? ''}`;
      const urls = [...demoSiteUrls(text), ...(challenge.embed ? [challenge.embed.url] : [])];
      for (const url of urls) {
        const page = siteFileOf(url);
        expect(page, `${challenge.id}: ${url} is a demo-site address`).not.toBeNull();
        expect(existsSync(page?.file ?? ''), `${challenge.id}: ${url} exists`).toBe(true);
      }
      // No link may lead to the real internet: the demo runs offline.
      for (const [, link, autolink] of text.matchAll(/\]\((https?:[^)\s]+)\)|<(https?:[^>\s]+)>/g)) {
        expect(siteFileOf(link ?? autolink ?? ''), `${challenge.id}: ${link ?? autolink}`).not.toBeNull();
      }
    }
  });

  it('puts every embedded simulator on a demo site', () => {
    for (const challenge of bank.filter((c) => c.embed)) {
      expect(demoSiteUrls(challenge.embed?.url ?? ''), challenge.id).toHaveLength(1);
    }
  });

  const siteFiles = (root: string): string[] =>
    readdirSync(root).flatMap((name) => {
      const full = path.join(root, name);
      return statSync(full).isDirectory() ? siteFiles(full) : [full];
    });
  const pages = siteFiles(demo.sitesDir).filter((file) => file.endsWith('.html'));

  it('has self-contained French pages: no external resource, links that resolve, scripts only in simulators', () => {
    expect(pages.length).toBeGreaterThanOrEqual(30);
    for (const file of pages) {
      const html = readFileSync(file, 'utf8');
      const name = path.relative(demo.sitesDir, file);
      expect(html, name).toMatch(/<html lang="fr">/);
      expect(html, name).toMatch(/<title>[^<]+<\/title>/);
      if (!name.startsWith(`simulateurs${path.sep}`)) expect(html, name).not.toMatch(/<script/i);
      for (const [, target] of html.matchAll(/(?:href|src)="([^"]+)"/g)) {
        if (!target) continue;
        if (/^https?:/.test(target)) {
          const page = siteFileOf(target);
          expect(page, `${name}: ${target} must stay on a demo site`).not.toBeNull();
          expect(existsSync(page?.file ?? ''), `${name}: ${target}`).toBe(true);
        } else {
          expect(target, `${name}: ${target}`).not.toMatch(/^\/\/|^[a-z]+:/);
          const linked = path.resolve(path.dirname(file), target.split('#')[0] ?? '');
          expect(existsSync(linked), `${name}: ${target}`).toBe(true);
        }
      }
      // Every image says what it shows.
      for (const [img] of html.matchAll(/<img\b[^>]*>/g)) expect(img, name).toMatch(/alt="[^"]{10,}"/);
    }
  });
});

describe('the demo challenge bank: solutions', () => {
  it('follows the naming conventions: ids rec<Tube><level><letter>, one competence per tube', () => {
    const competenceOfTube = new Map<string, string>();
    for (const challenge of bank) {
      const { tube, difficulty } = parseSkill(challenge.skill);
      expect(challenge.id, challenge.id).toMatch(new RegExp(`^rec[A-Z][A-Za-z]*${difficulty}[a-z]$`));
      expect(competenceOfTube.get(tube) ?? challenge.competence, tube).toBe(challenge.competence);
      competenceOfTube.set(tube, challenge.competence);
    }
  });

  it('offers select options that include every accepted answer of the field', () => {
    for (const challenge of bank) {
      const s = challenge.solution;
      for (const field of challenge.fields ?? []) {
        if (field.kind !== 'select') continue;
        const accepted =
          s.type === 'QROCM-ind' ? (s.fields[field.name] ?? []) : 'variants' in s ? s.variants : [];
        expect(accepted.length, `${challenge.id}.${field.name}`).toBeGreaterThan(0);
        for (const value of accepted) expect(field.options, `${challenge.id}.${field.name}`).toContain(value);
        expect(new Set(field.options).size, `${challenge.id}.${field.name} options`).toBe(
          field.options.length,
        );
      }
    }
  });

  it('has choices that are distinct, with at least one right and one wrong', () => {
    for (const challenge of bank.filter((c) => c.type === 'QCU' || c.type === 'QCM')) {
      const texts = (challenge.choices ?? []).map((c) => c.text);
      expect(new Set(texts).size, challenge.id).toBe(texts.length);
      const right = 'value' in challenge.solution ? challenge.solution.value.split(',') : [];
      expect(right.length, challenge.id).toBeGreaterThan(0);
      expect(right.length, challenge.id).toBeLessThan(texts.length);
    }
  });

  const textVariants = (challenge: (typeof bank)[number]): Array<{ field: string; variants: string[] }> => {
    const s = challenge.solution;
    return (challenge.fields ?? [])
      .filter((f) => f.kind === 'text')
      .map((f) => ({
        field: f.name,
        variants: s.type === 'QROCM-ind' ? (s.fields[f.name] ?? []) : 'variants' in s ? s.variants : [],
      }));
  };

  it('compares numeric answers as numbers: in a `nombre` challenge, a field with a number has only numbers', () => {
    for (const challenge of bank.filter((c) => c.format === 'nombre')) {
      const fields = textVariants(challenge).filter(({ variants }) =>
        variants.some((v) => parseNumber(v) !== null),
      );
      expect(fields.length, `${challenge.id}: no numeric field`).toBeGreaterThan(0);
      for (const { field, variants } of fields) {
        for (const variant of variants) {
          expect(parseNumber(variant), `${challenge.id}.${field}: ${variant}`).not.toBeNull();
        }
      }
    }
  });

  it('never lets T3 accept a wrong number: a free-text answer with figures is exact (T3 off) or numeric', () => {
    // T3 forgives one character in four: with it, "2023" would pass for "2024" and "9 h 35" for "9 h 30".
    for (const challenge of bank) {
      const s = challenge.solution;
      if (!('deactivations' in s) || s.deactivations.t3) continue;
      for (const { field, variants } of textVariants(challenge)) {
        const numeric = challenge.format === 'nombre' && variants.every((v) => parseNumber(v) !== null);
        if (numeric) continue;
        for (const variant of variants) {
          const treated = applyTreatments(variant, {
            t1: !s.deactivations.t1,
            t2: !s.deactivations.t2,
            t3: true,
          });
          if (/[0-9]/.test(treated)) {
            expect(treated.length, `${challenge.id}.${field}: "${variant}" needs T3 off`).toBeLessThan(4);
          }
        }
      }
    }
  });

  it('has QROCM-dep variants that are different answers once treated', () => {
    for (const challenge of bank) {
      const s = challenge.solution;
      if (s.type !== 'QROCM-dep') continue;
      const treated = s.variants.map((v) =>
        applyTreatments(v, { t1: !s.deactivations.t1, t2: !s.deactivations.t2, t3: false }),
      );
      expect(new Set(treated).size, challenge.id).toBe(treated.length);
    }
  });

  it('keeps focused challenges answerable without leaving them (no file, website or simulator)', () => {
    for (const challenge of bank.filter((c) => c.focused)) {
      expect(challenge.attachments, challenge.id).toEqual([]);
      expect(browserUrls(challenge), challenge.id).toEqual([]);
      expect(challenge.embed, challenge.id).toBeUndefined();
    }
  });

  it("accepts the solution as a student types it, and refuses a student's mistake", () => {
    const accessibility = { accessibilityAdjustment: false };
    const none = { skipped: false, timedOut: false, focusedOut: false };
    for (const challenge of bank) {
      const check = createAnswerChecker(challenge);
      for (const seed of SEEDS) {
        const random = seededRandom(seed);
        const right = simulatedAnswer(challenge, true, random);
        expect(
          check(right, none, accessibility),
          `${challenge.id} (seed ${seed}): ${JSON.stringify(right)}`,
        ).toBe('ok');
        const wrong = simulatedAnswer(challenge, false, random);
        expect(
          check(wrong, none, accessibility),
          `${challenge.id} (seed ${seed}): ${JSON.stringify(wrong)}`,
        ).toBe('ko');
      }
    }
  });

  it('accepts every listed variant of every field', () => {
    const options = { accessibilityAdjustment: false };
    const none = { skipped: false, timedOut: false, focusedOut: false };
    for (const challenge of bank) {
      const s = challenge.solution;
      const check = createAnswerChecker(challenge);
      const fields = challenge.fields ?? [];
      if (s.type === 'QROC') {
        for (const variant of s.variants) {
          const value = { type: 'fields' as const, fields: { [fields[0]?.name ?? '']: variant } };
          expect(check(value, none, options), `${challenge.id}: ${variant}`).toBe('ok');
        }
      }
      if (s.type === 'QROCM-ind') {
        const first = Object.fromEntries(fields.map((f) => [f.name, s.fields[f.name]?.[0] ?? '']));
        for (const field of fields) {
          for (const variant of s.fields[field.name] ?? []) {
            const value = { type: 'fields' as const, fields: { ...first, [field.name]: variant } };
            expect(check(value, none, options), `${challenge.id}.${field.name}: ${variant}`).toBe('ok');
          }
        }
      }
    }
  });
});

describe('the demo session and its candidates', () => {
  const certifiable = candidates.filter((c) => isCertifiable(c.profile));
  const ageOn = (birthdate: string, day: string) => {
    const [by, bm, bd] = birthdate.split('-').map(Number);
    const [y, m, d] = day.split('-').map(Number);
    return (y ?? 0) - (by ?? 0) - ((m ?? 0) < (bm ?? 0) || (m === bm && (d ?? 0) < (bd ?? 0)) ? 1 : 0);
  };

  it('describes the session: centre, address, room, date, time and examiner', () => {
    expect(demo.centre.name).toBe('Collège Jean Moulin');
    expect(demo.session.address).toMatch(/Lyon/);
    expect(demo.session.room).not.toBe('');
    expect(demo.session.examiner).not.toBe('');
  });

  it('has about thirty collège-age candidates with varied profiles and accommodations', () => {
    expect(candidates.length).toBeGreaterThanOrEqual(28);
    expect(candidates.length).toBeLessThanOrEqual(35);
    for (const c of candidates) {
      const age = ageOn(c.birthdate, demo.session.date);
      expect(age, `${c.firstName} ${c.lastName}`).toBeGreaterThanOrEqual(12);
      expect(age, `${c.firstName} ${c.lastName}`).toBeLessThanOrEqual(19);
    }
    const tested = (c: (typeof candidates)[number]) => certifiableCompetences(c.profile).length;
    expect(certifiable.filter((c) => tested(c) === 5).length).toBeGreaterThanOrEqual(2);
    expect(certifiable.filter((c) => tested(c) === 16).length).toBeGreaterThanOrEqual(2);
    expect(candidates.filter((c) => c.extraTimePercentage > 0).length).toBeGreaterThanOrEqual(3);
    expect(candidates.filter((c) => c.accessibilityAdjustment).length).toBeGreaterThanOrEqual(2);
    const above5 = candidates.filter((c) => c.profile.competences.some((p) => levelFromPix(p.pix) > 5));
    expect(above5.length).toBeGreaterThanOrEqual(2);
    const levels = new Set(candidates.flatMap((c) => c.profile.competences.map((p) => levelFromPix(p.pix))));
    for (const level of DEMO_LEVELS) expect(levels.has(level), `level ${level}`).toBe(true);
  });

  it('have profiles whose validated skills exist in the bank, at or below their level', () => {
    const competenceOfSkill = new Map(bank.map((c) => [c.skill, c.competence]));
    for (const candidate of candidates) {
      const levels = new Map(candidate.profile.competences.map((c) => [c.code, levelFromPix(c.pix)]));
      for (const skill of candidate.profile.validatedSkills) {
        const code = competenceOfSkill.get(skill);
        expect(code, `${candidate.firstName} ${candidate.lastName}: ${skill}`).toBeDefined();
        expect(parseSkill(skill).difficulty, `${candidate.firstName}: ${skill}`).toBeLessThanOrEqual(
          levels.get(code ?? '1.1') ?? 0,
        );
      }
      for (const id of candidate.profile.answeredChallengeIds) {
        expect(
          bank.some((c) => c.id === id),
          `${candidate.firstName}: ${id}`,
        ).toBe(true);
      }
    }
  });

  it('generates a complete test for every certifiable candidate: 3 per competence, hardest validated skills first', () => {
    for (const candidate of certifiable) {
      const name = `${candidate.firstName} ${candidate.lastName} ${candidate.birthdate}`;
      for (const seed of SEEDS) {
        const test = generateTest({ profile: candidate.profile, bank: index, seed });
        const tested = certifiableCompetences(candidate.profile);
        expect(
          test.competences.map((c) => c.code),
          name,
        ).toEqual(tested.map((c) => c.code));
        expect(test.challenges.length, name).toBe(3 * tested.length);
        for (const { code } of tested) {
          const picks = test.challenges.filter((c) => c.competence === code);
          expect(picks.length, `${name} ${code}`).toBe(3);
          expect(new Set(picks.map((p) => p.skill)).size, `${name} ${code}`).toBe(3);
          const difficulties = picks.map((p) => p.difficulty);
          expect(difficulties, `${name} ${code}`).toEqual([...difficulties].sort((a, b) => b - a));
          const hardest = Math.max(
            ...candidate.profile.validatedSkills
              .filter((s) => index.skills.get(s)?.competence === code)
              .map((s) => parseSkill(s).difficulty),
          );
          expect(difficulties[0], `${name} ${code}`).toBe(hardest);
        }
      }
    }
  });

  it('avoids the challenges a candidate already answered in positioning when the skill has another', () => {
    const answeredSome = certifiable.filter((c) => c.profile.answeredChallengeIds.length > 0);
    expect(answeredSome.length).toBeGreaterThanOrEqual(3);
    for (const candidate of answeredSome) {
      for (const seed of SEEDS) {
        const test = generateTest({ profile: candidate.profile, bank: index, seed });
        for (const picked of test.challenges) {
          const others =
            index.skills.get(picked.skill)?.operative.filter((c) => c.id !== picked.challengeId) ?? [];
          const fresh = others.filter((c) => !candidate.profile.answeredChallengeIds.includes(c.id));
          if (candidate.profile.answeredChallengeIds.includes(picked.challengeId)) {
            expect(fresh, `${candidate.firstName}: ${picked.challengeId}`).toEqual([]);
          }
        }
      }
    }
  });

  it('refuses the one candidate who is not certifiable, with the reason', () => {
    const refused = candidates.filter((c) => !isCertifiable(c.profile));
    expect(refused.map((c) => `${c.firstName} ${c.lastName}`)).toEqual(['Noah Petit']);
    const [noah] = refused;
    if (!noah) throw new Error('no candidate is refused');
    let error: unknown;
    try {
      generateTest({ profile: noah.profile, bank: index, seed: 7 });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(NotCertifiableError);
    expect((error as NotCertifiableError).competencesAtLevelOneOrMore).toBe(3);
    expect((error as Error).message).toMatch(/at least 5/);
  });

  it('caps the certified levels at 5 for a candidate above level 5 (maxReachableLevel)', () => {
    const strongest = candidates.find((c) => c.firstName === 'Camille' && c.lastName === 'Fontaine');
    if (!strongest) throw new Error('Camille Fontaine is missing');
    const test = generateTest({ profile: strongest.profile, bank: index, seed: 5 });
    const score = scoreCertification({
      profile: { competences: strongest.profile.competences },
      asked: test.challenges.map((c) => ({
        challengeId: c.challengeId,
        competence: c.competence,
        status: 'ok' as const,
        neutralized: false,
      })),
      completion: { finished: true },
    });
    expect(strongest.profile.competences.some((c) => levelFromPix(c.pix) > 5)).toBe(true);
    for (const c of score.competences) {
      expect(c.level, c.code).toBeLessThanOrEqual(5);
      expect(c.pix, c.code).toBeLessThanOrEqual(5 * PIX_PER_LEVEL);
    }
  });

  it('include two homonyms told apart by their birthdate', () => {
    const jades = candidates.filter((c) => c.firstName === 'Jade' && c.lastName === 'Moreau');
    expect(jades).toHaveLength(2);
    expect(new Set(jades.map((c) => c.birthdate)).size).toBe(2);
  });
});

describe('demo-site addresses', () => {
  const sitesDir = demo.sitesDir;

  it('map https://<site>.pix-demo.test/<path> to sites/<site>/<path>, and a folder to its index.html', () => {
    expect(demoSiteFile('https://mediatheque.pix-demo.test/horaires.html', sitesDir)).toEqual({
      site: 'mediatheque',
      file: path.join(sitesDir, 'mediatheque', 'horaires.html'),
    });
    expect(demoSiteFile('https://college.pix-demo.test', sitesDir)?.file).toBe(
      path.join(sitesDir, 'college', 'index.html'),
    );
    expect(
      demoSiteFile('https://encyclo.pix-demo.test/articles/mont-blanc.html?x=1#haut', sitesDir)?.file,
    ).toBe(path.join(sitesDir, 'encyclo', 'articles', 'mont-blanc.html'));
  });

  it('refuse other hosts, other schemes and paths that climb out of the site', () => {
    for (const address of [
      'https://example.org/',
      'https://pix-demo.test/',
      'https://a.b.pix-demo.test/',
      'file:///etc/passwd',
      'https://college.pix-demo.test/..%2f..%2fload-demo.ts',
      'https://college.pix-demo.test/a%00.html',
      'not a url',
    ]) {
      expect(demoSiteFile(address, sitesDir), address).toBeNull();
    }
    // URL parsing resolves encoded dot segments against the site's root: they never leave it.
    expect(demoSiteFile('https://college.pix-demo.test/%2e%2e/%2e%2e/load-demo.ts', sitesDir)?.file).toBe(
      path.join(sitesDir, 'college', 'load-demo.ts'),
    );
  });
});
