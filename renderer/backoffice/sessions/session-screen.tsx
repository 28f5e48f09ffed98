// One session: what to do next, its details (with the codes the session kit prints, and the change of
// the invigilator password), what can be done with it (edit, kit, finalize, results, delete), and its
// candidates with their profile and whether they may sit the certification.
import { certifiability } from '../candidates/certifiability.ts';
import { byName, dateTime, longDate, listName, shortDate } from '../format.ts';
import { useLocale, useT } from '../i18n/use-t.ts';
import { useShowCentre } from '../layout/app-shell.tsx';
import type { Candidate, CentreSession } from '../api/centre-client.ts';
import { useClient } from '../state/auth.tsx';
import { useFlash } from '../state/flash.tsx';
import { hrefFor, navigate } from '../state/router.ts';
import { useResource } from '../state/use-resource.ts';
import { ConfirmAction } from '../ui/confirm-action.tsx';
import { Loaded, PageTitle } from '../ui/page.tsx';
import { ChangeInvigilatorPassword } from './invigilator-password-change.tsx';
import { canChangeInvigilatorPassword, invigilatorScreenClosing } from './invigilator-password.ts';
import { nextStep, readinessCheck } from './next-step.ts';
import { SessionNextStep } from './session-next-step.tsx';
import { sessionActions } from './session-actions.ts';
import { localDay, sessionStateLabel } from './session-groups.ts';
import { DataTable } from '../ui/data-table.tsx';
import { progressWord } from './candidate-progress.ts';

export function SessionScreen({ sessionId }: { sessionId: string }) {
  const client = useClient();
  const data = useResource(async () => {
    const [session, candidates] = await Promise.all([
      client.session(sessionId),
      client.candidates(sessionId),
    ]);
    const bank = await client.bank(session.centreId).catch(() => null);
    return { session, candidates, operative: bank?.operative ?? null };
  }, [client, sessionId]);
  useShowCentre(data.data?.session.centreId);
  return (
    <div className="page">
      <Loaded resource={data} titled={false}>
        {({ session, candidates, operative }) => (
          <SessionPage
            session={session}
            candidates={candidates}
            operative={operative}
            onSessionChanged={(changed) => data.set({ session: changed, candidates, operative })}
          />
        )}
      </Loaded>
    </div>
  );
}

function SessionPage({
  session,
  candidates,
  operative,
  onSessionChanged,
}: {
  session: CentreSession;
  candidates: Candidate[];
  operative: number | null;
  /** A fresher copy of the session (its new invigilator password). */
  onSessionChanged: (session: CentreSession) => void;
}) {
  const t = useT();
  const locale = useLocale();
  const client = useClient();
  const flash = useFlash();
  const today = localDay();
  // The tests are checked (server: exam/test-readiness.ts) only once nothing else is missing before.
  const checked =
    nextStep(session, candidates, operative, today, { state: 'loading' }, locale).step === 'checking';
  const readiness = useResource(
    async () => (checked ? client.readiness(session.id) : null),
    [client, session.id, checked],
  );
  const step = nextStep(session, candidates, operative, today, readinessCheck(readiness), locale);
  const actions = sessionActions(session, today);
  const deletable = actions.deletable;
  const now = Date.now();
  const closing = invigilatorScreenClosing(session, now);

  return (
    <>
      <PageTitle
        intro={t('session.subtitle', {
          room: session.room,
          date: longDate(session.date, locale),
          time: session.time,
        })}
      >
        {t('session.title', { number: session.number })}
      </PageTitle>
      <SessionNextStep
        step={step}
        centreId={session.centreId}
        report={readiness.data}
        failure={readiness.error}
        onCheckAgain={readiness.reload}
      />

      <div className="session-layout">
        <section className="section card-panel" aria-labelledby="session-details">
          <h2 id="session-details">{t('session.details')}</h2>
          <dl className="details" data-testid="session-details">
            <dt>{t('session.state')}</dt>
            <dd>
              <span className={`tag tag-${sessionStateLabel(session, today)}`}>
                {t(`sessions.states.${sessionStateLabel(session, today)}`)}
              </span>
            </dd>
            <dt>{t('session.date')}</dt>
            <dd>
              {longDate(session.date, locale)} · {session.time}
            </dd>
            <dt>{t('session.address')}</dt>
            <dd>{session.address}</dd>
            <dt>{t('session.room')}</dt>
            <dd>{session.room}</dd>
            <dt>{t('session.examiner')}</dt>
            <dd>{session.examiner}</dd>
            {session.description && (
              <>
                <dt>{t('session.description')}</dt>
                <dd>{session.description}</dd>
              </>
            )}
            <dt>{t('session.accessCode')}</dt>
            <dd>
              <span className="code" data-testid="access-code">
                {session.accessCode}
              </span>
              <span className="hint">{t('session.accessCodeHint')}</span>
            </dd>
            <dt>{t('session.invigilatorPassword')}</dt>
            <dd>
              <span className="code" data-testid="invigilator-password">
                {session.invigilatorPassword}
              </span>
              <span className="hint">{t('session.invigilatorPasswordHint')}</span>
              {closing && (
                <span className="hint" data-testid="invigilator-screen-closing">
                  {closing.closed
                    ? t('invigilatorAccess.closed')
                    : t('invigilatorAccess.closesOn', { date: dateTime(closing.at, locale) })}
                </span>
              )}
              {canChangeInvigilatorPassword(session, now) && (
                <ChangeInvigilatorPassword session={session} onChanged={onSessionChanged} />
              )}
            </dd>
          </dl>
        </section>

        <section className="section card-panel" aria-labelledby="session-actions">
          <h2 id="session-actions">{t('session.actions')}</h2>
          <ul className="action-list">
            <li>
              <a className="button button-primary" href={hrefFor({ page: 'kit', sessionId: session.id })}>
                {t('session.kit')}
              </a>
            </li>
            {actions.edit && (
              <li>
                <a
                  className="button button-secondary"
                  href={hrefFor({ page: 'editSession', sessionId: session.id })}
                >
                  {t('session.edit')}
                </a>
              </li>
            )}
            {actions.finalize && (
              <li>
                <a
                  className="button button-secondary"
                  href={hrefFor({ page: 'finalization', sessionId: session.id })}
                >
                  {t('session.finalize')}
                </a>
              </li>
            )}
            {actions.results && (
              <li>
                <a
                  className="button button-primary"
                  href={hrefFor({ page: 'results', sessionId: session.id })}
                >
                  {t('session.results')}
                </a>
              </li>
            )}
            {/* Finalized: the record to print and sign (finalization-record/). */}
            {actions.results && (
              <li>
                <a
                  className="button button-secondary"
                  href={hrefFor({ page: 'finalizationRecord', sessionId: session.id })}
                  data-testid="finalization-record-link"
                >
                  {t('finalizationRecord.link')}
                </a>
              </li>
            )}
            {actions.delete && (
              <li>
                <ConfirmAction
                  title={t('session.deleteTitle', { number: session.number })}
                  text={
                    candidates.length === 0
                      ? t('session.deleteTextEmpty')
                      : t('session.deleteText', { count: candidates.length })
                  }
                  confirmLabel={t('session.deleteConfirm')}
                  danger
                  onConfirm={async () => {
                    await client.deleteSession(session.id);
                    flash(t('session.deleted', { number: session.number }));
                    navigate({ page: 'sessions', centreId: session.centreId });
                  }}
                >
                  {(ask) => (
                    <button
                      type="button"
                      className="button button-danger-outline"
                      disabled={!deletable}
                      aria-describedby={deletable ? undefined : 'cannot-delete'}
                      onClick={ask}
                    >
                      {t('session.delete')}
                    </button>
                  )}
                </ConfirmAction>
                {!deletable && (
                  <p className="hint" id="cannot-delete">
                    {t('session.cannotDelete')}
                  </p>
                )}
              </li>
            )}
          </ul>
        </section>
      </div>

      <Candidates session={session} candidates={candidates} />
    </>
  );
}

function Candidates({ session, candidates }: { session: CentreSession; candidates: Candidate[] }) {
  const t = useT();
  const locale = useLocale();
  const open = session.state === 'created';
  const sorted = [...candidates].sort(byName);
  return (
    <section className="section" aria-labelledby="candidates">
      <h2 id="candidates">
        {t('session.candidates.title')}{' '}
        <span className="count">({t('session.candidates.count', { count: candidates.length })})</span>
      </h2>
      {open && (
        <ul className="toolbar">
          <li>
            <a
              className="button button-secondary"
              href={hrefFor({ page: 'newCandidate', sessionId: session.id })}
            >
              {t('session.candidates.add')}
            </a>
          </li>
          <li>
            <a className="button button-secondary" href={hrefFor({ page: 'import', sessionId: session.id })}>
              {t('session.candidates.import')}
            </a>
          </li>
          <li>
            <a
              className="button button-secondary"
              href={hrefFor({ page: 'profiles', sessionId: session.id })}
            >
              {t('session.candidates.profiles')}
            </a>
          </li>
        </ul>
      )}
      {sorted.length === 0 ? (
        <p className="empty">{t('session.candidates.empty')}</p>
      ) : (
        <DataTable
          caption={t('session.candidates.title')}
          testId="candidates-table"
          columns={[
            t('session.candidates.name'),
            t('session.candidates.birthdate'),
            t('session.candidates.extraTime'),
            t('session.candidates.adjustment'),
            t('session.candidates.profile'),
            t('session.candidates.certifiable'),
            t('session.candidates.progress'),
          ]}
        >
          {sorted.map((c) => {
            const verdict = certifiability(c);
            return (
              <tr key={c.id} data-testid="candidate-row" data-candidate-id={c.id}>
                <th scope="row">
                  <a href={hrefFor({ page: 'candidate', candidateId: c.id })}>{listName(c)}</a>
                </th>
                <td>{shortDate(c.birthdate, locale)}</td>
                <td>{c.extraTimePercentage > 0 ? `${c.extraTimePercentage}\u00a0%` : '—'}</td>
                <td>{c.accessibilityAdjustment ? t('common.yes') : t('common.no')}</td>
                <td>
                  {c.profile
                    ? t('session.candidates.competences', {
                        count: c.profile.competences.filter((x) => x.level >= 1).length,
                      })
                    : t('session.candidates.noProfile')}
                </td>
                <td data-testid="certifiable" data-certifiable={verdict.certifiable}>
                  {verdict.certifiable ? (
                    <span className="verdict verdict-yes">{t('certifiable.yes')}</span>
                  ) : (
                    <>
                      <span className="verdict verdict-no">{t('certifiable.no')}</span>{' '}
                      <span className="reason">
                        {verdict.reason === 'noProfile'
                          ? t('certifiable.noProfile')
                          : t('certifiable.tooFew', { count: verdict.assessed })}
                      </span>
                    </>
                  )}
                </td>
                <td>{t(`session.candidates.progresses.${progressWord(c, session)}`)}</td>
              </tr>
            );
          })}
        </DataTable>
      )}
    </section>
  );
}
