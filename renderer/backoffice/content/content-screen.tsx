// The centre's content: the challenge bank (what it holds per competence and level, its formats and
// files), its import with the attachment files, and the way to each open session's profile import.
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { announce } from '../../shared/announcer.tsx';
import { BANK_PROBLEMS_LISTED } from '../../../core/contracts/centre-api.ts';
import { COMPETENCES } from '../../../core/framework/crcn.ts';
import { longDate } from '../format.ts';
import { useLocale, useT } from '../i18n/use-t.ts';
import type { ApiFailure, BankSummary, CentreSession } from '../api/centre-client.ts';
import { useClient } from '../state/auth.tsx';
import { navigate } from '../state/router.ts';
import { asFailure, useResource } from '../state/use-resource.ts';
import { Field } from '../ui/field.tsx';
import { ErrorNotice, Loaded, PageTitle } from '../ui/page.tsx';
import type { Language } from '../../shared/i18n/i18n.ts';
import { prepareBank, type CitedFile } from './bank-file.ts';
import { challengeLabel, moreProblems, rejectedItems, type RejectedItem } from './bank-problems.ts';
import { challengeProblems } from './challenge-problems.ts';

import { DataTable } from '../ui/data-table.tsx';
import { useSubmitGuard } from '../ui/submit-guard.ts';

export function ContentScreen({ centreId }: { centreId: string }) {
  const t = useT();
  const client = useClient();
  const bank = useResource(() => client.bank(centreId), [client, centreId]);
  const sessions = useResource(() => client.sessions(centreId), [client, centreId]);
  return (
    <div className="page">
      <PageTitle intro={t('content.intro')}>{t('content.title')}</PageTitle>
      <section className="section" aria-labelledby="bank-summary" data-testid="bank-summary">
        <h2 id="bank-summary">{t('content.bankTitle')}</h2>
        <Loaded resource={bank}>{(summary) => <BankSummaryView summary={summary} />}</Loaded>
      </section>
      <BankImport centreId={centreId} onImported={(summary) => bank.set(summary)} />
      <section className="section" aria-labelledby="profiles-title">
        <h2 id="profiles-title">{t('content.profilesTitle')}</h2>
        <p>{t('content.profilesIntro')}</p>
        <Loaded resource={sessions}>
          {(list) => <ProfilesChooser sessions={list.filter((s) => s.state === 'created')} />}
        </Loaded>
      </section>
    </div>
  );
}

function BankSummaryView({ summary }: { summary: BankSummary }) {
  const t = useT();
  const { i18n } = useTranslation();
  if (summary.challenges === 0) return <p className="notice notice-warning">{t('content.bankEmpty')}</p>;
  const levels = [...new Set(summary.byCompetence.flatMap((c) => Object.keys(c.byLevel).map(Number)))].sort(
    (a, b) => a - b,
  );
  const byCode = new Map(summary.byCompetence.map((c) => [c.code, c]));
  return (
    <>
      <p className="lead" data-testid="bank-totals">
        {t('content.bankTotals', {
          challenges: t('content.counts.challenges', { count: summary.challenges }),
          operative: t('content.counts.operative', { count: summary.operative }),
        })}
      </p>
      <DataTable
        caption={t('content.byCompetence')}
        captionVisible
        className="table-compact table-numbers"
        testId="bank-table"
        columns={[
          t('content.competence'),
          ...levels.map((level) => t('content.level', { level })),
          t('content.total'),
        ]}
      >
        {COMPETENCES.map((competence) => {
          const entry = byCode.get(competence.code);
          return (
            <tr key={competence.code} className={entry && entry.challenges > 0 ? '' : 'row-muted'}>
              <th scope="row">
                <span className="mono">{competence.code}</span>{' '}
                {i18n.language === 'en' ? competence.label.en : competence.label.fr}
              </th>
              {levels.map((level) => (
                <td key={level}>{entry?.byLevel[String(level)] ?? 0}</td>
              ))}
              <td className="strong">{entry?.challenges ?? 0}</td>
            </tr>
          );
        })}
      </DataTable>
      <h3>{t('content.formats')}</h3>
      <ul className="inline-list" data-testid="bank-formats">
        {Object.entries(summary.byType)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([type, count]) => (
            <li key={type}>
              <span className="mono">{type}</span> : {count}
            </li>
          ))}
      </ul>
      <p>
        {t('content.media', {
          attachments: summary.attachments,
          illustrations: summary.illustrations,
          embeds: summary.embeds,
        })}
      </p>
    </>
  );
}

function BankImport({
  centreId,
  onImported,
}: {
  centreId: string;
  onImported: (summary: BankSummary) => void;
}) {
  const t = useT();
  const client = useClient();
  const bankInput = useRef<HTMLInputElement>(null);
  const filesInput = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [rejected, setRejected] = useState<RejectedItem[] | null>(null);
  const language: Language = useTranslation().i18n.language === 'en' ? 'en' : 'fr';
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [missing, setMissing] = useState<CitedFile[]>([]);
  const guard = useSubmitGuard();

  async function submit(event: FormEvent) {
    event.preventDefault();
    // One import at a time: a second submit would be refused (BANK_IMPORT_BUSY) or import it twice.
    if (guard.held) return;
    setError(null);
    setRejected(null);
    setFailure(null);
    setDone(null);
    setMissing([]);
    const file = bankInput.current?.files?.[0];
    if (!file) {
      setError(t('content.errors.noFile'));
      bankInput.current?.focus();
      return;
    }
    if (!guard.claim()) return;
    setBusy(true);
    try {
      const selected = await Promise.all(
        [...(filesInput.current?.files ?? [])].map(async (f) => ({
          name: f.name,
          type: f.type,
          bytes: new Uint8Array(await f.arrayBuffer()),
        })),
      );
      const prepared = prepareBank(await file.text(), selected);
      if (!prepared.ok) {
        setError(
          prepared.problem === 'notJson'
            ? t('content.errors.notJson', { message: prepared.detail })
            : t('content.errors.shape'),
        );
        bankInput.current?.focus();
        return;
      }
      // Checked here first, so that each problem reads in the screen's language (the server checks again).
      const problems = challengeProblems(prepared.body.challenges, language);
      if (problems.length > 0) {
        const listed = problems.slice(0, BANK_PROBLEMS_LISTED).map((p): RejectedItem => ({
          label: challengeLabel(p.number, p.id, t),
          field: p.field,
          detail: p.message,
          verbatim: false,
        }));
        const left = problems.length - listed.length;
        setRejected(left > 0 ? [...listed, moreProblems(left, t)] : listed);
        return;
      }
      setMissing(prepared.missing);
      const report = await client.importBank(centreId, prepared.body);
      onImported(report.summary);
      const message = t('content.imported', {
        imported: t('content.counts.challenges', { count: report.imported }),
        stored: t('content.counts.stored', { count: report.contentStored }),
      });
      setDone(message);
      announce(message);
    } catch (e) {
      const f = asFailure(e);
      if (f.bankRefusal) setRejected(rejectedItems(f.bankRefusal, t));
      else setFailure(f);
    } finally {
      setBusy(false);
      guard.release();
    }
  }

  return (
    <section className="section" aria-labelledby="bank-import">
      <h2 id="bank-import">{t('content.importTitle')}</h2>
      <form noValidate onSubmit={(e) => void submit(e)} data-testid="bank-form">
        <Field label={t('content.file')} hint={t('content.fileHint')} error={error}>
          {(control) => (
            <input
              {...control}
              ref={bankInput}
              className="file-input"
              type="file"
              accept=".json,application/json"
              data-testid="bank-input"
            />
          )}
        </Field>
        <Field
          label={t('content.attachments')}
          hint={t('content.attachmentsHint')}
          optionalLabel={t('common.optional')}
        >
          {(control) => (
            <input
              {...control}
              ref={filesInput}
              className="file-input"
              type="file"
              multiple
              data-testid="bank-files"
            />
          )}
        </Field>
        <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
          {busy ? t('content.importing') : t('content.submit')}
        </button>
      </form>
      {busy && <p role="status">{t('content.importing')}</p>}
      {done && (
        <p className="notice notice-ok" data-testid="bank-imported">
          {done}
        </p>
      )}
      {missing.length > 0 && !done && (
        <p className="notice notice-warning">
          {t('content.missingFiles', { files: missing.map((m) => m.fileName).join(', ') })}
        </p>
      )}
      {rejected && (
        <div className="notice notice-error" role="alert" data-testid="bank-rejected">
          <p className="notice-title">{t('content.rejectedTitle')}</p>
          <p>{t('content.rejected')}</p>
          <ul className="reasons">
            {rejected.map(({ label, field, detail, verbatim }, i) => (
              <li key={i}>
                {label && <strong>{label}</strong>}{' '}
                {field && (
                  <>
                    {t('content.field')} <span className="mono">{field}</span>
                    {t('content.fieldEnd')}{' '}
                  </>
                )}
                {/* The server's own words (a schema issue only it found) stay as it wrote them. */}
                <span className={verbatim ? 'mono' : undefined}>{detail}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      <ErrorNotice failure={failure} />
    </section>
  );
}

function ProfilesChooser({ sessions }: { sessions: CentreSession[] }) {
  const t = useT();
  const locale = useLocale();
  const [chosen, setChosen] = useState(sessions[0]?.id ?? '');
  if (sessions.length === 0) return <p className="empty">{t('content.noOpenSession')}</p>;
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (chosen) navigate({ page: 'profiles', sessionId: chosen });
      }}
    >
      <Field label={t('content.profilesSession')}>
        {(control) => (
          <select {...control} className="input" value={chosen} onChange={(e) => setChosen(e.target.value)}>
            {sessions.map((s) => (
              <option key={s.id} value={s.id}>
                {s.number} — {longDate(s.date, locale)} · {s.room}
              </option>
            ))}
          </select>
        )}
      </Field>
      <button type="submit" className="button button-secondary">
        {t('content.profilesGo')}
      </button>
    </form>
  );
}
