// The session kit, printable from the browser: a first page for the invigilator (session number,
// candidates' access code, invigilator password, the invigilator screen's address, the exam-day
// steps), then the room's candidate list with each one's extra time and test duration.
import { useTranslation } from 'react-i18next';
import { allowedDurationMs } from '../../../core/exam/duration.ts';
import { formatTimeLeft } from '../../shared/format-duration.ts';
import { byName, longDate, shortDate } from '../format.ts';
import { useLocale, useT, type MessageKey } from '../i18n/use-t.ts';
import { useShowCentre } from '../layout/app-shell.tsx';
import type { Candidate, CentreSession } from '../api/centre-client.ts';
import { useClient } from '../state/auth.tsx';
import { useResource } from '../state/use-resource.ts';
import { BackToSession } from '../ui/back-to-session.tsx';
import { Loaded, PageTitle } from '../ui/page.tsx';
import { DataTable } from '../ui/data-table.tsx';

const STEPS: readonly MessageKey[] = [
  'kit.steps.before',
  'kit.steps.invigilator',
  'kit.steps.board',
  'kit.steps.signIn',
  'kit.steps.presence',
  'kit.steps.alerts',
  'kit.steps.end',
  'kit.steps.finalize',
];

export function SessionKitScreen({ sessionId }: { sessionId: string }) {
  const client = useClient();
  const data = useResource(async () => {
    const [session, candidates] = await Promise.all([
      client.session(sessionId),
      client.candidates(sessionId),
    ]);
    return { session, candidates };
  }, [client, sessionId]);
  useShowCentre(data.data?.session.centreId);
  return (
    <div className="page kit-page">
      <Loaded resource={data} titled={false}>
        {({ session, candidates }) => <Kit session={session} candidates={candidates} />}
      </Loaded>
    </div>
  );
}

function Kit({ session, candidates }: { session: CentreSession; candidates: Candidate[] }) {
  const t = useT();
  const locale = useLocale();
  const { t: shared } = useTranslation();
  const invigilatorUrl = `${window.location.origin}/invigilator/`;
  const sorted = [...candidates].sort(byName);
  return (
    <>
      <BackToSession session={session} className="no-print" />
      {/* The page's title is printed too: it heads the first sheet. */}
      <PageTitle>{t('kit.pageTitle', { number: session.number })}</PageTitle>
      <div className="no-print">
        <p className="lead">{t('kit.intro')}</p>
        <button
          type="button"
          className="button button-primary"
          data-testid="print-kit"
          onClick={() => window.print()}
        >
          {t('kit.print')}
        </button>
      </div>

      <article className="kit" data-testid="session-kit" aria-label={t('kit.title')}>
        <section className="kit-sheet">
          <p className="kit-where">
            {t('kit.where', { centre: session.centreName, room: session.room, address: session.address })}
          </p>
          <p className="kit-where">
            {t('kit.when', {
              date: longDate(session.date, locale),
              time: session.time,
              examiner: session.examiner,
            })}
          </p>
          <dl className="kit-codes">
            <div>
              <dt>{t('kit.sessionNumber')}</dt>
              <dd className="kit-code" data-testid="kit-session-number">
                {session.number}
              </dd>
            </div>
            <div>
              <dt>{t('kit.accessCode')}</dt>
              <dd className="kit-code" data-testid="kit-access-code">
                {session.accessCode}
              </dd>
              <dd className="kit-note">{t('kit.accessCodeNote')}</dd>
            </div>
            <div className="kit-secret">
              <dt>{t('kit.invigilatorPassword')}</dt>
              <dd className="kit-code" data-testid="kit-invigilator-password">
                {session.invigilatorPassword}
              </dd>
              <dd className="kit-note">{t('kit.invigilatorPasswordNote')}</dd>
            </div>
          </dl>
          <p className="kit-url">{t('kit.invigilatorScreen', { url: invigilatorUrl })}</p>
          <h2 className="kit-subheading">{t('kit.stepsTitle')}</h2>
          <ol className="kit-steps" data-testid="kit-steps">
            {STEPS.map((key) => (
              <li key={key}>{t(key)}</li>
            ))}
          </ol>
        </section>

        <section className="kit-sheet kit-candidates">
          <h2 className="kit-heading">{t('kit.heading', { number: session.number })}</h2>
          <h3>{t('kit.candidatesTitle', { count: candidates.length })}</h3>
          {sorted.length === 0 ? (
            <p>{t('kit.noCandidates')}</p>
          ) : (
            <DataTable
              caption={t('kit.candidatesTitle', { count: candidates.length })}
              className="kit-table"
              testId="kit-candidates"
              columns={[
                t('kit.name'),
                t('kit.firstName'),
                t('kit.birthdate'),
                t('kit.extraTime'),
                t('kit.endTime'),
                t('kit.adjustment'),
                t('kit.signature'),
              ]}
            >
              {sorted.map((c) => (
                <tr key={c.id} data-testid="kit-candidate">
                  <th scope="row">{c.lastName.toLocaleUpperCase('fr-FR')}</th>
                  <td>{c.firstName}</td>
                  <td>{shortDate(c.birthdate, locale)}</td>
                  <td>{c.extraTimePercentage > 0 ? `+${c.extraTimePercentage}\u00a0%` : t('kit.noExtra')}</td>
                  <td>{formatTimeLeft(allowedDurationMs(c.extraTimePercentage), shared)}</td>
                  <td>{c.accessibilityAdjustment ? t('common.yes') : t('common.no')}</td>
                  <td className="kit-signature" />
                </tr>
              ))}
            </DataTable>
          )}
        </section>
      </article>
    </>
  );
}
