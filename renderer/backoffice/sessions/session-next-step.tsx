// The session page's « Prochaine étape »: the step's sentence, said aloud when it changes (the readiness
// check ends after the page opens), and, when the tests are not ready, whose test cannot be prepared
// and which files the stations cannot open, with what to do about each. Lists and headings, never
// colour alone.
import type { ApiFailure, SessionReadiness } from '../api/centre-client.ts';
import { useLocale, useT } from '../i18n/use-t.ts';
import { hrefFor } from '../state/router.ts';
import { ErrorNotice, NextStep } from '../ui/page.tsx';
import type { NextStep as Step } from './next-step.ts';
import {
  askedToSentence,
  unbuildableSentence,
  unopenableElsewhere,
  unopenableSentence,
  type TestProblems,
} from './test-readiness.ts';

export function SessionNextStep({
  step,
  centreId,
  report,
  failure,
  onCheckAgain,
}: {
  step: Step;
  centreId: string;
  /** The last readiness report, if any. */
  report: SessionReadiness | null;
  /** Why the readiness check failed, if it did. */
  failure: ApiFailure | null;
  onCheckAgain: () => void;
}) {
  const t = useT();
  return (
    <NextStep>
      <p data-step={step.step} role="status">
        {t(`session.next.${step.step}`, 'count' in step ? { count: step.count } : {})}
      </p>
      {step.step === 'checkFailed' && (
        <ErrorNotice failure={failure} announced>
          <button type="button" className="button button-secondary" onClick={onCheckAgain}>
            {t('app.retry')}
          </button>
        </ErrorNotice>
      )}
      {step.step === 'testsNotReady' && (
        <TestProblemList problems={step.problems} centreId={centreId} onCheckAgain={onCheckAgain} />
      )}
      {(step.step === 'ready' || step.step === 'testsNotReady') && report && (
        <UnopenableElsewhere report={report} />
      )}
    </NextStep>
  );
}

export function TestProblemList({
  problems,
  centreId,
  onCheckAgain,
}: {
  problems: TestProblems;
  centreId: string;
  onCheckAgain: () => void;
}) {
  const t = useT();
  const locale = useLocale();
  const bankToFix =
    problems.unopenable.length > 0 ||
    problems.moreUnopenable ||
    problems.unbuildable.some((u) => u.error.code === 'MISSING_CHALLENGES');
  return (
    <>
      {problems.unbuildable.length > 0 && (
        <section aria-labelledby="unbuildable-tests" data-testid="unbuildable-tests">
          <h2 id="unbuildable-tests">
            {t('session.readiness.unbuildableTitle', { count: problems.unbuildable.length })}
          </h2>
          <p>{t('session.readiness.unbuildableIntro')}</p>
          <ul>
            {problems.unbuildable.map((u) => (
              <li key={u.candidateId} data-candidate-id={u.candidateId} data-code={u.error.code}>
                {unbuildableSentence(u, t, locale)}
              </li>
            ))}
          </ul>
        </section>
      )}
      {(problems.unopenable.length > 0 || problems.moreUnopenable) && (
        <section aria-labelledby="unopenable-files" data-testid="unopenable-files">
          <h2 id="unopenable-files">
            {t('session.readiness.unopenableTitle', { count: problems.unopenable.length })}
          </h2>
          <p>{t('session.readiness.unopenableIntro')}</p>
          <ul>
            {problems.unopenable.map((file) => (
              <li key={`${file.challengeId}/${file.fileName}`} data-challenge-id={file.challengeId}>
                {unopenableSentence(file, t)} {askedToSentence(file, t, locale)}
              </li>
            ))}
          </ul>
          {problems.moreUnopenable && <p>{t('session.readiness.moreUnopenable')}</p>}
        </section>
      )}
      <ul className="action-list">
        {bankToFix && (
          <li>
            <a className="button button-secondary" href={hrefFor({ page: 'content', centreId })}>
              {t('session.readiness.fixBank')}
            </a>
          </li>
        )}
        <li>
          <button type="button" className="button button-secondary" onClick={onCheckAgain}>
            {t('session.readiness.recheck')}
          </button>
        </li>
      </ul>
    </>
  );
}

/** The bank's files no station opens that no candidate of this session can be asked: not blocking. */
function UnopenableElsewhere({ report }: { report: SessionReadiness }) {
  const t = useT();
  const elsewhere = unopenableElsewhere(report);
  if (elsewhere.count === 0) return null;
  return (
    <div data-testid="bank-unopenable">
      <p>{t('session.readiness.elsewhere', { count: elsewhere.count })}</p>
      {elsewhere.files.length > 0 && (
        <details>
          <summary>{t('session.readiness.elsewhereList')}</summary>
          <ul>
            {elsewhere.files.map((file) => (
              <li key={`${file.challengeId}/${file.fileName}`} data-challenge-id={file.challengeId}>
                {unopenableSentence(file, t)}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
