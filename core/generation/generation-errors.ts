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

/** The bank contradicts itself (a skill in two competences, an id used twice). */
export class InconsistentBankError extends Error {
  readonly code = 'INCONSISTENT_BANK';

  constructor(message: string) {
    super(`The challenge bank is inconsistent: ${message}`);
    this.name = 'InconsistentBankError';
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
