// The centre's exam stations: one-time enrollment codes for IT (one per station, several at once,
// shown once), and the enrolled stations with their version, last contact and last self-check
// (warnings first); a station can be revoked, after a confirmation that names the candidates it would
// cut off (tests running, signed results awaited): « Révoquer quand même » confirms those tests and no
// other; a revoked station gets « Réinscrire ce poste », a code for it alone (station-revocation.ts).
import { useRef, useState, type FormEvent } from 'react';
import { announce } from '../../shared/announcer.tsx';
import { dateTime, elapsedSince } from '../format.ts';
import { useLocale, useT, type Translate } from '../i18n/use-t.ts';
import type { ApiFailure, EnrollmentCode, Station } from '../api/centre-client.ts';
import { useClient } from '../state/auth.tsx';
import { asFailure, useResource } from '../state/use-resource.ts';
import { ConfirmAction } from '../ui/confirm-action.tsx';
import { Field, focusFirstInvalid } from '../ui/field.tsx';
import { ErrorNotice, Loaded, PageTitle } from '../ui/page.tsx';
import { selfCheckLanguage } from '../../shared/self-check/self-check-wording.ts';
import { checkWords, codesCsv, orderedChecks, overallCheck, type StationCheck } from './station-check.ts';
import { DataTable } from '../ui/data-table.tsx';
import { useSubmitGuard } from '../ui/submit-guard.ts';
import {
  canEnrollAgain,
  enrollCommand,
  issueReenrollmentCode,
  listIsStale,
  revocationPlan,
  type IssueEnrollmentCode,
  type RevokeStation,
} from './station-revocation.ts';

const VALIDITIES = { hour: 60, day: 24 * 60, week: 7 * 24 * 60 } as const;
type Validity = keyof typeof VALIDITIES;
const CHECK_NAMES = [
  'settings',
  'server',
  'tls',
  'clock',
  'version',
  'enrollment',
  'displays',
  'disk',
  'journal',
  'browser',
] as const;

export function StationsScreen({ centreId }: { centreId: string }) {
  const t = useT();
  const client = useClient();
  const stations = useResource(() => client.stations(centreId), [client, centreId]);
  return (
    <div className="page">
      <PageTitle intro={t('stations.intro')}>{t('stations.title')}</PageTitle>
      <EnrollmentCodes centreId={centreId} />
      <section className="section" aria-labelledby="stations-list">
        <div className="section-head">
          <h2 id="stations-list">{t('stations.listTitle')}</h2>
          <button type="button" className="button button-secondary" onClick={stations.reload}>
            {t('common.refresh')}
          </button>
        </div>
        <Loaded resource={stations}>
          {(list) => (
            <StationTable
              stations={list}
              onRevoked={(revoked) =>
                stations.update((current) => current.map((s) => (s.id === revoked.id ? revoked : s)))
              }
              onStale={stations.reload}
            />
          )}
        </Loaded>
      </section>
    </div>
  );
}

function EnrollmentCodes({ centreId }: { centreId: string }) {
  const t = useT();
  const locale = useLocale();
  const client = useClient();
  const [count, setCount] = useState('1');
  const [validity, setValidity] = useState<Validity>('day');
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const [codes, setCodes] = useState<EnrollmentCode[]>([]);
  const guard = useSubmitGuard();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // One batch of codes per click: a second submit while it is issued does nothing.
    if (guard.held) return;
    const form = event.currentTarget;
    setFailure(null);
    const n = /^\d+$/.test(count.trim()) ? Number(count.trim()) : Number.NaN;
    if (!(n >= 1 && n <= 60)) {
      setError(t('stations.countError'));
      focusFirstInvalid(form);
      return;
    }
    setError(null);
    if (!guard.claim()) return;
    setBusy(true);
    const issued: EnrollmentCode[] = [];
    try {
      for (let i = 0; i < n; i += 1)
        issued.push(await client.issueEnrollmentCode(centreId, VALIDITIES[validity]));
    } catch (e) {
      setFailure(asFailure(e));
    } finally {
      setCodes(issued);
      setBusy(false);
      guard.release();
      if (issued.length > 0) announce(t('stations.issued', { count: issued.length }));
    }
  }

  return (
    <section className="section" aria-labelledby="codes-title">
      <h2 id="codes-title">{t('stations.codesTitle')}</h2>
      <form noValidate onSubmit={(e) => void submit(e)} className="inline-form" data-testid="codes-form">
        <Field label={t('stations.count')} hint={t('stations.countHint')} error={error}>
          {(control) => (
            <input
              {...control}
              className="input input-tiny"
              inputMode="numeric"
              name="count"
              value={count}
              onChange={(e) => setCount(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('stations.validity')}>
          {(control) => (
            <select
              {...control}
              className="input"
              value={validity}
              onChange={(e) => setValidity(e.target.value as Validity)}
            >
              {(Object.keys(VALIDITIES) as Validity[]).map((v) => (
                <option key={v} value={v}>
                  {t(`stations.validities.${v}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
          {busy ? t('stations.issuing') : t('stations.issue')}
        </button>
      </form>
      <ErrorNotice failure={failure} />
      {codes.length > 0 && (
        <div className="codes" data-testid="enrollment-codes">
          <p className="notice notice-warning">
            <strong>{t('stations.issued', { count: codes.length })}.</strong> {t('stations.issuedWarning')}
          </p>
          <table className="table table-compact">
            <caption className="visually-hidden">{t('stations.issued', { count: codes.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('stations.code')}</th>
                <th scope="col">{t('stations.expires')}</th>
              </tr>
            </thead>
            <tbody>
              {codes.map((c) => (
                <tr key={c.code}>
                  <td className="code" data-testid="enrollment-code">
                    {c.code}
                  </td>
                  <td>{dateTime(c.expiresAt, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <a
            className="button button-secondary"
            download="codes-inscription-postes.csv"
            href={`data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${codesCsv(codes)}`)}`}
          >
            {t('stations.downloadCodes')}
          </a>
        </div>
      )}
    </section>
  );
}

function ago(iso: string, t: Translate): string {
  const since = elapsedSince(iso, Date.now());
  return since.unit === 'now'
    ? t('stations.ago.now')
    : t(`stations.ago.${since.unit}`, { count: since.count });
}

function checkName(name: string, t: Translate): string {
  return (CHECK_NAMES as readonly string[]).includes(name)
    ? t(`stations.checks.names.${name as (typeof CHECK_NAMES)[number]}`)
    : name;
}

/** What a line found (and what to do), in the page's language when the station sent its code. */
function CheckFinding({ check, locale }: { check: StationCheck; locale: string }) {
  const language = selfCheckLanguage(locale);
  const worded = checkWords(check, language);
  if (!worded.detail) return null;
  return (
    <>
      {language === 'fr' ? ' : ' : ': '}
      {/* The station's own French sentence (an older station): said with a French voice in English. */}
      <span lang={worded.lang === language ? undefined : worded.lang}>
        {worded.detail}
        {worded.action && ` — ${worded.action}`}
      </span>
    </>
  );
}

function StationTable({
  stations,
  onRevoked,
  onStale,
}: {
  stations: Station[];
  onRevoked: (station: Station) => void;
  /** A revocation was refused for tests the list did not show: read it again. */
  onStale: () => void;
}) {
  const t = useT();
  const locale = useLocale();
  const client = useClient();
  const stale = useRef(false);
  if (stations.length === 0) return <p className="empty">{t('stations.empty')}</p>;
  const sorted = [...stations].sort((a, b) => a.name.localeCompare(b.name, 'fr', { numeric: true }));
  const revokeStation: RevokeStation = client.revokeStation;

  async function revoke(station: Station) {
    try {
      // The tests the confirmation named, and no other: one started since is refused, then shown.
      const { confirmTestIds } = revocationPlan(station);
      const revoked = await revokeStation(station.id, { confirmTestIds });
      onRevoked(revoked);
      announce(t('stations.revokedDone', { name: revoked.name }));
    } catch (error) {
      if (listIsStale(asFailure(error))) stale.current = true;
      throw error;
    }
  }

  function closed() {
    if (!stale.current) return;
    stale.current = false;
    onStale();
  }

  return (
    <DataTable
      caption={t('stations.listTitle')}
      testId="stations-table"
      columns={[
        t('stations.name'),
        t('stations.version'),
        t('stations.lastSeen'),
        t('stations.check'),
        t('stations.state'),
        <span className="visually-hidden">{t('stations.actions')}</span>,
      ]}
    >
      {sorted.map((station) => {
        const overall = overallCheck(station);
        const plan = revocationPlan(station);
        return (
          <tr
            key={station.id}
            data-testid="station-row"
            data-station-id={station.id}
            data-check={overall}
            className={station.revokedAt ? 'row-muted' : ''}
          >
            <th scope="row">
              {station.name}
              <span className="sub mono" title={station.id}>
                {t('stations.id')} {station.id.slice(0, 12)}…
              </span>
            </th>
            <td>{station.version ?? t('stations.unknownVersion')}</td>
            <td>
              {station.lastSeenAt ? (
                <>
                  {ago(station.lastSeenAt, t)}
                  <span className="sub">{dateTime(station.lastSeenAt, locale)}</span>
                </>
              ) : (
                t('stations.never')
              )}
            </td>
            <td>
              <span className={`tag tag-check-${overall}`}>{t(`stations.checks.${overall}`)}</span>
              {station.selfCheck && (
                <details className="check-details">
                  <summary>
                    {t('stations.checks.details', {
                      date: dateTime(station.selfCheck.checkedAt, locale),
                    })}
                  </summary>
                  <ul className="check-lines">
                    {orderedChecks(station).map((check) => (
                      <li key={check.name} data-status={check.status}>
                        <span
                          className={`tag tag-check-${check.status === 'skipped' ? 'none' : check.status}`}
                        >
                          {t(`stations.checks.statuses.${check.status}`)}
                        </span>{' '}
                        <strong>{checkName(check.name, t)}</strong>
                        <CheckFinding check={check} locale={locale} />
                      </li>
                    ))}
                  </ul>
                </details>
              )}
            </td>
            <td>
              {station.revokedAt
                ? t('stations.revoked', { date: dateTime(station.revokedAt, locale) })
                : t('stations.active')}
              {plan.inUse.length > 0 && (
                <span className="sub" data-testid="station-in-use">
                  {t('stationUse.inUse', { count: plan.inUse.length })}
                </span>
              )}
            </td>
            <td>
              {canEnrollAgain(station) && <EnrollAgain station={station} />}
              {!station.revokedAt && (
                <ConfirmAction
                  title={t('stations.revokeTitle', { name: station.name })}
                  text={t('stations.revokeText')}
                  details={plan.inUse.length > 0 ? <InUseList plan={plan} /> : undefined}
                  confirmLabel={
                    plan.inUse.length > 0 ? t('stationUse.revokeAnyway') : t('stations.revokeConfirm')
                  }
                  danger
                  onConfirm={() => revoke(station)}
                  onClosed={closed}
                >
                  {(ask) => (
                    <button
                      type="button"
                      className="button button-danger-outline button-small"
                      aria-label={t('stations.revokeLabel', { name: station.name })}
                      onClick={ask}
                    >
                      {t('stations.revoke')}
                    </button>
                  )}
                </ConfirmAction>
              )}
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}

/**
 * « Réinscrire ce poste » on a revoked station's row: a code that enrolls this station again, and no
 * other key, shown once with what IT runs on the station.
 */
function EnrollAgain({ station }: { station: Station }) {
  const t = useT();
  const locale = useLocale();
  const client = useClient();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [issued, setIssued] = useState<EnrollmentCode | null>(null);
  const shown = useRef<HTMLDivElement>(null);
  const guard = useSubmitGuard();
  const issue: IssueEnrollmentCode = client.issueEnrollmentCode;

  async function enrollAgain() {
    if (!guard.claim()) return;
    setBusy(true);
    setFailure(null);
    try {
      const code = await issueReenrollmentCode(issue, station);
      setIssued(code);
      announce(t('stations.reenrollCode', { name: station.name, code: code.code }));
      requestAnimationFrame(() => shown.current?.focus());
    } catch (e) {
      setFailure(asFailure(e));
    } finally {
      setBusy(false);
      guard.release();
    }
  }

  if (issued) {
    return (
      <div className="notice notice-warning" data-testid="reenrollment-code" tabIndex={-1} ref={shown}>
        <p>
          <strong>{t('stations.reenrollCode', { name: station.name, code: issued.code })}</strong>
        </p>
        <p>{t('stations.reenrollHow')}</p>
        <p>
          <code className="code">{enrollCommand(issued.code)}</code>
        </p>
        <p>{t('stations.reenrollOnly', { date: dateTime(issued.expiresAt, locale) })}</p>
      </div>
    );
  }
  return (
    <>
      <button
        type="button"
        className="button button-secondary button-small"
        aria-label={t('stations.reenrollLabel', { name: station.name })}
        aria-disabled={busy || undefined}
        onClick={() => void enrollAgain()}
      >
        {busy ? t('stations.reenrolling') : t('stations.reenroll')}
      </button>
      <ErrorNotice failure={failure} />
    </>
  );
}

/** The candidates a revocation would cut off, in the confirmation. */
function InUseList({ plan }: { plan: ReturnType<typeof revocationPlan> }) {
  const t = useT();
  return (
    <div className="notice notice-warning" data-testid="station-in-use-list">
      <p>{t('stationUse.listIntro', { count: plan.inUse.length })}</p>
      <ul>
        {plan.inUse.map((test) => (
          <li key={test.testId}>
            {t('stationUse.candidate', {
              name: test.candidateName,
              number: test.sessionNumber,
              state: t(`stationUse.states.${test.state}`),
            })}
          </li>
        ))}
      </ul>
      <p>{t('stationUse.warning')}</p>
    </div>
  );
}
