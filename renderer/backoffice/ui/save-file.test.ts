// The results CSV and the certificates are downloaded through the API client: a refusal (409) or an
// expired login (401) is never saved as the file; it comes back as a failure for the screen to show
// and announce (a 401 also to the client's unauthorized handling). A file is saved under the server's
// name through an object URL and a temporary link.
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../shared/i18n/i18n.ts';
import { serverErrorMessage } from '../../shared/server-errors/server-error-messages.ts';
import { createCentreClient, fileNameOf } from '../api/centre-client.ts';
import { addBackOfficeMessages, translator } from '../i18n/use-t.ts';
import { describeFailure } from './describe-failure.ts';
import { downloadAndSave, saveBlob, type SaveEnvironment } from './save-file.ts';

function serverAnswering(response: () => Response) {
  const unauthorized: string[] = [];
  const client = createCentreClient({
    fetch: () => Promise.resolve(response()),
    onUnauthorized: (code) => unauthorized.push(code),
  });
  const saved: { name: string; text: Promise<string> }[] = [];
  const io = {
    download: (url: string) => client.download(url),
    save: (blob: Blob, name: string) => void saved.push({ name, text: blob.text() }),
  };
  return { io, saved, unauthorized };
}

const refusal = (status: number, code: string) => () =>
  new Response(JSON.stringify({ error: { code, message: 'the results are not published yet' } }), {
    status,
    headers: { 'content-type': 'application/json' },
  });

describe('downloading a file of the back office', () => {
  it('saves the file under the server’s name', async () => {
    const { io, saved } = serverAnswering(
      () =>
        new Response('Nom;Prénom\r\nMartin;Léa\r\n', {
          status: 200,
          headers: { 'content-disposition': 'attachment; filename="resultats-session-12.csv"' },
        }),
    );
    expect(await downloadAndSave('/api/centre/sessions/s/results.csv', 'fallback.csv', io)).toBeNull();
    expect(saved.map((s) => s.name)).toEqual(['resultats-session-12.csv']);
    expect(await saved[0]!.text).toContain('Martin;Léa');
  });

  it('saves nothing on a refusal, which comes back in French for the screen', async () => {
    const { io, saved } = serverAnswering(refusal(409, 'NO_CERTIFICATE'));
    const failure = await downloadAndSave('/api/centre/candidates/c/certificate.pdf', 'certificat.pdf', io);
    expect(saved).toEqual([]);
    expect(failure?.code).toBe('NO_CERTIFICATE');
    const i18n = addBackOfficeMessages(createI18n('fr'));
    const said = describeFailure(failure!, translator(i18n), (r) => serverErrorMessage(i18n, r));
    expect(said).toMatch(/^Pas de certificat/);
    expect(said).not.toContain('not published');
  });

  it('saves nothing when the login expired, and hands the 401 to the unauthorized handling', async () => {
    const { io, saved, unauthorized } = serverAnswering(refusal(401, 'SESSION_EXPIRED'));
    const failure = await downloadAndSave('/api/centre/sessions/s/results.csv', 'resultats.csv', io);
    expect(saved).toEqual([]);
    expect(failure?.status).toBe(401);
    expect(unauthorized).toEqual(['SESSION_EXPIRED']);
  });

  it('saves nothing when the server cannot be reached', async () => {
    const io = { download: () => Promise.reject(new TypeError('Failed to fetch')), save: () => undefined };
    expect((await downloadAndSave('/x', 'x.csv', io))?.code).toBe('UNEXPECTED');
    const client = createCentreClient({ fetch: () => Promise.reject(new TypeError('Failed to fetch')) });
    const offline = { download: (url: string) => client.download(url), save: () => undefined };
    expect((await downloadAndSave('/x', 'x.csv', offline))?.code).toBe('NETWORK');
  });

  it('reads the server’s file name, or none', () => {
    expect(fileNameOf('attachment; filename="certificat-P-ABC.pdf"')).toBe('certificat-P-ABC.pdf');
    expect(fileNameOf('attachment; filename*=UTF-8\'\'r%C3%A9sultats.csv; filename="x.csv"')).toBe(
      'résultats.csv',
    );
    expect(fileNameOf('attachment')).toBeNull();
    expect(fileNameOf(null)).toBeNull();
  });
});

describe('saving a downloaded file', () => {
  it('clicks a temporary link to an object URL, then lets the URL go', () => {
    const events: string[] = [];
    let pending: (() => void) | null = null;
    const link = {
      href: '',
      download: '',
      click: () => events.push(`click ${link.href} ${link.download}`),
      remove: () => events.push('remove'),
    };
    const env: SaveEnvironment = {
      createObjectURL: () => 'blob:abc',
      revokeObjectURL: (url) => events.push(`revoke ${url}`),
      createLink: () => link,
      later: (work) => {
        pending = work;
      },
    };
    saveBlob(new Blob(['x']), 'resultats-session-12.csv', env);
    expect(events).toEqual(['click blob:abc resultats-session-12.csv', 'remove']);
    (pending as (() => void) | null)?.();
    expect(events.at(-1)).toBe('revoke blob:abc');
  });
});
