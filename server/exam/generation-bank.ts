// What test generation read from the centre's bank, kept with each test package so that the test can be
// regenerated for audit from its recorded seed and profile (DOMAIN.md §3) whatever the bank became: an
// import changes the live bank in place, never this. Core's generation (bank-index.ts, generate-test.ts)
// reads only the operative challenges (validated or archived), and of each only its id, its skill (tube
// and difficulty) and its competence: that is all this holds, grouped by skill. Stored once per distinct
// content under the SHA-256 of its canonical JSON, so every test drawn from one bank state shares a copy.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { ChallengeIdSchema, type Challenge } from '../../core/challenge/challenge.ts';
import { CompetenceCodeSchema } from '../../core/framework/crcn.ts';
import { SkillNameSchema } from '../../core/framework/skill.ts';
import type { BankIndex } from '../../core/generation/bank-index.ts';
import { canonicalJson } from '../../core/hashing/canonical-hash.ts';
import type { StoredGenerationBank } from '../storage/repositories.ts';

export const GenerationBankSchema = z
  .object({
    formatVersion: z.literal(1),
    /** Sorted by skill name; only skills with an operative challenge. */
    skills: z.array(
      z
        .object({
          skill: SkillNameSchema,
          competence: CompetenceCodeSchema,
          /** The skill's operative challenges, by id (the order generation draws them in). */
          challenges: z.array(ChallengeIdSchema).min(1),
        })
        .strict(),
    ),
  })
  .strict();
export type GenerationBank = z.infer<typeof GenerationBankSchema>;

const byIndex = new WeakMap<BankIndex, StoredGenerationBank>();

/** The generation input of an indexed bank, built once per index (once per bank version). */
export function generationBankOf(index: BankIndex): StoredGenerationBank {
  const known = byIndex.get(index);
  if (known) return known;
  const skills = [...index.skills.values()]
    .filter((skill) => skill.operative.length > 0)
    .map((skill) => ({
      skill: skill.name,
      competence: skill.competence,
      challenges: skill.operative.map((c) => c.id).sort(byCodeUnit),
    }))
    .sort((a, b) => byCodeUnit(a.skill, b.skill));
  const stored = storedGenerationBank({ formatVersion: 1, skills });
  byIndex.set(index, stored);
  return stored;
}

export function storedGenerationBank(bank: GenerationBank): StoredGenerationBank {
  const content = canonicalJson(bank);
  return { hash: generationBankHash(content), content };
}

/** SHA-256 of the stored text, in hex: the key it is stored under. */
export function generationBankHash(content: string): string {
  return createHash('sha256').update(content, 'utf8').digest('hex');
}

/**
 * The bank to give core's generateTest to draw as it did: each recorded challenge as a stand-in that has
 * its id, skill, competence and an operative status, the rest a placeholder generation never reads
 * (generateTest indexes it with core's own indexBank, as it indexed the live bank).
 */
export function drawableBank(bank: GenerationBank): Challenge[] {
  return bank.skills.flatMap(({ skill, competence, challenges }) =>
    challenges.map((id) => standIn(id, skill, competence)),
  );
}

function standIn(id: string, skill: Challenge['skill'], competence: Challenge['competence']): Challenge {
  return {
    id,
    skill,
    competence,
    status: 'validated',
    type: 'QROC',
    instruction: '(audit stand-in: generation reads only the id, skill and competence)',
    proposals: '${r}',
    fields: [{ kind: 'text', name: 'r' }],
    attachments: [],
    focused: false,
    format: 'texte',
    shuffled: false,
    locale: 'fr-fr',
    solution: { type: 'QROC', variants: ['-'], deactivations: { t1: false, t2: false, t3: false } },
  };
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
