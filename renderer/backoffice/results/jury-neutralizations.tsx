// « Neutralisations du jury » on the results page, before publication, for an administrator (the route
// refuses anyone else): per candidate, the questions their E reports point at, with the reports' text,
// offered for neutralization; the neutralized questions, each of which can count again; and any other
// question of the test, by its number. Every change asks first, then the candidate's result comes back
// re-scored (the page reads the results again) and the candidate's box says what changed, before and
// after, and takes the focus. A question neutralized by an alert validated during the test cannot count
// again: the dialog says so (NEUTRALIZED_BY_ALERT). A referent reads who can do it.
import { useState, type FormEvent } from 'react';
import { createPortal } from 'react-dom';
import type { CandidateResult, Results } from '../../../core/contracts/invigilator-api.ts';
import { byName } from '../format.ts';
import { useT } from '../i18n/use-t.ts';
import { ConfirmDialog } from '../ui/confirm-dialog.tsx';
import { Field, focusFirstInvalid } from '../ui/field.tsx';
import {
  checkQuestionNumber,
  codeMeaningKey,
  neutralizationDone,
  questionCount,
  reportedQuestions,
} from './jury-review.ts';
import { useCandidateName } from './candidate-names.tsx';

/** One change the jury asked for: a question of a candidate's test, neutralized or counted again. */
export interface NeutralizationChange {
  candidateId: string;
  number: number;
  neutralized: boolean;
}

/** The id of a candidate's « what changed » line, which takes the focus after a change. */
export const neutralizationDoneId = (candidateId: string) => `jury-done-${candidateId}`;

export function JuryNeutralizations({
  results,
  administrator,
  onNeutralize,
}: {
  results: Results;
  /** Only an administrator (the jury) may neutralize; a referent reads who does. */
  administrator: boolean;
  /** Sends the change; resolves with the candidate's re-scored result once the page has it. */
  onNeutralize: (change: NeutralizationChange) => Promise<CandidateResult>;
}) {
  const t = useT();
  const nameOf = useCandidateName();
  const [asking, setAsking] = useState<NeutralizationChange | null>(null);
  const [done, setDone] = useState<Readonly<Record<string, string>>>({});
  if (results.session.publishedAt !== null || results.results.length === 0) return null;
  if (!administrator) {
    return (
      <p className="notice" data-testid="jury-neutralizations-referent">
        {t('jury.neutralize.referent')}
      </p>
    );
  }
  const sorted = [...results.results].sort(byName);
  const askedFor = asking ? results.results.find((r) => r.candidateId === asking.candidateId) : undefined;
  return (
    <section
      className="section card-panel"
      aria-labelledby="jury-neutralizations"
      data-testid="jury-neutralizations"
    >
      <h2 id="jury-neutralizations">{t('jury.neutralize.title')}</h2>
      <p className="hint">{t('jury.neutralize.intro')}</p>
      <p className="hint">{t('jury.neutralize.then')}</p>
      {sorted.map((result) => (
        <CandidateQuestions
          key={result.candidateId}
          result={result}
          done={done[result.candidateId] ?? null}
          onAsk={(number, neutralized) => setAsking({ candidateId: result.candidateId, number, neutralized })}
        />
      ))}
      {asking &&
        askedFor &&
        createPortal(
          <ConfirmDialog
            title={t(asking.neutralized ? 'jury.neutralize.neutralizeTitle' : 'jury.neutralize.undoTitle', {
              number: asking.number,
              name: nameOf(askedFor),
            })}
            confirmLabel={t(
              asking.neutralized ? 'jury.neutralize.neutralizeConfirm' : 'jury.neutralize.undoConfirm',
            )}
            onClose={() => setAsking(null)}
            onConfirm={async () => {
              const after = await onNeutralize(asking);
              const said = neutralizationDone(asking, askedFor, after, t, nameOf);
              setDone((d) => ({ ...d, [asking.candidateId]: said }));
              // The button may be gone (a question counted again leaves the list): the keyboard goes to
              // the sentence that says what changed (the dialog leaves focus the page placed).
              requestAnimationFrame(() =>
                document.getElementById(neutralizationDoneId(asking.candidateId))?.focus(),
              );
            }}
          >
            <p>
              {t(asking.neutralized ? 'jury.neutralize.neutralizeText' : 'jury.neutralize.undoText', {
                number: asking.number,
                name: nameOf(askedFor),
              })}
            </p>
          </ConfirmDialog>,
          document.body,
        )}
    </section>
  );
}

/** One candidate: their reported questions, their neutralized ones, and any other question by number. */
export function CandidateQuestions({
  result,
  done,
  onAsk,
}: {
  result: CandidateResult;
  /** What the last change said (what changed in the result). */
  done: string | null;
  onAsk: (number: number, neutralized: boolean) => void;
}) {
  const t = useT();
  const nameOf = useCandidateName();
  const name = nameOf(result);
  const reported = reportedQuestions(result);
  const toggle = (number: number, neutralized: boolean) => (
    <button
      type="button"
      className="button button-secondary button-small"
      data-testid={neutralized ? 'undo-neutralization' : 'neutralize'}
      data-question={number}
      aria-label={t(neutralized ? 'jury.neutralize.undoLabel' : 'jury.neutralize.neutralizeLabel', {
        number,
        name,
      })}
      onClick={() => onAsk(number, !neutralized)}
    >
      {t(neutralized ? 'jury.neutralize.undoButton' : 'jury.neutralize.neutralizeButton')}
    </button>
  );
  return (
    <details
      className="section"
      open={reported.length > 0 || done !== null}
      data-testid="jury-candidate"
      data-candidate-id={result.candidateId}
    >
      <summary>
        <strong>
          {t('jury.neutralize.summary', {
            name,
            status: t(`results.statuses.${result.status}`),
            score: result.pixScore,
          })}
        </strong>
        {reported.length > 0 && (
          <span className="sub-inline">
            {' '}
            · {t('jury.neutralize.reportedCount', { count: reported.length })}
          </span>
        )}
      </summary>
      {done !== null && (
        <p
          className="notice notice-ok"
          id={neutralizationDoneId(result.candidateId)}
          tabIndex={-1}
          data-testid="neutralization-done"
        >
          {done}
        </p>
      )}
      <h3>{t('jury.neutralize.reportedTitle')}</h3>
      {reported.length === 0 ? (
        <p>{t('jury.neutralize.reportedNone')}</p>
      ) : (
        <ul className="action-list" data-testid="reported-questions">
          {reported.map((question) => (
            <li key={question.number} data-question={question.number}>
              <span>
                <strong>{t('jury.neutralize.reportedQuestion', { number: question.number })}</strong> (
                {t(question.neutralized ? 'jury.neutralize.isNeutralized' : 'jury.neutralize.isCounted')})
              </span>
              <ul>
                {question.reports.map((report) => (
                  <li key={report.id}>
                    {t(codeMeaningKey(report.code))}
                    {report.description.trim() !== '' && <> : « {report.description} »</>}
                  </li>
                ))}
              </ul>
              {toggle(question.number, question.neutralized)}
            </li>
          ))}
        </ul>
      )}
      <h3>{t('jury.neutralize.neutralizedTitle')}</h3>
      {result.neutralizedQuestions.length === 0 ? (
        <p>{t('jury.neutralize.neutralizedNone')}</p>
      ) : (
        <ul className="inline-list" data-testid="neutralized-questions">
          {result.neutralizedQuestions.map((number) => (
            <li key={number} data-question={number}>
              {t('jury.neutralize.reportedQuestion', { number })} {toggle(number, true)}
            </li>
          ))}
        </ul>
      )}
      {/* A fresh form after each change (the number typed is done with). */}
      <OtherQuestion key={done ?? ''} result={result} onAsk={(number) => onAsk(number, true)} />
    </details>
  );
}

/** Any question of the candidate's test, by its number, to neutralize. */
function OtherQuestion({ result, onAsk }: { result: CandidateResult; onAsk: (number: number) => void }) {
  const t = useT();
  const nameOf = useCandidateName();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const count = questionCount(result);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const checked = checkQuestionNumber(text, result);
    if (!checked.ok) {
      setError(
        checked.error === 'already'
          ? t('jury.neutralize.errors.already', { number: checked.number ?? 0 })
          : t('jury.neutralize.errors.number', { count }),
      );
      focusFirstInvalid(event.currentTarget);
      return;
    }
    setError(null);
    onAsk(checked.number);
  }
  return (
    <form noValidate className="inline-form" onSubmit={submit} data-testid="other-question">
      <Field
        label={t('jury.neutralize.otherQuestion', { name: nameOf(result) })}
        hint={t('jury.neutralize.otherQuestionHint', { count })}
        error={error}
      >
        {(control) => (
          <input
            {...control}
            className="input input-tiny"
            inputMode="numeric"
            autoComplete="off"
            name="questionNumber"
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        )}
      </Field>
      <button type="submit" className="button button-secondary">
        {t('jury.neutralize.otherSubmit')}
      </button>
    </form>
  );
}
