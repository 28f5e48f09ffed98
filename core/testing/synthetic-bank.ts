// A deterministic synthetic challenge bank and candidate profiles, for tests, the benchmark and the
// demo: realistic in shape (16 competences, tubes of skills 1–8, every challenge format), never real
// content. Same options and seed → same bank, so a failing case can be replayed.
import type { Challenge, ChallengeType, Deactivations, Field, Solution } from '../challenge/challenge.ts';
import { CHALLENGE_TYPES, isOperative } from '../challenge/challenge.ts';
import { COMPETENCE_CODES, MAX_LEVEL, PIX_PER_LEVEL } from '../framework/crcn.ts';
import type { CompetenceCode } from '../framework/crcn.ts';
import { parseSkill } from '../framework/skill.ts';
import type { SkillName } from '../framework/skill.ts';
import type { Profile } from '../profile/profile.ts';
import { seededRandom } from '../generation/seeded-random.ts';
import type { SeededRandom } from '../generation/seeded-random.ts';

/** The bank size the benchmark uses. */
export const SYNTHETIC_BENCH_BANK_SIZE = 5000;
/** One tube stem per competence; tubes are the stem plus a suffix (`@rechercheOutils3`). */
export const SYNTHETIC_TUBE_STEMS: Readonly<Record<CompetenceCode, string>> = {
  '1.1': 'recherche',
  '1.2': 'stockage',
  '1.3': 'tableur',
  '2.1': 'messagerie',
  '2.2': 'publication',
  '2.3': 'collaboration',
  '2.4': 'citoyennete',
  '3.1': 'traitementTexte',
  '3.2': 'multimedia',
  '3.3': 'formats',
  '3.4': 'programmation',
  '4.1': 'securite',
  '4.2': 'viePrivee',
  '4.3': 'sante',
  '5.1': 'depannage',
  '5.2': 'systeme',
};
export const SYNTHETIC_TUBE_SUFFIXES = [
  'Bases',
  'Outils',
  'Usages',
  'Regles',
  'Pratiques',
  'Avances',
] as const;
export const SYNTHETIC_MIN_TUBES_PER_COMPETENCE = 3;

const WORDS = [
  'navigateur',
  'moteur',
  'fichier',
  'dossier',
  'sauvegarde',
  'courriel',
  'cellule',
  'pixel',
  'lien',
  'serveur',
  'pare-feu',
  'cookie',
  'licence',
  'format',
  'mot de passe',
  'extension',
] as const;

const INSTRUCTIONS = [
  'Recherchez sur le web la réponse à la question suivante.',
  'Ouvrez le document fourni et répondez à la question.',
  'Observez la situation décrite puis choisissez la bonne réponse.',
  "Utilisez l'outil de votre choix pour trouver l'information demandée.",
] as const;

interface SyntheticSkill {
  name: SkillName;
  competence: CompetenceCode;
  difficulty: number;
}

/** Tubes per competence, each with a run of difficulties; the first tube spans 1 to 8. */
function skeleton(random: SeededRandom): SyntheticSkill[][] {
  return COMPETENCE_CODES.map((competence) => {
    const tubeCount = random.int(SYNTHETIC_MIN_TUBES_PER_COMPETENCE, SYNTHETIC_TUBE_SUFFIXES.length);
    const skills: SyntheticSkill[] = [];
    for (let t = 0; t < tubeCount; t++) {
      const tube = `@${SYNTHETIC_TUBE_STEMS[competence]}${SYNTHETIC_TUBE_SUFFIXES[t]}`;
      const low = t === 0 ? 1 : random.int(1, 3);
      const high = t === 0 ? MAX_LEVEL : random.int(5, MAX_LEVEL);
      for (let difficulty = low; difficulty <= high; difficulty++) {
        // Real tubes have gaps; keep the ends so that each tube spans its range.
        if (t > 0 && difficulty !== low && difficulty !== high && random.int(1, 100) <= 15) continue;
        skills.push({ name: `${tube}${difficulty}`, competence, difficulty });
      }
    }
    // Easiest first, so that a small bank still offers every competence its low levels.
    return skills.sort((a, b) => a.difficulty - b.difficulty || (a.name < b.name ? -1 : 1));
  });
}

/** Interleaves competences (one skill of each in turn), so any bank of 16+ challenges covers all 16. */
function interleave(perCompetence: SyntheticSkill[][]): SyntheticSkill[] {
  const out: SyntheticSkill[] = [];
  const longest = Math.max(...perCompetence.map((skills) => skills.length));
  for (let round = 0; round < longest; round++) {
    for (const skills of perCompetence) {
      const skill = skills[round];
      if (skill) out.push(skill);
    }
  }
  return out;
}

function percent(random: SeededRandom, chance: number): boolean {
  return random.int(1, 100) <= chance;
}

function deactivations(random: SeededRandom): Deactivations {
  return { t1: percent(random, 5), t2: percent(random, 5), t3: percent(random, 10) };
}

function word(random: SeededRandom): string {
  return random.pick(WORDS);
}

function distinctWords(random: SeededRandom, count: number): string[] {
  return random.shuffle(WORDS).slice(0, count);
}

type Content = Pick<Challenge, 'choices' | 'proposals' | 'fields' | 'format' | 'shuffled'> & {
  solution: Solution;
};

function content(type: ChallengeType, random: SeededRandom): Content {
  const base = { format: 'texte' as const, shuffled: false };
  switch (type) {
    case 'QCU': {
      const choices = distinctWords(random, random.int(3, 5)).map((text, i) => ({ id: String(i + 1), text }));
      return {
        ...base,
        choices,
        shuffled: percent(random, 30),
        solution: { type, value: random.pick(choices).id },
      };
    }
    case 'QCM': {
      const choices = distinctWords(random, random.int(4, 5)).map((text, i) => ({ id: String(i + 1), text }));
      const right = random
        .shuffle(choices.map((c) => c.id))
        .slice(0, random.int(2, 3))
        .sort();
      return { ...base, choices, shuffled: percent(random, 30), solution: { type, value: right.join(',') } };
    }
    case 'QROC': {
      const roll = random.int(1, 100);
      if (roll <= 20) {
        const options = distinctWords(random, 3);
        const fields: Field[] = [{ kind: 'select', name: 'reponse', options }];
        return {
          ...base,
          fields,
          proposals: 'Choisissez : ${reponse}',
          solution: { type, variants: [random.pick(options)], deactivations: deactivations(random) },
        };
      }
      const fields: Field[] = [{ kind: 'text', name: 'reponse', label: 'Réponse' }];
      if (roll <= 45) {
        const whole = random.int(2, 2000);
        const tenths = random.int(1, 9);
        return {
          ...base,
          format: 'nombre',
          fields,
          proposals: 'Valeur trouvée : ${reponse}',
          solution: {
            type,
            variants: percent(random, 50) ? [String(whole)] : [`${whole},${tenths}`, `${whole}.${tenths}`],
            deactivations: deactivations(random),
          },
        };
      }
      const answer = word(random);
      return {
        ...base,
        fields,
        proposals: 'Votre réponse : ${reponse}',
        solution: {
          type,
          variants: [answer, answer.replace(/ /g, '')],
          deactivations: deactivations(random),
        },
      };
    }
    case 'QROCM-ind': {
      const count = random.int(2, 3);
      const fields: Field[] = [];
      const accepted: Record<string, string[]> = {};
      for (let i = 1; i <= count; i++) {
        const name = `champ${i}`;
        if (i === 1 && percent(random, 30)) {
          const options = distinctWords(random, 4);
          fields.push({ kind: 'select', name, options });
          accepted[name] = [random.pick(options)];
        } else {
          fields.push({ kind: 'text', name });
          accepted[name] = [word(random)];
        }
      }
      return {
        ...base,
        fields,
        proposals: fields.map((f, i) => `Élément ${i + 1} : \${${f.name}}`).join('\n\n'),
        solution: { type, fields: accepted, deactivations: deactivations(random) },
      };
    }
    case 'QROCM-dep': {
      const count = random.int(2, 3);
      const fields: Field[] = Array.from({ length: count }, (_, i) => ({
        kind: 'text',
        name: `element${i + 1}`,
      }));
      return {
        ...base,
        fields,
        proposals: `Citez ${count} exemples : ${fields.map((f) => `\${${f.name}}`).join(' ')}`,
        solution: {
          type,
          variants: distinctWords(random, count + random.int(0, 2)),
          deactivations: deactivations(random),
        },
      };
    }
  }
}

const ID_CHARACTERS = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'];

/**
 * `size` challenges over the 16 competences. Every challenge passes ChallengeSchema; the first challenge
 * of each skill is validated (so every skill present has an operative challenge), later ones are
 * sometimes archived, obsolete or draft.
 */
export function syntheticBank(options: { size: number; seed: number }): Challenge[] {
  const { size, seed } = options;
  if (!Number.isInteger(size) || size < 0)
    throw new RangeError(`syntheticBank: size must be a whole number ≥ 0`);
  const random = seededRandom(seed);
  const skills = interleave(skeleton(random));
  const seen = new Set<SkillName>();
  const bank: Challenge[] = [];
  for (let i = 0; i < size; i++) {
    const skill = skills[i % skills.length] as SyntheticSkill;
    // The first five challenges cover the five formats, whatever the size.
    const type = i < CHALLENGE_TYPES.length ? (CHALLENGE_TYPES[i] as ChallengeType) : pickType(random);
    const first = !seen.has(skill.name);
    seen.add(skill.name);
    const roll = random.int(1, 100);
    const status =
      first || roll > 8 ? 'validated' : roll <= 4 ? 'archived' : roll <= 7 ? 'obsolete' : 'draft';
    const suffix = Array.from({ length: 5 }, () => random.pick(ID_CHARACTERS)).join('');
    const challenge: Challenge = {
      id: `rec${i.toString(36).padStart(5, '0')}${suffix}`,
      competence: skill.competence,
      skill: skill.name,
      type,
      instruction: `${random.pick(INSTRUCTIONS)}\n\n*Question ${i + 1} (${skill.name}).*`,
      attachments: [],
      focused: percent(random, 10),
      locale: 'fr-fr',
      status,
      ...content(type, random),
    };
    if (percent(random, 10)) challenge.timer = random.int(6, 30) * 10;
    bank.push(challenge);
  }
  return bank;
}

function pickType(random: SeededRandom): ChallengeType {
  const roll = random.int(1, 100);
  if (roll <= 35) return 'QCU';
  if (roll <= 55) return 'QCM';
  if (roll <= 80) return 'QROC';
  if (roll <= 90) return 'QROCM-ind';
  return 'QROCM-dep';
}

/**
 * A valid profile over `bank`: `competences` (default 16) competences at level ≥ 1, each with every
 * bank skill up to its level validated, and about half of those skills with a challenge already
 * answered in positioning. The level is at least the competence's easiest skill in the bank, so that
 * generation always finds challenges. Other competences may appear at level 0.
 */
export function syntheticProfile(
  bank: readonly Challenge[],
  options: { seed: number; competences?: number },
): Profile {
  const wanted = options.competences ?? COMPETENCE_CODES.length;
  if (!Number.isInteger(wanted) || wanted < 0 || wanted > COMPETENCE_CODES.length) {
    throw new RangeError(
      `syntheticProfile: competences must be a whole number from 0 to ${COMPETENCE_CODES.length}`,
    );
  }
  const random = seededRandom(options.seed);
  const skills = new Map<SkillName, { competence: CompetenceCode; difficulty: number; ids: string[] }>();
  const easiest = new Map<CompetenceCode, number>();
  for (const challenge of bank) {
    const { difficulty } = parseSkill(challenge.skill);
    const entry = skills.get(challenge.skill) ?? { competence: challenge.competence, difficulty, ids: [] };
    entry.ids.push(challenge.id);
    skills.set(challenge.skill, entry);
    if (isOperative(challenge)) {
      easiest.set(challenge.competence, Math.min(difficulty, easiest.get(challenge.competence) ?? MAX_LEVEL));
    }
  }
  const available = COMPETENCE_CODES.filter((code) => easiest.has(code));
  if (wanted > available.length) {
    throw new RangeError(
      `syntheticProfile: the bank has operative challenges in ${available.length} competences only`,
    );
  }
  const chosen = new Set(random.shuffle(available).slice(0, wanted));
  const levels = new Map<CompetenceCode, number>();
  const competences: Profile['competences'] = [];
  for (const code of COMPETENCE_CODES) {
    if (chosen.has(code)) {
      const level = Math.max(easiest.get(code) ?? 1, random.int(1, MAX_LEVEL));
      levels.set(code, level);
      competences.push({ code, pix: level * PIX_PER_LEVEL + (level === MAX_LEVEL ? 0 : random.int(0, 7)) });
    } else if (percent(random, 50)) {
      competences.push({ code, pix: random.int(0, PIX_PER_LEVEL - 1) });
    }
  }
  const validatedSkills: SkillName[] = [];
  const answeredChallengeIds: string[] = [];
  for (const [name, { competence, difficulty, ids }] of [...skills].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (difficulty > (levels.get(competence) ?? 0)) continue;
    validatedSkills.push(name);
    if (percent(random, 50)) answeredChallengeIds.push(random.pick(ids));
  }
  return { competences, validatedSkills, answeredChallengeIds };
}
