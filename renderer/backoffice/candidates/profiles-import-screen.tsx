// Import the candidates' Pix profiles (JSON) for a session: each profile goes to the enrolled
// candidate with the same student id, or the same names and birthdate; the report says, entry by
// entry, what was taken (new, or replacing a profile imported before) and why the rest was refused.
// The file is first sent as a dry run: if it would replace profiles, the referent sees which and
// confirms before anything is stored (profile-preview.ts). The input is emptied once a file is read, so
// that the same file can be chosen again (after Cancel, a refusal, or a failed import); when Cancel or a
// failed confirmation removes the focused button's section, the focus goes back to the input.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { announce } from '../../shared/announcer.tsx';
import type { Language } from '../../shared/i18n/i18n.ts';
import { useT, type Translate } from '../i18n/use-t.ts';
import type { ApiFailure, CentreSession, ProfileImportReport } from '../api/centre-client.ts';
import { useClient } from '../state/auth.tsx';
import { hrefFor } from '../state/router.ts';
import { asFailure } from '../state/use-resource.ts';
import { ErrorNotice, NextStep } from '../ui/page.tsx';
import { readyForAnotherFile } from './file-input.ts';
import { ImportFileField } from './import-file-field.tsx';
import { SessionImportPage } from './session-import-page.tsx';
import { entryMessageKey, entryName, profileFileProblemText, readProfileFile } from './profile-file.ts';
import { afterPreview, pixChange, previewBody } from './profile-preview.ts';
import { DataTable } from '../ui/data-table.tsx';
import { useSubmitGuard } from '../ui/submit-guard.ts';

export function ProfilesImportScreen({ sessionId }: { sessionId: string }) {
  const t = useT();
  return (
    <SessionImportPage
      sessionId={sessionId}
      title={t('profiles.title')}
      intro={t('profiles.intro')}
      closed={t('profiles.closed')}
    >
      {(session) => <ProfilesImport session={session} />}
    </SessionImportPage>
  );
}

type Entries = { name: string }[];
type ProfileBody = Extract<ReturnType<typeof readProfileFile>, { ok: true }>['body'];

function ProfilesImport({ session }: { session: CentreSession }) {
  const t = useT();
  // The file's problems are worded in the screen's language (profile-file.ts).
  const language: Language = useTranslation().i18n.language === 'en' ? 'en' : 'fr';
  const client = useClient();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [result, setResult] = useState<{ report: ProfileImportReport; entries: Entries } | null>(null);
  // The dry run's report, while the referent decides whether the file may replace profiles.
  const [pending, setPending] = useState<{
    body: ProfileBody;
    report: ProfileImportReport;
    entries: Entries;
  } | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const guard = useSubmitGuard();

  function show(report: ProfileImportReport, entries: Entries) {
    setResult({ report, entries });
    announce(report.dryRun ? previewText(report, t) : importedText(report, t));
    requestAnimationFrame(() => heading.current?.focus());
  }

  async function importNow(body: ProfileBody, entries: Entries) {
    show(await client.importProfiles(session.id, body), entries);
  }

  async function send(file: File) {
    if (guard.held) {
      readyForAnotherFile(input.current, { focus: false });
      return;
    }
    setProblem(null);
    setFailure(null);
    setResult(null);
    setPending(null);
    const text = await file.text();
    // Read: the input may take the same file again (corrected, or after Cancel).
    readyForAnotherFile(input.current, { focus: false });
    const read = readProfileFile(text, language);
    if (!read.ok) {
      setProblem(profileFileProblemText(read, t));
      return;
    }
    const entries = read.body.profiles.map((entry) => ({ name: entryName(entry) }));
    await run(async () => {
      // A dry run first: profiles imported before are replaced only once the referent says so.
      const preview = await client.importProfiles(session.id, previewBody(read.body));
      if (afterPreview(preview) === 'import') return importNow(read.body, entries);
      setPending({ body: read.body, report: preview, entries });
      show(preview, entries);
    });
  }

  async function confirm() {
    if (!pending) return;
    const { body, entries } = pending;
    await run(async () => {
      setPending(null);
      setResult(null);
      try {
        await importNow(body, entries);
      } catch (error) {
        // The confirmation's section is gone with the focused button: back to the file.
        readyForAnotherFile(input.current, { focus: true });
        throw error;
      }
    });
  }

  /** One request at a time: a second file or click while one is in flight does nothing. */
  async function run(work: () => Promise<void>) {
    if (!guard.claim()) return;
    setBusy(true);
    try {
      await work();
    } catch (e) {
      setFailure(asFailure(e));
    } finally {
      setBusy(false);
      guard.release();
    }
  }

  return (
    <>
      <p className="hint">{t('profiles.format')}</p>
      <ImportFileField
        label={t('profiles.file')}
        hint={t('profilesReplace.choose')}
        accept=".json,application/json"
        testId="profiles-input"
        inputRef={input}
        onFile={(file) => void send(file)}
      />
      {busy && <p role="status">{t('profiles.importing')}</p>}
      {problem && (
        <p className="notice notice-error" role="alert" data-testid="error">
          {problem}
        </p>
      )}
      <ErrorNotice failure={failure} />
      {result && (
        <section className="section" aria-labelledby="profiles-result" data-testid="profiles-report">
          <h2 id="profiles-result" ref={heading} tabIndex={-1}>
            {result.report.dryRun ? previewText(result.report, t) : importedText(result.report, t)}
          </h2>
          {result.report.dryRun && (
            <p className="notice notice-warning" data-testid="profiles-preview">
              {t('profilesReplace.warning', { count: result.report.replaced })}
            </p>
          )}
          <DataTable
            caption={t('profiles.title')}
            columns={[t('profiles.entry'), t('profiles.candidate'), t('profiles.status')]}
          >
            {result.report.entries.map((entry) => {
              const key = entryMessageKey(entry.message);
              const change = pixChange(entry);
              return (
                <tr key={entry.index} data-status={entry.status}>
                  <th scope="row">{entry.index + 1}</th>
                  <td>{result.entries[entry.index]?.name ?? ''}</td>
                  <td>
                    <span className={`tag ${STATUS_TAGS[entry.status]}`}>
                      {result.report.dryRun
                        ? t(`profilesReplace.previewStatuses.${entry.status}`)
                        : t(`profilesReplace.statuses.${entry.status}`)}
                    </span>
                    {change && <span className="reason"> {t('profilesReplace.pixChange', change)}</span>}
                    {entry.message && (
                      <span className="reason"> {key ? t(`profiles.messages.${key}`) : entry.message}</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </DataTable>
          {result.report.dryRun ? (
            <div className="form-actions">
              <button
                type="button"
                className="button button-primary"
                aria-disabled={busy || undefined}
                data-testid="profiles-confirm"
                onClick={() => void confirm()}
              >
                {t('profilesReplace.confirm')}
              </button>
              <button
                type="button"
                className="button button-secondary"
                onClick={() => {
                  if (guard.held) return;
                  setPending(null);
                  setResult(null);
                  readyForAnotherFile(input.current, { focus: true });
                  announce(t('profilesReplace.cancelled'));
                }}
              >
                {t('profilesReplace.cancel')}
              </button>
            </div>
          ) : (
            <NextStep>
              <a className="button button-primary" href={hrefFor({ page: 'session', sessionId: session.id })}>
                {t('common.backToSession')} {session.number}
              </a>
            </NextStep>
          )}
        </section>
      )}
    </>
  );
}

const STATUS_TAGS = {
  imported: 'tag-imported',
  replaced: 'tag-check-warning',
  rejected: 'tag-rejected',
} as const;

/** "4 profils importés, 1 refusé." (and "1 remplacé" when some were): each count with its plural. */
function importedText(report: ProfileImportReport, t: Translate): string {
  if (report.replaced === 0) {
    return t('profiles.done', {
      imported: t('profiles.counts.imported', { count: report.imported }),
      rejected: t('profiles.counts.rejected', { count: report.rejected }),
    });
  }
  return t('profilesReplace.done', {
    imported: t('profiles.counts.imported', { count: report.imported }),
    replaced: t('profilesReplace.counts.replaced', { count: report.replaced }),
    rejected: t('profiles.counts.rejected', { count: report.rejected }),
  });
}

/** The dry run's heading: how many profiles the file would replace. */
function previewText(report: ProfileImportReport, t: Translate): string {
  return t('profilesReplace.previewTitle', { count: report.replaced });
}
