// A candidate's incident reports (C and E codes, DOMAIN.md §7): the list, and a form to add one while
// the session is open. Incidents belong here, coded, rather than in the session's global comment.
import { refusalOf } from '../../shared/server-errors/server-error-messages.ts';
import { useServerErrorMessage } from '../../shared/server-errors/use-server-error-message.ts';
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import type { RoomCandidate } from '../../../core/contracts/invigilator-api.ts';
import { announce } from '../../shared/announcer.tsx';
import type { Incident } from '../api/invigilator-client.ts';
import { useT } from '../i18n/use-t.ts';
import { useClient, useRoom } from '../state/room-context.tsx';
import { focusIsLost, quoted } from '../room/focus-rescue.ts';
import {
  checkIncident,
  C_CODES,
  E_CODES,
  focusAfterRemoval,
  MAX_QUESTION_NUMBER,
  type IncidentDraft,
} from './incident-rules.ts';

export function IncidentSection({ candidate, headingId }: { candidate: RoomCandidate; headingId: string }) {
  const t = useT();
  // The test's own length once its package was opened; the longest test's before (the server checks too).
  const questions = candidate.progress?.total ?? MAX_QUESTION_NUMBER;
  const serverMessage = useServerErrorMessage();
  const client = useClient();
  const sessionId = useRoom((s) => s.sessionId);
  const sessionOpen = useRoom((s) => s.session?.state === 'created');
  const ids = { code: useId(), question: useId(), description: useId(), codeHint: useId(), error: useId() };
  const [list, setList] = useState<Incident[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [draft, setDraft] = useState<IncidentDraft>({
    code: '',
    questionNumber: candidate.alert?.questionNumber ? String(candidate.alert.questionNumber) : '',
    description: '',
  });
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  // Once a report is removed, where focus goes (its button went with it): a report's id, or the title.
  const [refocus, setRefocus] = useState<{ to: string | null } | null>(null);

  const refresh = useCallback(async (): Promise<Incident[] | null> => {
    try {
      const all = await client.incidents(sessionId);
      const mine = all.filter((i) => i.candidateId === candidate.candidateId);
      setList(mine);
      setLoadError(null);
      return mine;
    } catch (error) {
      setLoadError(t('incidents.loadFailed', { message: serverMessage(refusalOf(error)) }));
      return null;
    }
  }, [client, sessionId, candidate.candidateId, t, serverMessage]);

  useEffect(() => {
    if (!refocus) return;
    setRefocus(null);
    // Only if focus was left nowhere: the invigilator may have gone on elsewhere meanwhile.
    if (!focusIsLost(document)) return;
    const next =
      refocus.to === null
        ? null
        : document.querySelector<HTMLElement>(`[data-incident-id=${quoted(refocus.to)}] button`);
    (next ?? document.getElementById(headingId))?.focus();
  }, [refocus, headingId]);

  useEffect(() => {
    void refresh();
  }, [refresh, candidate.incidents]);

  async function add(event: FormEvent) {
    event.preventDefault();
    const checked = checkIncident(draft, questions);
    if (!checked.ok) {
      setErrors(checked.errors.map((e) => t(`incidents.errors.${e}`, { max: questions })));
      return;
    }
    setErrors([]);
    setBusy(true);
    try {
      await client.addIncident(sessionId, { candidateId: candidate.candidateId, ...checked.value });
      announce(t('incidents.added', { code: checked.value.code }));
      setDraft({ code: '', questionNumber: '', description: '' });
      await refresh();
    } catch (error) {
      setErrors([serverMessage(refusalOf(error))]);
    } finally {
      setBusy(false);
    }
  }

  async function remove(incident: Incident) {
    const before = (list ?? []).map((i) => i.id);
    try {
      await client.removeIncident(sessionId, incident.id);
      const after = await refresh();
      setRefocus({
        to: after
          ? focusAfterRemoval(
              before,
              incident.id,
              after.map((i) => i.id),
            )
          : null,
      });
    } catch (error) {
      setErrors([serverMessage(refusalOf(error))]);
    }
  }

  const isE = draft.code.startsWith('E');
  return (
    <section className="panel-section" aria-labelledby={headingId} data-testid="incidents">
      <h3 id={headingId} tabIndex={-1}>
        {t('incidents.title')}
      </h3>
      <p className="hint">{t('incidents.hint')}</p>
      {loadError && <p className="notice notice-error">{loadError}</p>}
      {list && list.length === 0 && <p>{t('incidents.none')}</p>}
      {list && list.length > 0 && (
        <ul className="incident-list" data-testid="incident-list">
          {list.map((incident) => (
            <li key={incident.id} data-incident-id={incident.id}>
              <strong>{t(`codes.${incident.code}`)}</strong>
              {incident.questionNumber !== null && (
                <span> · {t('incidents.questionShort', { question: incident.questionNumber })}</span>
              )}
              {incident.description && <span className="muted"> — {incident.description}</span>}
              {sessionOpen && (
                <button
                  type="button"
                  className="button button-quiet button-small"
                  aria-label={t('incidents.removeLabel', { code: incident.code })}
                  onClick={() => void remove(incident)}
                >
                  {t('incidents.remove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {sessionOpen && (
        <form className="incident-form" onSubmit={(e) => void add(e)} noValidate>
          {errors.length > 0 && (
            <div className="notice notice-error" role="alert" id={ids.error}>
              {errors.map((e) => (
                <p key={e}>{e}</p>
              ))}
            </div>
          )}
          <div className="incident-fields">
            <div className="field">
              <label htmlFor={ids.code}>{t('incidents.code')}</label>
              <select
                id={ids.code}
                className="input"
                value={draft.code}
                data-testid="incident-code"
                aria-describedby={ids.codeHint}
                onChange={(e) => setDraft((d) => ({ ...d, code: e.target.value }))}
              >
                <option value="">{t('incidents.chooseCode')}</option>
                <optgroup label={t('incidents.codeGroupC')}>
                  {C_CODES.map((c) => (
                    <option key={c} value={c}>
                      {t(`codes.${c}`)}
                    </option>
                  ))}
                </optgroup>
                <optgroup label={t('incidents.codeGroupE')}>
                  {E_CODES.map((c) => (
                    <option key={c} value={c}>
                      {t(`codes.${c}`)}
                    </option>
                  ))}
                </optgroup>
              </select>
              <p className="hint" id={ids.codeHint}>
                {t('incidents.codeHint')}
              </p>
            </div>
            {isE && (
              <div className="field">
                <label htmlFor={ids.question}>{t('incidents.questionNumber', { max: questions })}</label>
                <input
                  id={ids.question}
                  className="input input-number"
                  inputMode="numeric"
                  type="number"
                  min={1}
                  max={questions}
                  value={draft.questionNumber}
                  data-testid="incident-question"
                  onChange={(e) => setDraft((d) => ({ ...d, questionNumber: e.target.value }))}
                />
              </div>
            )}
          </div>
          <div className="field">
            <label htmlFor={ids.description}>{t('incidents.description')}</label>
            <textarea
              id={ids.description}
              className="input textarea"
              rows={2}
              maxLength={1000}
              value={draft.description}
              data-testid="incident-description"
              onChange={(e) => setDraft((d) => ({ ...d, description: e.target.value }))}
            />
          </div>
          <button
            type="submit"
            className="button button-secondary"
            aria-disabled={busy || undefined}
            data-testid="incident-add"
          >
            {t('incidents.add')}
          </button>
        </form>
      )}
    </section>
  );
}
