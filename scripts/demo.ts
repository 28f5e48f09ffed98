// `npm run demo`: a demo certification session on the embedded defaults (resources/demo/). Each
// certifiable candidate's test is generated from their profile, answered by a simulated candidate,
// checked and scored as the server does, and given a certificate with its verification code.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ChallengeSchema, type Challenge } from '../core/challenge/challenge.ts';
import { createAnswerChecker } from '../core/checking/check-answer.ts';
import { generateAccessCode } from '../core/codes/access-code.ts';
import { generateInvigilatorPassword } from '../core/codes/invigilator-password.ts';
import { generateVerificationCode } from '../core/codes/verification-code.ts';
import { competence, levelFromPix } from '../core/framework/crcn.ts';
import { parseSkill } from '../core/framework/skill.ts';
import { indexBank } from '../core/generation/bank-index.ts';
import { generateTest } from '../core/generation/generate-test.ts';
import { NotCertifiableError } from '../core/generation/generation-errors.ts';
import { newSeed, seededRandom } from '../core/generation/seeded-random.ts';
import { ProfileSchema, certifiableCompetences } from '../core/profile/profile.ts';
import { scoreCertification } from '../core/scoring/score-certification.ts';
import { parseInput } from '../core/validation/describe-issues.ts';
import { simulatedAnswer } from './demo/simulated-candidate.ts';

const demoDir = path.resolve(import.meta.dirname, '..', 'resources', 'demo');

const DemoSessionSchema = z.object({
  centre: z.object({ name: z.string(), city: z.string().optional() }).loose(),
  session: z
    .object({
      room: z.string(),
      date: z.string(),
      time: z.string(),
      examiner: z.string(),
      address: z.string().optional(),
    })
    .loose(),
  candidates: z.array(
    z
      .object({
        firstName: z.string(),
        lastName: z.string(),
        birthdate: z.string(),
        extraTimePercentage: z.number(),
        accessibilityAdjustment: z.boolean(),
        profile: ProfileSchema,
      })
      .loose(),
  ),
});

const readJson = (file: string): unknown => JSON.parse(readFileSync(path.join(demoDir, file), 'utf8'));
const bank: Challenge[] = parseInput(
  z.array(ChallengeSchema),
  readJson('challenges.json'),
  'demo challenge bank',
);
const demo = parseInput(DemoSessionSchema, readJson('session.json'), 'demo session');
const index = indexBank(bank);
const byId = new Map(bank.map((c) => [c.id, c]));

const line = (text = '') => console.log(text);
const STATUS_FR = { validated: 'validée', rejected: 'rejetée', cancelled: 'annulée' } as const;
const OUTCOME_FR = { validate: 'validée', downgrade: 'rétrogradée', invalidate: 'invalidée' } as const;
const pad = (text: string, width: number) => text.padEnd(width);

line(`Session de certification Pix — démonstration`);
line(
  `${demo.centre.name}, salle ${demo.session.room}, le ${demo.session.date} à ${demo.session.time} — surveillant : ${demo.session.examiner}`,
);
line(
  `Code d'accès candidats : ${generateAccessCode()}   Mot de passe surveillant : ${generateInvigilatorPassword()}`,
);
line(`Banque : ${bank.length} épreuves ; ${demo.candidates.length} candidats inscrits.`);

for (const candidate of demo.candidates) {
  line();
  const extra = candidate.extraTimePercentage ? `, tiers-temps ${candidate.extraTimePercentage} %` : '';
  line(`■ ${candidate.firstName} ${candidate.lastName} (né·e le ${candidate.birthdate}${extra})`);
  const seed = newSeed();
  let test;
  try {
    test = generateTest({ profile: candidate.profile, bank: index, seed });
  } catch (error) {
    if (error instanceof NotCertifiableError) {
      const n = certifiableCompetences(candidate.profile).length;
      line(
        `  Non certifiable : ${n} compétence(s) au niveau 1 ou plus, il en faut au moins 5. Le candidat ne peut pas rejoindre la session.`,
      );
      continue;
    }
    throw error;
  }
  line(
    `  Test généré (graine ${seed}) : ${test.challenges.length} épreuves sur ${test.competences.length} compétences.`,
  );

  // The simulated candidate is right more often on skills at or below their level.
  const random = seededRandom(seed);
  const levels = new Map(candidate.profile.competences.map((c) => [c.code, levelFromPix(c.pix)]));
  const statuses = test.challenges.map((picked) => {
    const challenge = byId.get(picked.challengeId);
    if (!challenge) throw new Error(`challenge ${picked.challengeId} missing from the bank`);
    const level = levels.get(challenge.competence) ?? 0;
    const right = random.int(0, 99) < (parseSkill(challenge.skill).difficulty <= level ? 85 : 35);
    const skipped = !right && random.int(0, 9) === 0;
    const value = simulatedAnswer(challenge, right, random);
    const status = createAnswerChecker(challenge)(
      skipped ? null : value,
      { skipped, timedOut: false, focusedOut: false },
      {
        accessibilityAdjustment: candidate.accessibilityAdjustment,
      },
    );
    return { challengeId: challenge.id, competence: challenge.competence, status, neutralized: false };
  });
  const counts = statuses.reduce<Record<string, number>>(
    (acc, s) => ({ ...acc, [s.status]: (acc[s.status] ?? 0) + 1 }),
    {},
  );
  line(
    `  Réponses : ${Object.entries(counts)
      .map(([k, v]) => `${v} ${k}`)
      .join(', ')}`,
  );

  const score = scoreCertification({
    profile: { competences: candidate.profile.competences },
    asked: statuses,
    completion: { finished: true },
  });
  line(
    `  Taux de reproductibilité : ${score.reproducibilityRate} %   Certification : ${STATUS_FR[score.status]}   Score : ${score.pixScore} Pix`,
  );
  for (const c of score.competences) {
    line(
      `    ${c.code} ${pad(competence(c.code).label.fr, 52)} ${pad(OUTCOME_FR[c.outcome], 11)} niveau ${c.level} (${c.pix} Pix)`,
    );
  }
  if (score.status === 'validated')
    line(`  Certificat délivré — code de vérification : ${generateVerificationCode()}`);
  else line(`  Pas de certificat (${score.reasons.join(', ')}).`);
}
