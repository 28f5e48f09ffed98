// Import the candidates' Pix profiles (JSON) for a session: each profile goes to the enrolled
// candidate with the same student id, or the same names and birthdate; the report says, entry by
// entry, what was taken and why the rest was refused.
import { useRef, useState } from 'react';
import { announce } from '../../shared/announcer.tsx';
import { useT, type Translate } from '../i18n/use-t.ts';
import type { ApiFailure, CentreSession, ProfileImportReport } from '../api/centre-client.ts';
import { useClient } from '../state/auth.tsx';
import { hrefFor } from '../state/router.ts';
import { asFailure } from '../state/use-resource.ts';
import { ErrorNotice, NextStep } from '../ui/page.tsx';
import { ImportFileField } from './import-file-field.tsx';
import { SessionImportPage } from './session-import-page.tsx';
import { entryMessageKey, entryName, readProfileFile } from './profile-file.ts';
import { DataTable } from '../ui/data-table.tsx';

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

function ProfilesImport({ session }: { session: CentreSession }) {
  const t = useT();
  const client = useClient();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [result, setResult] = useState<{ report: ProfileImportReport; entries: Entries } | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  async function send(file: File) {
    setProblem(null);
    setFailure(null);
    setResult(null);
    const read = readProfileFile(await file.text());
    if (!read.ok) {
      setProblem(
        read.problem === 'notJson'
          ? t('profiles.errors.notJson', { message: read.detail })
          : read.problem === 'empty'
            ? t('profiles.errors.empty')
            : t('profiles.errors.shape', { details: read.detail }),
      );
      return;
    }
    setBusy(true);
    try {
      const report = await client.importProfiles(session.id, read.body);
      setResult({ report, entries: read.body.profiles.map((entry) => ({ name: entryName(entry) })) });
      announce(importedText(report, t));
      requestAnimationFrame(() => heading.current?.focus());
    } catch (e) {
      setFailure(asFailure(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <p className="hint">{t('profiles.format')}</p>
      <ImportFileField
        label={t('profiles.file')}
        hint={t('profiles.choose')}
        accept=".json,application/json"
        testId="profiles-input"
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
            {importedText(result.report, t)}
          </h2>
          <DataTable
            caption={t('profiles.title')}
            columns={[t('profiles.entry'), t('profiles.candidate'), t('profiles.status')]}
          >
            {result.report.entries.map((entry) => {
              const key = entryMessageKey(entry.message);
              return (
                <tr key={entry.index} data-status={entry.status}>
                  <th scope="row">{entry.index + 1}</th>
                  <td>{result.entries[entry.index]?.name ?? ''}</td>
                  <td>
                    <span className={`tag tag-${entry.status}`}>
                      {t(`profiles.statuses.${entry.status}`)}
                    </span>
                    {entry.message && (
                      <span className="reason"> {key ? t(`profiles.messages.${key}`) : entry.message}</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </DataTable>
          <NextStep>
            <a className="button button-primary" href={hrefFor({ page: 'session', sessionId: session.id })}>
              {t('common.backToSession')} {session.number}
            </a>
          </NextStep>
        </section>
      )}
    </>
  );
}

/** "4 profils importés, 1 refusé.": each count with its plural. */
function importedText(report: ProfileImportReport, t: Translate): string {
  return t('profiles.done', {
    imported: t('profiles.counts.imported', { count: report.imported }),
    rejected: t('profiles.counts.rejected', { count: report.rejected }),
  });
}
