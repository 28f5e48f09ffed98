// A full certification, keyboard only, from the station home to the certificate: sign-in refusals
// shown next to their field, instructions, waiting, every challenge format (files opened in the
// built-in viewers, the challenge browser with a blocked page, the simulator posting its answer),
// the result stored and sent, the session finalized and the certificate checked by its code. The
// station reaches the server only through the school's proxy (its serverProxy setting).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SELF_CHECK_IDS } from '../core/contracts/station-self-check.ts';
import { LEA, TOM } from './fixtures/e2e-candidates.ts';
import {
  fillSignIn,
  openSignIn,
  pressOn,
  signInValues,
  submitSignIn,
  tabTo,
  typeInto,
  waitForChallenge,
} from './harness/candidate-actions.ts';
import { CertificationDay } from './harness/certification-day.ts';
import { plainSpaces } from './harness/plain-spaces.ts';
import { answerAllRight, waitForHomeReady, waitForSent } from './harness/scenario-steps.ts';
import { api, publishResults } from './harness/seed-session.ts';

let day: CertificationDay;

beforeAll(async () => {
  day = await CertificationDay.open({ scenario: 'full-certification', schoolProxy: true });
});

afterAll(async () => {
  await day?.close();
});

describe('a full certification', () => {
  it('lets the referent check the station before the first candidate; the centre sees the report', async () => {
    const page = day.page;
    await waitForHomeReady(day);
    await pressOn(page, page.getByTestId('open-self-check'), 'Enter', 'the referent’s check');
    await page.getByRole('heading', { name: 'Vérifier ce poste' }).waitFor();
    await pressOn(
      page,
      page.getByRole('button', { name: 'Lancer la vérification' }),
      'Enter',
      'run the check',
    );
    const verdict = page.getByTestId('self-check-verdict');
    await verdict.waitFor({ timeout: 30_000 });
    // Every check has its line; none fails on a station that is about to take candidates.
    const lines = await page
      .locator('[data-check]')
      .evaluateAll((items) =>
        items.map((li) => [li.getAttribute('data-check'), li.getAttribute('data-status')]),
      );
    expect(lines.map(([id]) => id)).toEqual([...SELF_CHECK_IDS]);
    expect(lines.filter(([, status]) => status === 'failure')).toEqual([]);
    // The challenge browser's home page (a demo site) answered through the URL policy.
    expect(Object.fromEntries(lines).browser).toBe('ok');
    expect(plainSpaces(await verdict.textContent())).toContain('Poste « Poste 07 »');
    // The server was reached through the school's proxy, and the line says so.
    await expect
      .poll(() => page.locator('[data-check="server"]').textContent())
      .toContain(`— par le proxy ${day.proxy?.url ?? '?'}`);
    await day.capture('station-self-check');

    // The report reached the server: the centre's station list shows the version and the check.
    const { stations } = await api<{
      stations: { name: string; version: string | null; selfCheck: { ok: boolean } | null }[];
    }>(day.server, 'GET', `/api/centre/centres/${day.seeded.centreId}/stations`, {
      token: day.seeded.adminToken,
    });
    const listed = stations.find((s) => s.name === 'Poste 07');
    expect(listed?.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(listed?.selfCheck?.ok).toBe(true);

    await pressOn(page, page.getByRole('button', { name: 'Retour à l’accueil' }), 'Enter', 'back home');
    await page.getByTestId('open-self-check').waitFor();
  });

  it('refuses a bad sign-in with the reason next to the field, in the candidate’s words', async () => {
    const page = day.page;
    await waitForHomeReady(day);
    await day.capture('station-home');
    await openSignIn(page);
    await submitSignIn(page);
    await expect.poll(() => page.locator('#signin-sessionNumber').getAttribute('aria-invalid')).toBe('true');
    await expect(page.locator('#signin-sessionNumber-error').textContent()).resolves.toContain(
      'Écrivez le numéro de session',
    );
    // Focus went to the first field in error, and the message is tied to it for screen readers.
    await expect(
      page.locator('#signin-sessionNumber').evaluate((e) => e === document.activeElement),
    ).resolves.toBe(true);
    await day.capture('sign-in-empty');

    await fillSignIn(page, { ...signInValues(LEA, day.seeded.session), accessCode: 'BCDF99' });
    await submitSignIn(page);
    await page.locator('#signin-accessCode-error').waitFor();
    await expect(page.locator('#signin-accessCode-error').textContent()).resolves.toContain(
      'Ce code d’accès ne correspond pas à cette session',
    );
    await day.capture('sign-in-wrong-code');

    await fillSignIn(page, signInValues(TOM, day.seeded.session));
    await submitSignIn(page);
    await expect(page.getByTestId('signin-error').textContent()).resolves.toContain(
      'Vous ne pouvez pas passer cette certification',
    );
    await day.capture('sign-in-not-certifiable');

    await fillSignIn(page, { ...signInValues(LEA, day.seeded.session), firstName: 'Lena' });
    await submitSignIn(page);
    await expect(page.getByTestId('signin-error').textContent()).resolves.toContain(
      'Aucun candidat inscrit à cette session n’a ce nom',
    );
    await pressOn(page, page.getByRole('button', { name: 'Retour' }), 'Enter', 'back button');
    await waitForHomeReady(day);
  });

  it('takes the candidate through every challenge format with the keyboard only', async () => {
    const page = day.page;
    await openSignIn(page);
    await fillSignIn(page, signInValues(LEA, day.seeded.session));
    await day.capture('sign-in-filled');
    await submitSignIn(page);
    await page.getByRole('heading', { name: 'Avant de commencer' }).waitFor();
    // French punctuation keeps to its word: no « left alone at a line end, no ? or : starting a line.
    const instructions = (await page.locator('main').textContent()) ?? '';
    expect(instructions).toContain('cliquez sur «\u202fSignaler un problème\u202f»');
    expect(instructions).not.toMatch(/« | [»?!;:]/);
    await day.capture('instructions');
    // Continuing without ticking the box says what is missing.
    await pressOn(page, page.getByRole('button', { name: 'Continuer' }), 'Enter', 'continue button');
    await page.getByText('Cochez la case pour confirmer').waitFor();
    await pressOn(
      page,
      page.getByRole('checkbox', { name: /J’ai lu ces consignes/ }),
      'Space',
      'consent box',
    );
    await pressOn(page, page.getByRole('button', { name: 'Continuer' }), 'Enter', 'continue button');
    await page.getByRole('heading', { name: 'En attente du surveillant' }).waitFor();
    await day.capture('waiting');
    await day.invigilator.waitFor(LEA.key, (c) => c.state === 'waiting', 'Léa waiting');
    await day.invigilator.authorizeStart(LEA.key);

    const first = await waitForChallenge(page);
    const answered = await answerAllRight(day, first, async (challenge, n) => {
      await page.getByText(`Question ${n} sur 10`).waitFor();
      await day.capture(`question-${String(n).padStart(2, '0')}-${challenge.id}`);
      for (const attachment of challenge.attachments) {
        await pressOn(
          page,
          page.locator(`[data-attachment="${attachment.fileName}"]`),
          'Enter',
          attachment.fileName,
        );
        await page.getByRole('dialog').waitFor();
        if (attachment.mediaType === 'text/csv') await page.getByRole('cell', { name: 'Yanis' }).waitFor();
        if (attachment.mediaType === 'text/plain') await page.getByText('Samir, président du club').waitFor();
        if (attachment.mediaType.startsWith('image/'))
          await page.getByRole('dialog').getByRole('img').waitFor();
        if (attachment.mediaType === 'application/pdf') {
          // Chromium's PDF viewer draws the page a moment after its frame opens.
          await expect
            .poll(() => page.frames().some((f) => f.url().startsWith('chrome-extension://')))
            .toBe(true);
          await page.waitForTimeout(1500);
        }
        await day.capture(`viewer-${attachment.fileName}`);
        await page.keyboard.press('Escape');
        await page.getByRole('dialog').waitFor({ state: 'detached' });
      }
      if (challenge.id === 'e2eQcm') {
        // The package image in the text is shown; the remote one is not fetched, its words are.
        await page
          .locator('.instruction img[alt="Graphique des livres empruntés au CDI par mois"]')
          .waitFor();
        expect(await page.locator('.instruction img').count()).toBe(1);
        // …marked where it was; what to do if it is needed to answer is said once, under the answers.
        expect(await page.locator('.instruction').textContent()).toContain(
          '(image non affichée\u00a0: Logo du CDI)',
        );
        expect(await page.getByTestId('missing-images').textContent()).toBe(
          'Une image de la question n’est pas affichée. Si elle vous manque pour répondre, cliquez sur «\u202fSignaler un problème\u202f».',
        );
      }
      if (challenge.illustration) {
        await page.getByTestId('illustration').waitFor();
        expect(await page.getByTestId('illustration').getAttribute('alt')).toBe(challenge.illustration.alt);
      }
      if (challenge.id === 'e2eQcu') {
        // The link in the question opens in the challenge browser (Tab to it, Enter).
        await pressOn(
          page,
          page.getByRole('link', { name: /atelier numérique/ }),
          'Enter',
          'link in the question',
        );
        await expect
          .poll(() => page.locator('#browser-address').inputValue())
          .toBe('https://atelier.pix-demo.test/');
        await page.getByText('Page affichée : Atelier numérique du collège').waitFor();
        await day.capture('browser-demo-site');
        // A site the policy blocks: a clear message, and the navigation is in the journal.
        await typeInto(page, page.locator('#browser-address'), 'chatgpt.com', 'address bar');
        await page.keyboard.press('Enter');
        await page.getByTestId('browser-blocked').waitFor();
        await day.capture('browser-blocked');
        await pressOn(page, page.getByRole('button', { name: 'Page précédente' }), 'Enter', 'back button');
        await expect
          .poll(() => page.locator('#browser-address').inputValue())
          .toBe('https://atelier.pix-demo.test/');
        if (day.view)
          expect(day.view.navigations.map((n) => [n.url, n.allowed])).toContainEqual([
            'https://chatgpt.com/',
            false,
          ]);
      }
    });
    expect(answered).toHaveLength(10);
    await day.capture('finished-sending');
    await waitForSent(day);
    await day.capture('finished-sent');
    // Everything went through the school's proxy: the join, the commands' stream, the live records,
    // the result (the server is plain http here: the proxy's own requests, each written in full).
    const carried = day.proxy?.carried ?? [];
    const server = day.server.url;
    expect(carried).toContainEqual(`POST ${server}/api/station/join`);
    expect(carried).toContainEqual(`GET ${server}/api/station/commands`);
    expect(carried.some((line) => line.startsWith(`POST ${server}/api/station/heartbeat`))).toBe(true);
    expect(carried.some((line) => /^POST \S+\/api\/station\/tests\/[^/]+\/result$/.test(line))).toBe(true);
  });

  it('ends with the server’s certificate and its verification code', async () => {
    await day.invigilator.waitFor(LEA.key, (c) => c.state === 'resultReceived', 'the result received');
    await day.invigilator.finalize({
      abortReasons: [],
    });
    const results = await day.invigilator.results();
    const lea = results.results.find((r) => r.candidateId === day.invigilator.candidateId(LEA.key));
    expect(lea).toBeDefined();
    expect(lea?.status).toBe('validated');
    expect(lea?.reproducibilityRate).toBe(100);
    expect(lea?.competences.every((c) => c.correct === c.asked)).toBe(true);
    const code = lea?.verificationCode ?? '';
    expect(code).toMatch(/^P-[2346789BCDFGHJKMPQRTVWXY]{8}$/);
    // Published by an administrator; then anyone can check the certificate by its code.
    await publishResults(day.server, day.seeded);
    const certificate = await day.invigilator.certificate(code);
    expect(certificate.lastName).toBe('Martin');
    expect(certificate.pixScore).toBe(lea?.pixScore);
    expect(certificate.pixScore).toBeGreaterThan(0);

    // Back to the station home for the next candidate.
    await pressOn(
      day.page,
      day.page.getByRole('button', { name: 'Terminer et revenir à l’accueil' }),
      'Enter',
    );
    await waitForHomeReady(day);
    await day.capture('home-next-candidate');
    await tabTo(day.page, day.page.getByRole('button', { name: 'Commencer ma certification' }));
  });
});
