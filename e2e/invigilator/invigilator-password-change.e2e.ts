// « Changer le mot de passe du surveillant », end to end: the real server (its own process) serving the
// invigilator screen and the back office, in Chromium, every page from the same address (127.0.0.1, as
// a school's screens behind its one public address). An invigilator screen is open on the room; another
// is blocked by « Trop de tentatives » after 5 wrong passwords, while the first browser still logs in
// again (the server knows it from its first login); the referent changes the password in
// the back office (a confirmation, then the new password shown); the blocked screen logs in at once
// with it, and the screen logged in with the old one is sent to the login page, told why.
// Every screen passes axe and is pictured in test-results/screenshots/invigilator-password-change/.
import type { Browser, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CentreSession } from '../../core/contracts/centre-api.ts';
import { BackOfficePage, Captures } from '../backoffice/backoffice-page.ts';
import { HUGO, LEA } from '../fixtures/e2e-candidates.ts';
import { CertificationServer } from '../harness/certification-server.ts';
import { launchChromium } from '../harness/chromium.ts';
import { ensureWebScreensBuilt } from '../harness/renderer-build.ts';
import { api, e2eContent, seedSession, type SeededSession } from '../harness/seed-session.ts';
import { InvigilatorPage } from './invigilator-page.ts';

const SCENARIO = 'invigilator-password-change';
const REFERENT = {
  email: 'claire.durand@college-jean-moulin.test',
  password: 'une phrase pour la référente',
  name: 'Mme Claire Durand',
};
/** The login failures from one address after which the session's logins are refused there (429). */
const MAX_FAILURES = 5;

let server: CertificationServer;
let browser: Browser;
let seeded: SeededSession;
let captures: Captures;
/** Logged in with the kit's password before the change. */
let watching: InvigilatorPage;
/** Blocked by wrong passwords, then let in with the new one. */
let blocked: InvigilatorPage;
let bo: BackOfficePage;
let newPassword = '';
/** The invigilator API's answers to the watching screen once the password changed. */
const watchingAnswers: { url: string; status: number }[] = [];

/** Submits the invigilator login form and returns the server's answer. */
async function submitLogin(page: Page, password: string): Promise<Response> {
  await page.getByLabel('Mot de passe surveillant').fill(password);
  const [answer] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/invigilator/login')),
    page.getByRole('button', { name: 'Accéder à la salle' }).click(),
  ]);
  return answer;
}

beforeAll(async () => {
  const webRoot = ensureWebScreensBuilt(['invigilator', 'centre']);
  if (!webRoot) throw new Error('the invigilator screen’s or the back office’s sources are missing');
  server = await CertificationServer.start({ webRoot });
  seeded = await seedSession(server, e2eContent([LEA, HUGO]));
  await api(server, 'POST', '/api/centre/accounts', {
    token: seeded.adminToken,
    body: {
      email: REFERENT.email,
      displayName: REFERENT.name,
      role: 'referent',
      centreId: seeded.centreId,
      password: REFERENT.password,
    },
  });
  browser = await launchChromium();
  captures = new Captures(SCENARIO);
}, 120_000);

afterAll(async () => {
  await bo?.close();
  await blocked?.close();
  await watching?.close();
  await browser?.close();
  await server?.close();
});

describe('the referent changes the invigilator password', () => {
  it('an invigilator screen is open on the room, logged in with the password of the session kit', async () => {
    watching = await InvigilatorPage.open(browser, server.url, captures);
    await watching.login(seeded.session);
    expect(await watching.page.getByTestId('candidate-card').count()).toBe(2);
    await watching.capture('room-logged-in');
  });

  it(`another screen, after ${MAX_FAILURES} wrong passwords from the same address, is refused «\u202fTrop de tentatives\u202f», even with the right one`, async () => {
    blocked = await InvigilatorPage.open(browser, server.url, captures);
    const page = blocked.page;
    await page.getByLabel('Numéro de session').fill(String(seeded.session.number));
    for (let attempt = 1; attempt <= MAX_FAILURES; attempt += 1) {
      const answer = await submitLogin(page, `faux-${attempt}`);
      expect(answer.status()).toBe(401);
      await expect
        .poll(() => page.getByTestId('login-error').textContent())
        .toContain('mot de passe surveillant incorrect');
    }
    // Blocked at this address now: the kit's password too is refused.
    const refused = await submitLogin(page, seeded.session.invigilatorPassword);
    expect(refused.status()).toBe(429);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('TOO_MANY_ATTEMPTS');
    const message = page.getByTestId('login-error');
    await expect.poll(() => message.textContent()).toContain('Trop de tentatives depuis ce réseau');
    const text = (await message.textContent()) ?? '';
    expect(text).toContain('la connexion est bloquée encore 15 minutes');
    expect(text).toContain('demandez au référent Pix du centre de changer le mot de passe du surveillant');
    expect(await message.getAttribute('role')).toBe('alert');
    expect(await page.getByTestId('room-grid').count()).toBe(0);
    await blocked.capture('login-too-many-attempts');
  });

  it('the browser of the screen logged in before logs in again from the same address, whatever was tried there', async () => {
    // Another tab of the same browser: its device cookie (set at its first login) is sent with the login.
    const again = await watching.context.newPage();
    await again.goto(`${server.url}/invigilator/`);
    await again.getByLabel('Numéro de session').fill(String(seeded.session.number));
    const answer = await submitLogin(again, seeded.session.invigilatorPassword);
    expect(answer.status()).toBe(200);
    await again.getByTestId('room-grid').waitFor();
    await again.close();
  });

  it('the referent changes it in the back office, after a confirmation, and sees the new one', async () => {
    bo = await BackOfficePage.open(browser, server.url, captures);
    const page = bo.page;
    await bo.login(REFERENT.email, REFERENT.password);
    await bo.go(`#/sessions/${seeded.session.id}`);
    await bo.heading(`Session ${seeded.session.number}`).waitFor();
    const shown = page.getByTestId('invigilator-password');
    expect(await shown.textContent()).toBe(seeded.session.invigilatorPassword);

    await page.getByRole('button', { name: 'Changer le mot de passe du surveillant' }).click();
    const dialog = page.getByRole('dialog', {
      name: `Changer le mot de passe du surveillant de la session ${seeded.session.number}\u202f?`,
    });
    await dialog.waitFor();
    const said = (await dialog.textContent()) ?? '';
    expect(said).toContain('Un nouveau mot de passe remplace l’actuel, qui ne fonctionnera plus.');
    expect(said).toContain('Les écrans surveillant ouverts devront se reconnecter');
    expect(said).toContain('pourra se connecter tout de suite avec le nouveau mot de passe');
    // The safe choice has the focus.
    await expect
      .poll(() =>
        dialog.getByRole('button', { name: 'Annuler' }).evaluate((e) => e === document.activeElement),
      )
      .toBe(true);
    await bo.capture('backoffice-password-change-confirm');

    // From now on, what the invigilator API answers the screen still logged in with the old password.
    watching.page.on('response', (response) => {
      if (response.url().includes('/api/invigilator/'))
        watchingAnswers.push({ url: response.url(), status: response.status() });
    });
    const [changed] = await Promise.all([
      page.waitForResponse((r) =>
        r.url().endsWith(`/api/centre/sessions/${seeded.session.id}/invigilator-password`),
      ),
      dialog.getByTestId('confirm').click(),
    ]);
    expect(changed.status()).toBe(200);
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => shown.textContent()).not.toBe(seeded.session.invigilatorPassword);
    newPassword = (await shown.textContent()) ?? '';
    expect(newPassword).toMatch(/^\S{6}$/);
    await expect
      .poll(() => page.getByTestId('flash').textContent())
      .toBe(`Nouveau mot de passe du surveillant\u00a0: ${newPassword}. Donnez-le au surveillant.`);
    // What the page shows is what the server keeps.
    const stored = await api<CentreSession>(server, 'GET', `/api/centre/sessions/${seeded.session.id}`, {
      token: seeded.adminToken,
    });
    expect(stored.invigilatorPassword).toBe(newPassword);
    await bo.capture('backoffice-new-password');
  });

  it('the blocked screen logs in at once with the new password, from the same address', async () => {
    const page = blocked.page;
    const answer = await submitLogin(page, newPassword);
    expect(answer.status()).toBe(200);
    await page.getByTestId('room-grid').waitFor();
    expect(await page.getByTestId('candidate-card').count()).toBe(2);
    await blocked.capture('room-logged-in-new-password');
  });

  it('the screen logged in with the old password is sent to the login page, told the password changed', async () => {
    const page = watching.page;
    const ended = page.getByTestId('login-ended');
    // Its event stream ends with the change; the next request is refused (401 PASSWORD_CHANGED).
    await ended.waitFor({ timeout: 20_000 });
    expect(watchingAnswers.some((a) => a.status === 401)).toBe(true);
    expect(new URL(page.url()).hash).toBe(`#/?ended=passwordChanged&session=${seeded.session.number}`);
    await page.getByRole('heading', { level: 1, name: 'Espace surveillant' }).waitFor();
    expect(await ended.textContent()).toBe(
      'Votre connexion a pris fin : le référent Pix du centre a changé le mot de passe du surveillant. ' +
        'Demandez-lui le nouveau mot de passe. Reconnectez-vous : vous reviendrez à la page où vous étiez.',
    );
    expect(await ended.getAttribute('role')).toBe('status');
    expect(await page.getByLabel('Numéro de session').inputValue()).toBe(String(seeded.session.number));
    expect(await page.getByTestId('room-grid').count()).toBe(0);
    await watching.capture('login-password-changed');

    // The old password opens nothing any more; the new one brings the screen back to the room.
    const old = await submitLogin(page, seeded.session.invigilatorPassword);
    expect(old.status()).toBe(401);
    await expect
      .poll(() => page.getByTestId('login-error').textContent())
      .toContain('mot de passe surveillant incorrect');
    const again = await submitLogin(page, newPassword);
    expect(again.status()).toBe(200);
    await page.getByTestId('room-grid').waitFor();
  });

  it('left no error in the pages (scripts, content security policy)', () => {
    expect(watching.consoleErrors).toEqual([]);
    expect(blocked.consoleErrors).toEqual([]);
    expect(bo.pageErrors).toEqual([]);
  });
});
