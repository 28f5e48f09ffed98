// Hand-made challenges for tests that need to control skills, competences and statuses exactly.
import type { Challenge, ChallengeStatus } from '../challenge/challenge.ts';
import type { CompetenceCode } from '../framework/crcn.ts';
import type { SkillName } from '../framework/skill.ts';

/** A minimal valid QCU (passes ChallengeSchema). */
export function qcuChallenge(options: {
  id: string;
  skill: SkillName;
  competence: CompetenceCode;
  status?: ChallengeStatus;
}): Challenge {
  return {
    id: options.id,
    competence: options.competence,
    skill: options.skill,
    type: 'QCU',
    instruction: `Question ${options.id}`,
    choices: [
      { id: '1', text: 'Oui' },
      { id: '2', text: 'Non' },
    ],
    attachments: [],
    focused: false,
    format: 'texte',
    shuffled: false,
    locale: 'fr-fr',
    status: options.status ?? 'validated',
    solution: { type: 'QCU', value: '1' },
  };
}
