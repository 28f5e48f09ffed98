// A link to a file of the centre's (results CSV, certificate PDF) that downloads it through the API
// client (save-file.ts): a refusal or an expired login shows next to the link, in the referent's words,
// and is said aloud, instead of an error body saved as the file. The link keeps its address and name.
import { useState, type MouseEvent, type ReactNode } from 'react';
import { announce } from '../../shared/announcer.tsx';
import { useServerErrorMessage } from '../../shared/server-errors/use-server-error-message.ts';
import type { ApiFailure } from '../api/centre-client.ts';
import { useT } from '../i18n/use-t.ts';
import { useClient } from '../state/auth.tsx';
import { describeFailure } from './describe-failure.ts';
import { ErrorNotice } from './page.tsx';
import { downloadAndSave, saveBlob } from './save-file.ts';
import { useSubmitGuard } from './submit-guard.ts';

export function DownloadLink({
  href,
  fileName,
  className,
  testId,
  label,
  children,
}: {
  href: string;
  /** The name to save under when the server gives none. */
  fileName: string;
  className?: string;
  testId?: string;
  /** The accessible name, when the text alone does not say which file. */
  label?: string;
  children: ReactNode;
}) {
  const t = useT();
  const client = useClient();
  const serverMessage = useServerErrorMessage();
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const guard = useSubmitGuard();

  async function download(event: MouseEvent<HTMLAnchorElement>) {
    event.preventDefault();
    // One download per click: a double click saves the file once.
    if (!guard.claim()) return;
    setBusy(true);
    setFailure(null);
    const failed = await downloadAndSave(href, fileName, {
      download: (url) => client.download(url),
      save: (blob, name) => saveBlob(blob, name),
    });
    setBusy(false);
    guard.release();
    if (failed) {
      setFailure(failed);
      announce(
        t('common.downloadFailed', { file: fileName, reason: describeFailure(failed, t, serverMessage) }),
      );
    }
  }

  return (
    <>
      <a
        className={className}
        href={href}
        download={fileName}
        data-testid={testId}
        aria-label={label}
        aria-disabled={busy || undefined}
        onClick={(event) => void download(event)}
      >
        {children}
      </a>
      <ErrorNotice failure={failure} announced />
    </>
  );
}
