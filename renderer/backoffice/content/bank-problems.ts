// Why a bank was not imported, in the screen's language: each problem the server found (the bank
// already stored, the files; core/contracts/centre-api.ts BankProblem) or the screen found first
// (challenge-problems.ts), with the challenge it concerns and what to do about it.
import type { BankRefusal } from '../api/centre-client.ts';
import type { Translate } from '../i18n/use-t.ts';

/** One line of the refusal: the challenge it concerns (if any), the field at fault, what is wrong. */
export interface RejectedItem {
  /** "Épreuve 4 (recX) :", or null for a problem of the file as a whole. */
  label: string | null;
  /** The field at fault ("solution.value"), "" for none. */
  field: string;
  detail: string;
  /** The server's own words (a schema issue only another client could send): shown as written. */
  verbatim: boolean;
}

/** A challenge by its place in the file (from 1, as people count) and its id, whichever are known. */
export function challengeLabel(number: number | null, id: string | null, t: Translate): string {
  if (number !== null && id) return t('content.challenge', { number, id });
  if (number !== null) return t('content.challengeNumber', { number });
  return t('content.challengeId', { id: id ?? '' });
}

/** The last line of a list cut at BANK_PROBLEMS_LISTED (as the server cuts its own). */
export function moreProblems(count: number, t: Translate): RejectedItem {
  return { label: null, field: '', detail: t('content.problems.more', { count }), verbatim: false };
}

export function rejectedItems(refusal: BankRefusal, t: Translate): RejectedItem[] {
  const items = refusal.problems.map((p): RejectedItem => {
    const line = (label: string | null, detail: string): RejectedItem => ({
      label,
      field: '',
      detail,
      verbatim: false,
    });
    switch (p.kind) {
      case 'invalidChallenge':
        return { ...line(challengeLabel(p.index + 1, p.challengeId, t), p.detail), verbatim: true };
      case 'contentHashMismatch':
        return line(null, t('content.problems.contentHashMismatch', { number: p.index + 1 }));
      case 'duplicateChallenge':
        return line(challengeLabel(null, p.challengeId, t), t('content.problems.duplicateChallenge'));
      case 'skillInTwoCompetences':
        return line(
          challengeLabel(null, p.challengeId, t),
          t('content.problems.skillInTwoCompetences', {
            skill: p.skill,
            competence: p.competence,
            otherCompetence: p.otherCompetence,
          }),
        );
      case 'missingContent':
        return line(
          challengeLabel(null, p.challengeId, t),
          p.fileName === null
            ? t('content.problems.missingIllustration')
            : t('content.problems.missingContent', { file: p.fileName }),
        );
      case 'contentSize':
        return line(
          challengeLabel(null, p.challengeId, t),
          t('content.problems.contentSize', { file: p.fileName, count: p.size, expected: p.expected }),
        );
    }
  });
  if (refusal.moreProblems > 0) items.push(moreProblems(refusal.moreProblems, t));
  return items;
}
