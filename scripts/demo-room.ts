// `npm run demo -- --offline`: the whole demo room at once, without server or station: each certifiable
// candidate's test is generated from their profile, answered by a simulated candidate, checked and
// scored as the server does, and given a certificate with its verification code. (`npm run demo` runs
// the real server and station: scripts/demo.ts.)
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
import { certifiableCompetences } from '../core/profile/profile.ts';
import { scoreCertification } from '../core/scoring/score-certification.ts';
import { loadDemoData } from '../resources/demo/load-demo.ts';
import { simulatedAnswer } from './demo/simulated-candidate.ts';

const demo = loadDemoData();
const { bank } = demo;
const index = indexBank(bank);
const byId = new Map(bank.map((c) => [c.id, c]));

const line = (text = '') => console.log(text);
const STATUS_FR = { validated: 'validée', rejected: 'rejetée', cancelled: 'annulée' } as const;
const OUTCOME_FR = { validate: 'validée', downgrade: 'rétrogradée', invalidate: 'invalidée' } as const;
const pad = (text: string, width: number) => text.padEnd(width);

line(`Session de certification Pix — démonstration`);
line(
  `${demo.centre.name} (${demo.session.address}), ${demo.session.room}, le ${demo.session.date} à ${demo.session.time} — surveillant : ${demo.session.examiner}`,
);
line(
  `Code d’accès candidats : ${generateAccessCode()}   Mot de passe surveillant : ${generateInvigilatorPassword()}`,
);
line(`Banque : ${bank.length} épreuves ; ${demo.candidates.length} candidats inscrits.`);

for (const candidate of demo.candidates) {
  line();
  const extra = candidate.extraTimePercentage ? `, temps majoré de ${candidate.extraTimePercentage} %` : '';
  const adjusted = candidate.accessibilityAdjustment ? ', aménagement accessibilité' : '';
  line(`■ ${candidate.firstName} ${candidate.lastName} (né·e le ${candidate.birthdate}${extra}${adjusted})`);
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
    // Now and then the timer runs out, or the candidate leaves a focused challenge (forgiven with the
    // accessibility adjustment).
    const timedOut = challenge.timer !== undefined && random.int(0, 9) === 0;
    const focusedOut = challenge.focused && random.int(0, 4) === 0;
    const value = simulatedAnswer(challenge, right, random);
    const status = createAnswerChecker(challenge)(
      skipped ? null : value,
      { skipped, timedOut, focusedOut },
      { accessibilityAdjustment: candidate.accessibilityAdjustment },
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
