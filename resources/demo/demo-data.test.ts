// The embedded demo data must stay valid: the demo, the end-to-end tests and newcomers rely on it.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ChallengeSchema, isOperative } from '../../core/challenge/challenge.ts';
import { levelFromPix } from '../../core/framework/crcn.ts';
import { parseSkill } from '../../core/framework/skill.ts';
import { ProfileSchema, certifiableCompetences, isCertifiable } from '../../core/profile/profile.ts';

const dir = import.meta.dirname;
const bank = z
  .array(ChallengeSchema)
  .parse(JSON.parse(readFileSync(path.join(dir, 'challenges.json'), 'utf8')));
const session = JSON.parse(readFileSync(path.join(dir, 'session.json'), 'utf8')) as {
  candidates: Array<{ firstName: string; lastName: string; birthdate: string; profile: unknown }>;
};

describe('the demo challenge bank', () => {
  it('has every format at least 3 times', () => {
    for (const type of ['QCU', 'QCM', 'QROC', 'QROCM-ind', 'QROCM-dep']) {
      expect(bank.filter((c) => c.type === type).length, type).toBeGreaterThanOrEqual(3);
    }
  });

  it('covers selects, numbers, timers, focused and shuffled challenges, treatments off, an embed, archived and obsolete ones', () => {
    expect(bank.filter((c) => c.fields?.some((f) => f.kind === 'select')).length).toBeGreaterThanOrEqual(2);
    expect(bank.filter((c) => c.format === 'nombre').length).toBeGreaterThanOrEqual(2);
    expect(bank.filter((c) => c.timer).length).toBeGreaterThanOrEqual(2);
    expect(bank.filter((c) => c.focused).length).toBeGreaterThanOrEqual(2);
    expect(bank.filter((c) => c.shuffled).length).toBeGreaterThanOrEqual(3);
    expect(bank.some((c) => 'deactivations' in c.solution && c.solution.deactivations.t1)).toBe(true);
    expect(
      bank.some(
        (c) => 'deactivations' in c.solution && (c.solution.deactivations.t2 || c.solution.deactivations.t3),
      ),
    ).toBe(true);
    expect(bank.some((c) => c.embed)).toBe(true);
    expect(bank.filter((c) => c.status === 'archived').length).toBeGreaterThanOrEqual(2);
    expect(bank.some((c) => c.status === 'obsolete')).toBe(true);
  });

  it('points at attachment and illustration files whose hash and size match', () => {
    const files = bank.flatMap((c) => [
      ...c.attachments.map((a) => ({ hash: a.hash, size: a.size as number | undefined, name: a.fileName })),
      ...(c.illustration
        ? [{ hash: c.illustration.hash, size: undefined, name: 'ecran-connexion.svg' }]
        : []),
    ]);
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const file of files) {
      const bytes = readFileSync(path.join(dir, 'attachments', file.name));
      expect(createHash('sha256').update(bytes).digest('hex'), file.name).toBe(file.hash);
      if (file.size !== undefined) expect(bytes.length, file.name).toBe(file.size);
    }
  });

  it('keeps each tube inside one competence', () => {
    const competenceOfTube = new Map<string, string>();
    for (const c of bank) {
      const { tube } = parseSkill(c.skill);
      expect(competenceOfTube.get(tube) ?? c.competence, tube).toBe(c.competence);
      competenceOfTube.set(tube, c.competence);
    }
  });
});

describe('the demo candidates', () => {
  const skillsInBank = new Map(bank.map((c) => [c.skill, c.competence]));

  it('have valid profiles whose skills exist and match their levels', () => {
    for (const candidate of session.candidates) {
      const profile = ProfileSchema.parse(candidate.profile);
      const levels = new Map(profile.competences.map((c) => [c.code, levelFromPix(c.pix)]));
      for (const skill of profile.validatedSkills) {
        const competence = skillsInBank.get(skill);
        expect(competence, `${candidate.firstName}: ${skill}`).toBeDefined();
        expect(parseSkill(skill).difficulty).toBeLessThanOrEqual(levels.get(competence ?? '1.1') ?? 0);
      }
    }
  });

  it('are all certifiable but Noah Petit, and each tested competence has an operative challenge', () => {
    const certifiable = session.candidates.filter((c) => isCertifiable(ProfileSchema.parse(c.profile)));
    expect(session.candidates.filter((c) => !certifiable.includes(c)).map((c) => c.firstName)).toEqual([
      'Noah',
    ]);
    for (const candidate of certifiable) {
      const profile = ProfileSchema.parse(candidate.profile);
      for (const { code } of certifiableCompetences(profile)) {
        const has = bank.some(
          (c) => c.competence === code && isOperative(c) && profile.validatedSkills.includes(c.skill),
        );
        expect(has, `${candidate.firstName} ${candidate.birthdate}: ${code}`).toBe(true);
      }
    }
  });

  it('include two homonyms told apart by their birthdate', () => {
    const jades = session.candidates.filter((c) => c.firstName === 'Jade' && c.lastName === 'Moreau');
    expect(new Set(jades.map((c) => c.birthdate)).size).toBe(2);
  });
});
