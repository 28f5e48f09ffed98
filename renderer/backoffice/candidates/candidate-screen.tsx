// One candidate: the enrolment, whether they may sit the certification (and why not), and their Pix
// profile, level per competence (only competences at level 1 or more are assessed).
import { useTranslation } from 'react-i18next';
import { COMPETENCES } from '../../../core/framework/crcn.ts';
import { dateTime, fullName, shortDate } from '../format.ts';
import { useLocale, useT } from '../i18n/use-t.ts';
import { useShowCentre } from '../layout/app-shell.tsx';
import type { Candidate, CentreSession } from '../api/centre-client.ts';
import { useClient } from '../state/auth.tsx';
import { useFlash } from '../state/flash.tsx';
import { hrefFor, navigate } from '../state/router.ts';
import { useResource } from '../state/use-resource.ts';
import { ConfirmAction } from '../ui/confirm-action.tsx';
import { BackToSession } from '../ui/back-to-session.tsx';
import { Loaded, PageTitle } from '../ui/page.tsx';
import { sessionNamer, type RosterCandidate } from '../../shared/namesakes.ts';
import { rosterOf } from '../results/candidate-names.tsx';
import { certifiability } from './certifiability.ts';
import { progressWord } from '../sessions/candidate-progress.ts';
import { DataTable } from '../ui/data-table.tsx';

export function CandidateScreen({ candidateId }: { candidateId: string }) {
  const client = useClient();
  const data = useResource(async () => {
    const candidate = await client.candidate(candidateId);
    // The session's candidates: a namesake is removed by a question that names her with her birthdate.
    const [session, candidates] = await Promise.all([
      client.session(candidate.sessionId),
      client.candidates(candidate.sessionId),
    ]);
    return { candidate, session, roster: rosterOf(candidates) };
  }, [client, candidateId]);
  useShowCentre(data.data?.session.centreId);
  return (
    <div className="page">
      <Loaded resource={data} titled={false}>
        {({ candidate, session, roster }) => (
          <CandidatePage candidate={candidate} session={session} roster={roster} />
        )}
      </Loaded>
    </div>
  );
}

function CandidatePage({
  candidate,
  session,
  roster,
}: {
  candidate: Candidate;
  session: CentreSession;
  roster: readonly RosterCandidate[];
}) {
  const t = useT();
  const locale = useLocale();
  const client = useClient();
  const flash = useFlash();
  const verdict = certifiability(candidate);
  const name = fullName(candidate);
  // The page shows her birthdate; the removal's question and its flash, read apart, say it too.
  const removalName = sessionNamer(
    [...roster, { ...candidate, candidateId: candidate.id }],
    locale,
  )({
    ...candidate,
    candidateId: candidate.id,
  });
  const changeable = session.state === 'created' && candidate.editable;
  const birthplace = [
    candidate.birthCity,
    candidate.birthPostalCode,
    candidate.birthInseeCode && `INSEE ${candidate.birthInseeCode}`,
    candidate.birthCountry,
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <>
      <BackToSession session={session} />
      <PageTitle intro={t('candidate.intro', { number: session.number })}>
        {t('candidate.title', { name })}
      </PageTitle>
      <div
        className={`notice ${verdict.certifiable ? 'notice-ok' : 'notice-warning'}`}
        data-testid="certifiability"
        data-certifiable={verdict.certifiable}
      >
        <p className="notice-title">
          {t('candidate.certifiable')} : {verdict.certifiable ? t('certifiable.yes') : t('certifiable.no')}
        </p>
        {!verdict.certifiable && (
          <p>
            {verdict.reason === 'noProfile'
              ? t('certifiable.noProfile')
              : t('certifiable.tooFew', { count: verdict.assessed })}
          </p>
        )}
      </div>

      <div className="session-layout">
        <section className="section card-panel" aria-labelledby="candidate-identity">
          <h2 id="candidate-identity">{t('candidate.identity')}</h2>
          <dl className="details">
            <dt>{t('candidateForm.birthdate')}</dt>
            <dd>{shortDate(candidate.birthdate, locale)}</dd>
            <dt>{t('candidate.sex')}</dt>
            <dd>{candidate.sex}</dd>
            <dt>{t('candidate.birthplace')}</dt>
            <dd>{birthplace}</dd>
            <dt>{t('candidate.externalId')}</dt>
            <dd>{candidate.externalId ?? '—'}</dd>
            <dt>{t('candidate.resultEmail')}</dt>
            <dd>{candidate.resultEmail ?? '—'}</dd>
            <dt>{t('candidate.extraTime')}</dt>
            <dd>{t('candidate.extraTimeValue', { value: candidate.extraTimePercentage })}</dd>
            <dt>{t('candidate.adjustment')}</dt>
            <dd>{candidate.accessibilityAdjustment ? t('common.yes') : t('common.no')}</dd>
            <dt>{t('candidate.progress')}</dt>
            <dd>{t(`session.candidates.progresses.${progressWord(candidate, session)}`)}</dd>
          </dl>
          {changeable && (
            <ul className="toolbar">
              <li>
                <a
                  className="button button-secondary"
                  href={hrefFor({ page: 'editCandidate', candidateId: candidate.id })}
                >
                  {t('candidate.edit')}
                </a>
              </li>
              {/* Once joined, the station and the invigilator's room know the candidate: the server refuses. */}
              {candidate.progress !== 'notJoined' ? (
                <li className="hint" data-testid="remove-joined">
                  {t('candidate.removeJoined')}
                </li>
              ) : (
                <li>
                  <ConfirmAction
                    title={t('candidate.removeTitle', { name: removalName })}
                    text={t('candidate.removeText')}
                    confirmLabel={t('candidate.removeConfirm')}
                    danger
                    onConfirm={async () => {
                      await client.deleteCandidate(candidate.id);
                      flash(t('candidate.removed', { name: removalName }));
                      navigate({ page: 'session', sessionId: session.id });
                    }}
                  >
                    {(ask) => (
                      <button type="button" className="button button-danger-outline" onClick={ask}>
                        {t('candidate.remove')}
                      </button>
                    )}
                  </ConfirmAction>
                </li>
              )}
            </ul>
          )}
        </section>
        <Profile candidate={candidate} session={session} />
      </div>
    </>
  );
}

function Profile({ candidate, session }: { candidate: Candidate; session: CentreSession }) {
  const t = useT();
  const locale = useLocale();
  const { i18n } = useTranslation();
  const profile = candidate.profile;
  const byCode = new Map(profile?.competences.map((c) => [c.code, c]) ?? []);
  return (
    <section className="section card-panel" aria-labelledby="candidate-profile">
      <h2 id="candidate-profile">{t('candidate.profile')}</h2>
      <p className="hint">{t('candidate.profileIntro')}</p>
      {!profile ? (
        <>
          <p>{t('candidate.noProfile')}</p>
          {session.state === 'created' && (
            <a
              className="button button-secondary"
              href={hrefFor({ page: 'profiles', sessionId: session.id })}
            >
              {t('candidate.importProfiles')}
            </a>
          )}
        </>
      ) : (
        <>
          <p className="muted">
            {t('candidate.profileFacts', {
              skills: t('candidate.facts.skills', { count: profile.validatedSkills }),
              answered: t('candidate.facts.answered', { count: profile.answeredChallenges }),
              date: dateTime(profile.importedAt, locale),
            })}
          </p>
          <DataTable
            caption={t('candidate.profile')}
            className="table-compact"
            testId="profile-table"
            columns={[t('candidate.competence'), t('candidate.pix'), t('candidate.level')]}
          >
            {COMPETENCES.map((competence) => {
              const entry = byCode.get(competence.code);
              const level = entry?.level ?? 0;
              return (
                <tr key={competence.code} className={level >= 1 ? '' : 'row-muted'}>
                  <th scope="row">
                    <span className="mono">{competence.code}</span>{' '}
                    {i18n.language === 'en' ? competence.label.en : competence.label.fr}
                  </th>
                  <td>{entry?.pix ?? 0}</td>
                  <td className="nowrap">{level >= 1 ? level : t('candidate.notAssessed')}</td>
                </tr>
              );
            })}
          </DataTable>
        </>
      )}
    </section>
  );
}
