// Why a test cannot be generated, as typed errors the server can map to a clear answer.
import type { z } from 'zod';
import type { CompetenceCode } from '../framework/crcn.ts';
import { MIN_CERTIFIABLE_COMPETENCES } from '../profile/profile.ts';

/** The candidate has fewer than 5 competences at level ≥ 1 (DOMAIN.md §2). */
export class NotCertifiableError extends Error {
  readonly code = 'NOT_CERTIFIABLE';
  readonly competencesAtLevelOneOrMore: number;

  constructor(competencesAtLevelOneOrMore: number) {
    super(
      `The candidate is not certifiable: ${competencesAtLevelOneOrMore} competence(s) at level 1 or more, ` +
        `at least ${MIN_CERTIFIABLE_COMPETENCES} are needed.`,
    );
    this.name = 'NotCertifiableError';
    this.competencesAtLevelOneOrMore = competencesAtLevelOneOrMore;
  }
}

/** A tested competence for which not a single challenge can be picked. */
export class MissingChallengesError extends Error {
  readonly code = 'MISSING_CHALLENGES';
  readonly competences: readonly CompetenceCode[];

  constructor(competences: readonly CompetenceCode[]) {
    super(
      `No challenge can be picked for competence(s) ${competences.join(', ')}: none of the candidate's ` +
        'validated skills there has an operative challenge in the bank.',
    );
    this.name = 'MissingChallengesError';
    this.competences = competences;
  }
}

/** Where the bank contradicts itself: an id used twice, or a skill placed in two competences. */
export type BankConflict =
  | { kind: 'duplicateChallenge'; challengeId: string }
  | {
      kind: 'skillInTwoCompetences';
      /** The challenge that places the skill elsewhere. */
      challengeId: string;
      skill: string;
      /** The competence the bank's earlier challenges give the skill, and the one this challenge gives it. */
      competence: string;
      otherCompetence: string;
    };

function describeConflict(conflict: BankConflict): string {
  return conflict.kind === 'duplicateChallenge'
    ? `the challenge id ${conflict.challengeId} appears twice`
    : `the skill ${conflict.skill} belongs to competence ${conflict.competence} but challenge ` +
        `${conflict.challengeId} puts it in ${conflict.otherCompetence}`;
}

/** The bank contradicts itself; `conflict` says where, for a screen to say it in its own words. */
export class InconsistentBankError extends Error {
  readonly code = 'INCONSISTENT_BANK';
  readonly conflict: BankConflict;

  constructor(conflict: BankConflict) {
    super(`The challenge bank is inconsistent: ${describeConflict(conflict)}`);
    this.name = 'InconsistentBankError';
    this.conflict = conflict;
  }
}

/** An input to generation failed its schema; the message names each wrong field. */
export class InvalidGenerationInputError extends Error {
  readonly code = 'INVALID_GENERATION_INPUT';
  readonly fields: readonly string[];

  constructor(field: string, error: z.ZodError) {
    const issues = error.issues.map((issue) => ({
      field: [field, ...issue.path.map(String)].join('.'),
      message: issue.message,
    }));
    super(`Invalid generation input: ${issues.map((i) => `${i.field}: ${i.message}`).join('; ')}`);
    this.name = 'InvalidGenerationInputError';
    this.fields = issues.map((i) => i.field);
  }
}
