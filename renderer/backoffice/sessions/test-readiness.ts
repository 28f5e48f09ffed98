// What the server's readiness check (GET …/readiness) means for the referent before exam day: whose
// test cannot be prepared from the bank and their profile, and which files that their tests could
// contain no station can open, grouped by question (one fix in the bank helps every candidate it
// concerns). The files of the bank no candidate of the session can be asked are said apart: they do
// not stop this session, but they would stop another one.
import type { SessionReadiness } from '../api/centre-client.ts';
import type { TestPreparationError } from '../../../core/contracts/centre-api.ts';
import { sessionNamer, type RosterCandidate } from '../../shared/namesakes.ts';
import { byName } from '../format.ts';
import type { Translate } from '../i18n/use-t.ts';

export interface UnbuildableTest {
  candidateId: string;
  /** « Léa MARTIN », « Jade MOREAU (08/09/2011) » when the session has another « Jade MOREAU ». */
  name: string;
  error: TestPreparationError;
}

export interface UnopenableFile {
  challengeId: string;
  fileName: string;
  mediaType: string;
  /** The candidates whose test could ask this question, by name. */
  candidates: string[];
}

export interface TestProblems {
  /** By name. */
  unbuildable: UnbuildableTest[];
  /** By question. */
  unopenable: UnopenableFile[];
  /** The server listed only some of the files: there are more. */
  moreUnopenable: boolean;
}

/**
 * The problems the session's tests would meet on exam day, or null when every test is ready. `roster`:
 * all of the session's candidates (the check lists only some, without birthdates), so that one of two
 * « Jade MOREAU » is named with the birthdate and the referent fixes the right profile. `locale`: the
 * page's (use-locale.ts), which writes that birthdate as every other date of the page.
 */
export function testProblems(
  report: SessionReadiness,
  roster: readonly RosterCandidate[],
  locale: string,
): TestProblems | null {
  const nameOf = sessionNamer(roster, locale);
  const sorted = [...report.candidates].sort(byName);
  const unbuildable = sorted.flatMap((c) =>
    c.error ? [{ candidateId: c.candidateId, name: nameOf(c), error: c.error }] : [],
  );
  const files = new Map<string, UnopenableFile>();
  for (const c of sorted) {
    for (const u of c.unopenable) {
      const key = `${u.challengeId}\u0000${u.fileName}`;
      const file = files.get(key) ?? { ...u, candidates: [] };
      file.candidates.push(nameOf(c));
      files.set(key, file);
    }
  }
  const unopenable = [...files.values()].sort(
    (a, b) => a.challengeId.localeCompare(b.challengeId) || a.fileName.localeCompare(b.fileName),
  );
  const moreUnopenable = report.candidates.some((c) => c.moreUnopenable > 0);
  if (unbuildable.length === 0 && unopenable.length === 0 && !moreUnopenable) return null;
  return { unbuildable, unopenable, moreUnopenable };
}

/** The bank's files no station can open that no candidate of this session can be asked. */
export function unopenableElsewhere(report: SessionReadiness): {
  files: SessionReadiness['bank']['unopenable'];
  count: number;
} {
  const asked = new Set(report.candidates.flatMap((c) => c.unopenable.map((u) => u.challengeId)));
  const files = report.bank.unopenable.filter((u) => !asked.has(u.challengeId));
  // Those the server left out of its list are counted as elsewhere: the candidates' lists say theirs.
  return { files, count: files.length + report.bank.moreUnopenable };
}

/** « .xlsx », from the file's name; null when it has none. */
export function extensionOf(fileName: string): string | null {
  const match = /\.([A-Za-z0-9]{1,10})$/.exec(fileName);
  return match ? `.${(match[1] ?? '').toLowerCase()}` : null;
}

/** « 3.1 », « 3.1 et 4.2 », « 1.1, 3.1 et 4.2 » in the page's language. */
export function listWords(items: readonly string[], locale: string): string {
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(items);
}

/** Why the candidate's test cannot be prepared, and what to do, in one sentence for the referent. */
export function unbuildableSentence(test: UnbuildableTest, t: Translate, locale: string): string {
  const { error, name } = test;
  if (error.code === 'MISSING_CHALLENGES') {
    return t('session.readiness.missingChallenges', {
      name,
      count: error.competences.length,
      competences: listWords(error.competences, locale),
    });
  }
  if (error.code === 'NOT_CERTIFIABLE') return t('session.readiness.notCertifiable', { name });
  return t('session.readiness.invalidProfile', { name });
}

/** What is wrong with the file and what to do, in one sentence for the referent. */
export function unopenableSentence(
  file: Pick<UnopenableFile, 'challengeId' | 'fileName' | 'mediaType'>,
  t: Translate,
): string {
  const extension = extensionOf(file.fileName);
  return extension
    ? t('session.readiness.unopenable', { challenge: file.challengeId, extension, file: file.fileName })
    : t('session.readiness.unopenableType', {
        challenge: file.challengeId,
        type: file.mediaType,
        file: file.fileName,
      });
}

/** Who could be asked the question. */
export function askedToSentence(file: UnopenableFile, t: Translate, locale: string): string {
  return t('session.readiness.askedTo', { names: listWords(file.candidates, locale) });
}
