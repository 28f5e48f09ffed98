// The session page's readiness check end to end, in Chromium against the real server: every candidate
// has a certifiable profile and the bank is imported, but a question every test can contain carries an
// old binary Word file (.doc) the stations cannot open. The « Prochaine étape » panel says so, naming the
// question, the file, who could be asked it and what to do; the referent imports the corrected question
// (the same document as .docx) and checks again: the session is ready.
// Pictures in test-results/screenshots/session-readiness/.
import { createHash } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Challenge } from '../core/challenge/challenge.ts';
import { ADMIN } from '../server/testing/test-server.ts';
import { BackOfficePage, Captures } from './backoffice/backoffice-page.ts';
import { E2E_BANK, fileContent, type FileContent } from './fixtures/e2e-bank.ts';
import { HUGO, LEA } from './fixtures/e2e-candidates.ts';
import { CertificationServer } from './harness/certification-server.ts';
import { launchChromium } from './harness/chromium.ts';
import { plainSpaces } from './harness/plain-spaces.ts';
import { ensureWebScreensBuilt } from './harness/renderer-build.ts';
import { api, e2eContent, seedSession, type SeededSession } from './harness/seed-session.ts';

/** The question whose file is replaced: with a full profile, every candidate's test contains it. */
const QUESTION = 'e2eTexte';
const DOCX = fileContent(
  'conseil-vie-collegienne.docx',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
);
/** The same document saved as Word 97–2003: the server only reads its type, never its bytes. */
const DOC: FileContent = (() => {
  const bytes = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(504)]);
  return {
    fileName: 'conseil-vie-collegienne.doc',
    mediaType: 'application/msword',
    bytes,
    hash: createHash('sha256').update(bytes).digest('hex'),
  };
})();

/** The bank's question with the document as its only attachment. */
function questionWith(file: FileContent): Challenge {
  const question = E2E_BANK.find((c) => c.id === QUESTION);
  if (!question) throw new Error(`no ${QUESTION} in the e2e bank`);
  return {
    ...question,
    instruction: 'Lis le compte rendu du conseil de la vie collégienne. Qui a écrit ce message ?',
    attachments: [
      { hash: file.hash, fileName: file.fileName, mediaType: file.mediaType, size: file.bytes.length },
    ],
  };
}

const inline = (file: FileContent) => ({
  hash: file.hash,
  mediaType: file.mediaType,
  base64: file.bytes.toString('base64'),
});

/** A date two weeks ahead: the session stays « to come » whatever day the test runs. */
function inTwoWeeks(): string {
  return new Date(Date.now() + 14 * 24 * 3600_000).toISOString().slice(0, 10);
}

let server: CertificationServer;
let browser: Browser;
let bo: BackOfficePage;
let seeded: SeededSession;

beforeAll(async () => {
  const webRoot = ensureWebScreensBuilt(['centre']);
  if (!webRoot) throw new Error('the back office’s sources are missing');
  server = await CertificationServer.start({ webRoot });
  // Two certifiable candidates (no one without a profile, whose step would come first).
  const content = e2eContent([LEA, HUGO]);
  content.details.date = inTwoWeeks();
  content.bank = E2E_BANK.map((c) => (c.id === QUESTION ? questionWith(DOC) : c));
  content.files = [...content.files, DOC];
  seeded = await seedSession(server, content);
  browser = await launchChromium();
  bo = await BackOfficePage.open(browser, server.url, new Captures('session-readiness'));
}, 60_000);

afterAll(async () => {
  await bo?.close();
  await browser?.close();
  await server?.close();
});

describe('the session’s readiness check', () => {
  it('says which file the stations cannot open, for whom, and what to do', async () => {
    const { page } = bo;
    await bo.login(ADMIN.email, ADMIN.password);
    await bo.go(`#/sessions/${seeded.session.id}`);
    await bo.heading(`Session ${seeded.session.number}`).waitFor();

    const panel = page.getByTestId('next-step');
    const status = panel.getByRole('status');
    await panel.locator('[data-step="testsNotReady"]').waitFor();
    await expect(status.textContent().then(plainSpaces)).resolves.toBe(
      'Tout n’est pas prêt : le jour de l’examen, des candidats ne pourraient pas passer leur test normalement. Corrigez les points ci-dessous, puis vérifiez de nouveau.',
    );
    const files = panel.getByRole('region', {
      name: '1 fichier joint que les postes ne peuvent pas ouvrir',
    });
    await files.getByRole('heading', { level: 2 }).waitFor();
    // One line for the question, naming its file, the fix and both candidates (sorted by last name).
    await expect(
      files
        .getByRole('listitem')
        .allTextContents()
        .then((texts) => texts.map(plainSpaces)),
    ).resolves.toEqual([
      `La question ${QUESTION} utilise un fichier .doc (« ${DOC.fileName} ») que les postes ne peuvent pas ouvrir : remplacez-le par un PDF, un CSV, un classeur (.xlsx, .ods) ou un document (.docx, .odt). Elle peut être posée à Hugo BERNARD et Léa MARTIN.`,
    ]);
    // The tests themselves can be prepared: only the file is wrong.
    await expect(panel.getByTestId('unbuildable-tests').count()).resolves.toBe(0);
    await expect(
      panel
        .getByRole('link', {
          name: 'Corrigez la banque, puis importez-la de nouveau dans « Épreuves et profils ».',
        })
        .getAttribute('href'),
    ).resolves.toBe(`#/centres/${seeded.centreId}/content`);
    await panel.getByRole('button', { name: 'Vérifier de nouveau' }).waitFor();
    await bo.capture('tests-not-ready');
  });

  it('says the session is ready once the corrected question is imported and checked again', async () => {
    const { page } = bo;
    // The referent's corrected bank: the same question, its document as .docx.
    await api(server, 'POST', `/api/centre/centres/${seeded.centreId}/bank/import`, {
      token: seeded.adminToken,
      body: { challenges: [questionWith(DOCX)], content: [inline(DOCX)] },
    });
    const panel = page.getByTestId('next-step');
    await panel.getByRole('button', { name: 'Vérifier de nouveau' }).click();
    await panel.locator('[data-step="ready"]').waitFor();
    await expect(panel.getByRole('status').textContent().then(plainSpaces)).resolves.toBe(
      'Tout est prêt : imprimez le kit de session, vérifiez les postes de la salle, puis le jour de l’examen donnez le mot de passe au surveillant.',
    );
    await expect(panel.getByTestId('unopenable-files').count()).resolves.toBe(0);
    // The .doc is no longer in the bank: nothing to replace for other sessions either.
    await expect(panel.getByTestId('bank-unopenable').count()).resolves.toBe(0);
    await expect(panel.getByRole('button', { name: 'Vérifier de nouveau' }).count()).resolves.toBe(0);
    expect(bo.pageErrors).toEqual([]);
    await bo.capture('ready');
  });
});
