// The centre back office end to end, in Chromium against the real server (its own process) and the
// real station services (the harness): the first administrator created from the command line, the
// centre and its accounts, a session prepared by a referent (form, CSV import with its per-line
// report, a candidate added by hand, the bank with its files, the profiles), enrollment codes and a
// station enrolled through the station API with its self-check, the printable session kit; then a
// certification through the harness, finalization in the back office, results, publication by an
// administrator, the certificate PDF and its code checked on the public page. Then what must be
// refused: another centre's referent (screens and API), expired, forged and deactivated sessions.
// Every screen passes axe and is pictured in test-results/screenshots/backoffice/.
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Candidate, CentreSession } from '../../core/contracts/centre-api.ts';
import { STATION_API_PATHS } from '../../core/contracts/station-server.ts';
import { TestStation } from '../../server/testing/station-client.ts';
import { pressOn } from '../harness/candidate-actions.ts';
import { CertificationDay, STATION_MODE } from '../harness/certification-day.ts';
import { CertificationServer } from '../harness/certification-server.ts';
import { launchChromium } from '../harness/chromium.ts';
import { ensureWebScreensBuilt, ROOT } from '../harness/renderer-build.ts';
import {
  answerAllRight,
  answerRight,
  nextChallengeOrEnd,
  signInAndStart,
  waitForHomeReady,
  waitForSent,
} from '../harness/scenario-steps.ts';
import { api, type SeededSession } from '../harness/seed-session.ts';
import {
  BROKEN_CHALLENGE_ID,
  E2E_CANDIDATES,
  HUGO,
  LEA,
  bankAttachments,
  bankFile,
  brokenBankFile,
  classList,
  profilesFile,
} from './backoffice-files.ts';
import { plainSpaces } from '../harness/plain-spaces.ts';
import { BackOfficePage, Captures } from './backoffice-page.ts';
import { pdfPagePictures } from './pdf-pictures.ts';

const run = promisify(execFile);
/** A text with the no-break spaces of French typography made ordinary, for lines that mix in the server's words. */

const ADMIN = { email: 'direction@college-jean-moulin.test', password: 'la direction garde ce mot de passe' };
const REFERENT = {
  email: 'claire.durand@college-jean-moulin.test',
  password: 'une phrase pour la référente',
  name: 'Mme Claire Durand',
};
const LEAVER = {
  email: 'marc.remplacant@college-jean-moulin.test',
  password: 'remplaçant de décembre',
  name: 'M. Marc Petit',
};
const OTHER = {
  email: 'referent@lycee-voltaire.test',
  password: 'le lycée voisin du collège',
  name: 'M. Paul Roux',
};

let server: CertificationServer;
let browser: Browser;
let captures: Captures;
let bo: BackOfficePage;
let cliOutput = '';
/** Filled as the scenario goes. */
const state = {
  centreId: '',
  otherCentreId: '',
  session: null as CentreSession | null,
  codes: [] as string[],
  stationId: '',
  leaCode: '',
  certificateLink: '',
};

/** In seven days, the centre's calendar (the session is upcoming until tests start). */
function nextWeek(): string {
  const date = new Date(Date.now() + 7 * 24 * 3600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

async function referentToken(): Promise<string> {
  const { token } = await api<{ token: string }>(server, 'POST', '/api/centre/login', {
    body: { email: REFERENT.email, password: REFERENT.password },
  });
  return token;
}

beforeAll(async () => {
  const webRoot = ensureWebScreensBuilt(['centre', 'verification']);
  if (!webRoot) throw new Error('the back office’s sources are missing');
  server = await CertificationServer.start({
    webRoot,
    // The first-run path: the first administrator comes from the command line, before the server starts.
    prepare: async (dbFile) => {
      const { stdout } = await run(
        process.execPath,
        [
          'server/main.ts',
          'create-admin',
          '--db',
          dbFile,
          '--email',
          ADMIN.email,
          '--name',
          'Direction du collège',
        ],
        { cwd: ROOT, env: { ...process.env, PIX_ADMIN_PASSWORD: ADMIN.password } },
      );
      cliOutput = stdout;
    },
  });
  browser = await launchChromium();
  captures = new Captures('backoffice');
  bo = await BackOfficePage.open(browser, server.url, captures);
}, 120_000);

afterAll(async () => {
  await bo?.close();
  await browser?.close();
  await server?.close();
});

describe('the first administrator and the centre', () => {
  it('is created from the command line, logs in, and creates the centre on an empty server', async () => {
    expect(cliOutput).toContain(`Administrator ${ADMIN.email} created`);
    const page = bo.page;
    await bo.heading('Espace centre de certification').waitFor();
    await bo.capture('login');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByText('Écrivez votre adresse e-mail.').waitFor();
    await page.getByText('Écrivez votre mot de passe.').waitFor();
    await bo.capture('login-empty');
    await page.getByLabel('Adresse e-mail').fill(ADMIN.email);
    await page.getByLabel('Mot de passe').fill('pas le bon mot de passe');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect(page.getByTestId('login-error').textContent()).resolves.toContain(
      'L’adresse e-mail ou le mot de passe est incorrect',
    );
    await bo.login(ADMIN.email, ADMIN.password);
    await bo.heading('Centres de certification').waitFor();
    await page.getByText('Commencez par créer votre centre').waitFor();
    await bo.capture('first-centre');
    await page.getByLabel('Nom du centre').fill('Collège Jean Moulin');
    await page.getByRole('button', { name: 'Créer le centre' }).click();
    await bo.heading(/Sessions de certification/).waitFor();
    await expect(page.getByTestId('flash').textContent()).resolves.toContain(
      'Centre « Collège Jean Moulin » créé.',
    );
    state.centreId = decodeURIComponent(/#\/centres\/([^/]+)\/sessions/.exec(page.url())?.[1] ?? '');
    expect(state.centreId).toMatch(/^ctr_/);
    // A second centre, for the other referent of the authorization checks.
    await bo.nav('Centres').click();
    await page.getByLabel('Nom du centre').fill('Lycée Voltaire');
    await page.getByRole('button', { name: 'Créer le centre' }).click();
    await bo.heading(/Sessions de certification — Lycée Voltaire/).waitFor();
    state.otherCentreId = decodeURIComponent(/#\/centres\/([^/]+)\/sessions/.exec(page.url())?.[1] ?? '');
    await bo.nav('Centres').click();
    await page.getByTestId('centre-list').getByRole('link', { name: 'Collège Jean Moulin' }).waitFor();
    await bo.capture('centres');
  });

  it('creates the referents’ accounts and deactivates one who left', async () => {
    const page = bo.page;
    await bo.nav('Comptes').click();
    await bo.heading('Comptes').waitFor();
    const form = page.getByTestId('account-form');
    // Nothing filled: each field says what it needs.
    await form.getByRole('button', { name: 'Créer le compte' }).click();
    await form.getByText('Écrivez le nom de la personne.').waitFor();
    await form.getByText('Le mot de passe doit avoir au moins 12 caractères.').waitFor();
    for (const [who, centre] of [
      [REFERENT, 'Collège Jean Moulin'],
      [LEAVER, 'Collège Jean Moulin'],
      [OTHER, 'Lycée Voltaire'],
    ] as const) {
      await form.getByLabel('Nom affiché').fill(who.name);
      await form.getByLabel('E-mail').fill(who.email);
      await form.getByLabel('Référent d’un centre').check();
      await form.getByLabel('Centre du référent').selectOption({ label: centre });
      await form.getByLabel('Mot de passe provisoire').fill(who.password);
      await form.getByRole('button', { name: 'Créer le compte' }).click();
      await expect
        .poll(() => page.getByTestId('account-created').textContent())
        .toBe(`Compte de ${who.name} créé.`);
      await page.locator(`[data-testid="account-row"][data-email="${who.email}"]`).waitFor();
    }
    const leaver = page.locator(`[data-testid="account-row"][data-email="${LEAVER.email}"]`);
    await leaver.getByRole('button', { name: `Désactiver le compte de ${LEAVER.name}` }).click();
    await page.getByRole('dialog').waitFor();
    await bo.capture('account-deactivate-confirm');
    await page.getByTestId('confirm').click();
    await expect.poll(() => leaver.getByTestId('account-state').textContent()).toMatch(/^désactivé le/);
    await bo.capture('accounts');
    await bo.logout();
    await expect(page.getByTestId('session-ended').textContent()).resolves.toContain('Vous êtes déconnecté');
  });
});

describe('a referent prepares the session', () => {
  it('creates it with the form, which says what is missing', async () => {
    const page = bo.page;
    await bo.login(REFERENT.email, REFERENT.password);
    await bo.heading(/Sessions de certification — Collège Jean Moulin/).waitFor();
    await page.getByTestId('sessions-upcoming').getByText('Aucune session à venir').waitFor();
    await bo.capture('sessions-empty');
    await page.getByRole('link', { name: 'Créer une session' }).click();
    await bo.heading('Créer une session').waitFor();
    await page.getByRole('button', { name: 'Créer la session' }).click();
    await page.getByText('5 points à corriger dans le formulaire').waitFor();
    // The first field to fix has the focus.
    await expect
      .poll(() => page.getByLabel('Adresse de l’établissement').evaluate((e) => e === document.activeElement))
      .toBe(true);
    await bo.capture('session-form-errors');
    await page.getByLabel('Adresse de l’établissement').fill('12 rue des Écoles, 69003 Lyon');
    await page.getByLabel('Salle').fill('Salle B12');
    await page.getByLabel('Date').fill(nextWeek());
    await page.getByLabel('Heure de début').fill('09:00');
    await page.getByLabel('Surveillant').fill('Mme Sophie Leroy');
    await page.getByRole('button', { name: 'Créer la session' }).click();
    await bo.heading(/^Session \d+$/).waitFor();
    await page
      .getByTestId('flash')
      .getByText(/Inscrivez maintenant les candidats/)
      .waitFor();
    await expect(page.getByTestId('next-step').textContent()).resolves.toContain('Inscrivez les candidats');
    const sessionId = decodeURIComponent(/#\/sessions\/([^/]+)$/.exec(page.url())?.[1] ?? '');
    state.session = await api<CentreSession>(server, 'GET', `/api/centre/sessions/${sessionId}`, {
      token: await referentToken(),
    });
    expect(await page.getByTestId('access-code').textContent()).toBe(state.session.accessCode);
    expect(await page.getByTestId('invigilator-password').textContent()).toBe(
      state.session.invigilatorPassword,
    );
    await bo.capture('session-created');

    // Edited: the room changes.
    await page.getByRole('link', { name: 'Modifier la session' }).click();
    await bo.heading(`Modifier la session ${state.session.number}`).waitFor();
    await page.getByLabel('Salle').fill('Salle informatique B12');
    await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    await page.getByTestId('flash').getByText('Modifications enregistrées.').waitFor();
    await expect(page.getByTestId('session-details').textContent()).resolves.toContain(
      'Salle informatique B12',
    );
  });

  it('deletes a session nothing has started, after a confirmation', async () => {
    const page = bo.page;
    await bo.go(`#/centres/${state.centreId}/sessions/new`);
    await page.getByLabel('Adresse de l’établissement').fill('12 rue des Écoles, 69003 Lyon');
    await page.getByLabel('Salle').fill('Salle C3');
    await page.getByLabel('Date').fill(nextWeek());
    await page.getByLabel('Heure de début').fill('14:00');
    await page.getByLabel('Surveillant').fill('M. Karim Benali');
    await page.getByRole('button', { name: 'Créer la session' }).click();
    const title = (await bo.heading(/^Session \d+$/).textContent()) ?? '';
    await page.getByRole('button', { name: 'Supprimer la session' }).click();
    await page.getByRole('dialog').getByText('Cela ne peut pas être annulé.').waitFor();
    await bo.capture('session-delete-confirm');
    await page.getByTestId('confirm').click();
    await page.getByTestId('flash').getByText(`${title} supprimée.`).waitFor();
    await bo.heading(/Sessions de certification/).waitFor();
    await expect.poll(() => page.getByTestId('session-row').count()).toBe(1);
    await bo.go(`#/sessions/${(state.session as CentreSession).id}`);
  });

  it('imports the class list (CSV): a preview line by line, then the report of what was refused and why', async () => {
    const page = bo.page;
    const session = state.session as CentreSession;
    await page.getByRole('link', { name: 'Importer une liste (CSV)' }).first().click();
    await bo.heading('Importer une liste de candidats (CSV)').waitFor();
    const template = await bo.download(page.getByTestId('csv-template'));
    expect(template.suggestedFilename()).toBe('candidats-modele.csv');
    expect(readFileSync(await template.path(), 'utf8')).toMatch(
      /^\uFEFFNom;Prénom;Sexe \(M ou F\);Date de naissance/,
    );
    await bo.capture('csv-import');

    await page.getByTestId('csv-input').setInputFiles(classList());
    const report = page.getByTestId('csv-report');
    await report.waitFor();
    expect(await page.getByTestId('csv-summary').textContent()).toBe(
      '4 lignes prêtes à importer, 4 lignes refusées.',
    );
    const reasons = async (line: number) =>
      (await page
        .getByTestId('csv-line')
        .nth(line - 2)
        .textContent()) ?? '';
    expect(await reasons(6)).toContain(
      'Colonne « Date de naissance » : écrivez une date réelle sous la forme jj/mm/aaaa',
    );
    expect(await reasons(7)).toContain('Colonne « Sexe » : écrivez F ou M.');
    expect(await reasons(8)).toContain('ce candidat apparaît deux fois dans le fichier (Ligne 2)');
    expect(await reasons(9)).toContain('Colonne « Prénom » : la case est vide : remplissez-la.');
    expect(await page.getByTestId('csv-line').nth(0).getAttribute('data-status')).toBe('valid');
    await bo.capture('csv-preview');
    // Nothing stored by the preview.
    const token = await referentToken();
    const before = await api<{ candidates: Candidate[] }>(
      server,
      'GET',
      `/api/centre/sessions/${session.id}/candidates`,
      {
        token,
      },
    );
    expect(before.candidates).toHaveLength(0);

    await page.getByTestId('csv-confirm').click();
    await expect.poll(() => report.getAttribute('data-step')).toBe('done');
    expect(await page.getByTestId('csv-summary').textContent()).toBe(
      '4 candidats importés, 4 lignes refusées.',
    );
    expect(await page.locator('[data-testid="csv-line"][data-status="imported"]').count()).toBe(4);
    await bo.capture('csv-report');
    await page
      .getByRole('link', { name: `Retour à la session ${session.number}` })
      .first()
      .click();
    await expect.poll(() => page.getByTestId('candidate-row').count()).toBe(4);
  });

  it('adds a candidate born abroad by hand, then edits the extra time', async () => {
    const page = bo.page;
    await page.getByRole('link', { name: 'Ajouter un candidat' }).click();
    await bo.heading('Ajouter un candidat').waitFor();
    await page.getByLabel('Pays de naissance').fill('Belgique');
    await page.getByRole('button', { name: 'Ajouter le candidat' }).click();
    await page.getByText('Né(e) à l’étranger : écrivez la ville de naissance.').waitFor();
    await page.getByText('Choisissez F ou M.').waitFor();
    await bo.capture('candidate-form-errors');
    await page.getByLabel('Nom de naissance').fill('Lambert');
    await page.getByLabel('Prénom').fill('Zoé');
    await page.getByLabel('Féminin (F)').check();
    await page.getByLabel('Date de naissance').fill('2011-06-18');
    await page.getByLabel('Commune de naissance').fill('Liège');
    await page.getByLabel('Temps majoré (%)').fill('33');
    await page.getByRole('button', { name: 'Ajouter le candidat' }).click();
    await page.getByTestId('flash').getByText('Zoé LAMBERT est inscrit(e) à la session.').waitFor();
    await expect.poll(() => page.getByTestId('candidate-row').count()).toBe(5);
    await page.getByRole('link', { name: 'LAMBERT Zoé' }).click();
    await bo.heading('Zoé LAMBERT').waitFor();
    await page.getByRole('link', { name: 'Modifier l’inscription' }).click();
    await page.getByLabel('Temps majoré (%)').fill('25');
    await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    await bo.heading('Zoé LAMBERT').waitFor();
    await page.getByText('Liège, Belgique').waitFor();
    await expect(page.getByTestId('certifiability').textContent()).resolves.toContain(
      'Pas encore de profil Pix',
    );
    await bo.capture('candidate-without-profile');
  });

  it('imports the challenge bank with its files, refusing an invalid one with the reason', async () => {
    const page = bo.page;
    await bo.nav('Épreuves et profils').click();
    await bo.heading('Épreuves et profils').waitFor();
    await page.getByText('La banque est vide').waitFor();
    const form = page.getByTestId('bank-form');
    // Not JSON at all (the class list chosen by mistake): said at once, nothing sent.
    await page.getByTestId('bank-input').setInputFiles(classList());
    await form.getByRole('button', { name: 'Importer la banque' }).click();
    await form.getByText(/Ce fichier n’est pas un JSON valide/).waitFor();
    await bo.capture('bank-not-json');
    // A broken challenge: the screen checks the file first (the server would refuse it too) and names the
    // challenge, its field and what is wrong, in French.
    await page.getByTestId('bank-input').setInputFiles(brokenBankFile());
    await page.getByTestId('bank-files').setInputFiles(bankAttachments());
    await form.getByRole('button', { name: 'Importer la banque' }).click();
    const rejected = page.getByTestId('bank-rejected');
    await rejected.waitFor();
    expect(await rejected.textContent()).toContain(BROKEN_CHALLENGE_ID);
    expect(await rejected.textContent()).toContain('Rien n’a changé');
    expect(plainSpaces(await rejected.textContent())).toContain(
      'Épreuve 4 (e2eQcm) : champ type : Option invalide',
    );
    await bo.capture('bank-rejected');

    // The right file without its attached files: the screen warns, the server (which has none of them
    // yet) refuses, and its refusal says, in French, which file each challenge needs.
    await page.getByTestId('bank-input').setInputFiles(bankFile());
    await page.getByTestId('bank-files').setInputFiles([]);
    await form.getByRole('button', { name: 'Importer la banque' }).click();
    await expect
      .poll(() => rejected.textContent())
      .toMatch(
        /Épreuve \S+\s:\sle fichier joint «\s.+\s» n’est ni parmi les fichiers sélectionnés ni déjà sur le serveur/,
      );
    await bo.capture('bank-rejected-files');

    await page.getByTestId('bank-files').setInputFiles(bankAttachments());
    await form.getByRole('button', { name: 'Importer la banque' }).click();
    await expect
      .poll(() => page.getByTestId('bank-imported').textContent())
      .toBe('Banque importée : 10 épreuves, 5 fichiers joints enregistrés.');
    expect(await page.getByTestId('bank-totals').textContent()).toBe(
      '10 épreuves, dont 10 utilisables en certification.',
    );
    expect(await page.getByTestId('bank-formats').textContent()).toContain('QCM');
    await bo.capture('content-bank');
  });

  it('imports the Pix profiles and shows who may sit, and why not', async () => {
    const page = bo.page;
    const session = state.session as CentreSession;
    await page.getByLabel('Session').selectOption(session.id);
    await page.getByRole('button', { name: 'Importer les profils de cette session' }).click();
    await bo.heading('Importer les profils Pix (JSON)').waitFor();
    await page.getByTestId('profiles-input').setInputFiles(profilesFile());
    const report = page.getByTestId('profiles-report');
    await report.waitFor();
    expect(await report.getByRole('heading').first().textContent()).toBe('4 profils importés, 1 refusé.');
    expect(await report.locator('tr[data-status="rejected"]').textContent()).toContain(
      'aucun candidat de la session ne correspond',
    );
    await bo.capture('profiles-report');
    await report.getByRole('link', { name: `Retour à la session ${session.number}` }).click();
    await expect.poll(() => page.locator('[data-certifiable="true"]').count()).toBe(3);
    const tom = page.locator('[data-testid="candidate-row"]', { hasText: 'PETIT Tom' });
    expect(await tom.getByTestId('certifiable').textContent()).toContain('il en faut au moins 5');
    const zoe = page.locator('[data-testid="candidate-row"]', { hasText: 'LAMBERT Zoé' });
    expect(await zoe.getByTestId('certifiable').textContent()).toContain('Pas encore de profil Pix');
    await expect(page.getByTestId('next-step').textContent()).resolves.toContain(
      '1 candidat sans profil Pix',
    );
    await bo.capture('session-candidates');
    await tom.getByRole('link', { name: 'PETIT Tom' }).click();
    await page.getByTestId('profile-table').waitFor();
    await expect(page.getByTestId('certifiability').textContent()).resolves.toContain('Non');
    await bo.capture('candidate-profile');
  });
});

describe('stations', () => {
  it('issues one-time codes, lists a station enrolled through the API with its self-check, and revokes it', async () => {
    const page = bo.page;
    await bo.nav('Postes').click();
    await bo.heading('Postes d’examen').waitFor();
    await page.getByText('Aucun poste inscrit pour le moment.').waitFor();
    await page.getByLabel('Nombre de postes à inscrire').fill('2');
    await page.getByRole('button', { name: 'Créer les codes' }).click();
    await expect.poll(() => page.getByTestId('enrollment-code').count()).toBe(2);
    state.codes = await page.getByTestId('enrollment-code').allTextContents();
    await bo.capture('stations-codes');

    // A station enrolls with the first code through the station API, then reports its self-check.
    const station = new TestStation('Poste 02');
    const enrolled = await fetch(`${server.url}${STATION_API_PATHS.enroll}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(station.enrollBody(state.codes[0] ?? '')),
    });
    expect(enrolled.status).toBe(200);
    const reused = await fetch(`${server.url}${STATION_API_PATHS.enroll}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(new TestStation('Poste 03').enrollBody(state.codes[0] ?? '')),
    });
    expect(reused.status).not.toBe(200);
    const report = await station.fetch(server.url, 'POST', STATION_API_PATHS.selfCheck, {
      version: '1.4.0',
      ok: true,
      checkedAt: new Date().toISOString(),
      checks: [
        { name: 'server', ok: true, status: 'ok', detail: 'Le serveur répond en 12 ms' },
        {
          name: 'clock',
          ok: true,
          status: 'warning',
          detail: 'L’horloge du poste a 4 s d’écart — réglez la synchronisation de l’heure',
        },
        { name: 'disk', ok: true, status: 'ok', detail: '42 Go libres' },
      ],
    });
    expect(report.status).toBe(200);
    state.stationId = station.id;

    await page.getByRole('button', { name: 'Actualiser' }).click();
    const row = page.locator(`[data-testid="station-row"][data-station-id="${station.id}"]`);
    await row.waitFor();
    expect(await row.getAttribute('data-check')).toBe('warning');
    expect(await row.textContent()).toContain('1.4.0');
    expect(await row.textContent()).toContain('prêt, avec des avertissements');
    await row.locator('summary').click();
    // Warnings come first.
    expect(plainSpaces(await row.locator('.check-lines li').first().textContent())).toContain(
      'Horloge : L’horloge du poste a 4 s',
    );
    await bo.capture('stations-list');

    await row.getByRole('button', { name: 'Révoquer le poste Poste 02' }).click();
    await page.getByRole('dialog').getByText('Ce poste ne pourra plus faire passer d’examen').waitFor();
    await bo.capture('station-revoke-confirm');
    await page.getByTestId('confirm').click();
    await expect.poll(() => row.textContent()).toContain('révoqué le');
    // Revoked: its signed requests are refused from now on.
    const after = await station.fetch(server.url, 'POST', STATION_API_PATHS.selfCheck, {
      version: '1.4.0',
      ok: true,
      checkedAt: new Date().toISOString(),
      checks: [],
    });
    expect(after.status).toBe(403);

    // Revoked by mistake: « Réinscrire ce poste » gives a code for this station alone, which brings its
    // key back (a code handed out for new machines does not).
    const anyCode = await fetch(`${server.url}${STATION_API_PATHS.enroll}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(station.enrollBody(state.codes[1] ?? '')),
    });
    expect(anyCode.status).toBe(409);
    await row.getByRole('button', { name: 'Réinscrire le poste Poste 02' }).click();
    const issued = row.getByTestId('reenrollment-code');
    await issued.waitFor();
    const code = /^--enroll (\S+)$/.exec((await issued.locator('code').textContent()) ?? '')?.[1] ?? '';
    expect(code).not.toBe('');
    await bo.capture('station-reenrollment-code');
    const again = await fetch(`${server.url}${STATION_API_PATHS.enroll}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(station.enrollBody(code)),
    });
    expect(again.status).toBe(200);
    await page.getByRole('button', { name: 'Actualiser' }).click();
    await expect.poll(() => row.textContent()).not.toContain('révoqué le');
    await row.getByRole('button', { name: 'Révoquer le poste Poste 02' }).click();
    await page.getByTestId('confirm').click();
    await expect.poll(() => row.textContent()).toContain('révoqué le');
  });
});

describe('the session kit', () => {
  it('prints the session number, the codes, the candidates with their extra time and the day’s steps', async () => {
    const page = bo.page;
    const session = state.session as CentreSession;
    await bo.go(`#/sessions/${session.id}/kit`);
    const kit = page.getByTestId('session-kit');
    await kit.waitFor();
    expect(await page.getByTestId('kit-session-number').textContent()).toBe(String(session.number));
    expect(await page.getByTestId('kit-access-code').textContent()).toBe(session.accessCode);
    expect(await page.getByTestId('kit-invigilator-password').textContent()).toBe(
      session.invigilatorPassword,
    );
    expect(await page.getByTestId('kit-candidate').count()).toBe(5);
    const hugo = page.locator('[data-testid="kit-candidate"]', { hasText: 'BERNARD' });
    // Each number held to its unit by a no-break space: « 30 » never ends a line with « % » on the next.
    expect(await hugo.textContent()).toContain('+30\u00a0%');
    expect(await hugo.textContent()).toContain('2\u00a0h 17\u00a0min');
    expect(await page.getByTestId('kit-steps').locator('li').count()).toBe(8);
    expect(await kit.textContent()).toContain(`${server.url}/invigilator/`);
    await bo.capture('session-kit');

    // "Imprimer" opens the browser's print dialog…
    await page.evaluate(() => {
      const w = window as unknown as { printed: number };
      w.printed = 0;
      window.print = () => {
        w.printed += 1;
      };
    });
    await page.getByTestId('print-kit').click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    // …and what it prints: the kit alone, the candidate list on its own page.
    await page.emulateMedia({ media: 'print' });
    try {
      expect(await page.locator('.app-header').isVisible()).toBe(false);
      expect(await page.getByTestId('print-kit').isVisible()).toBe(false);
      await bo.capture('session-kit-print');
      const pdf = await page.pdf({ format: 'A4', path: path.join(captures.folder, 'session-kit.pdf') });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });
});

describe('after the certification', () => {
  it('sits Léa’s test and part of Hugo’s through the harness station (enrolled with the second code)', async () => {
    const session = state.session as CentreSession;
    const token = await referentToken();
    const { candidates } = await api<{ candidates: Candidate[] }>(
      server,
      'GET',
      `/api/centre/sessions/${session.id}/candidates`,
      { token },
    );
    const candidateIds = new Map(
      E2E_CANDIDATES.map((c) => [
        c.key,
        candidates.find((x) => x.lastName === c.lastName && x.firstName === c.firstName)?.id ?? '',
      ]),
    );
    const seeded: SeededSession = {
      centreId: state.centreId,
      adminToken: token,
      session: {
        id: session.id,
        number: session.number,
        accessCode: session.accessCode,
        invigilatorPassword: session.invigilatorPassword,
      },
      candidateIds,
      enrollmentCode: state.codes[1] ?? '',
    };
    const day = await CertificationDay.open({ scenario: 'backoffice-station', server, seeded, browser });
    try {
      const first = await signInAndStart(day, LEA);
      // The station's process watch finds remote-control software running during her test: reported
      // (the centre's default), the test goes on. The jury reads it in her record.
      if (STATION_MODE === 'chromium') await day.station.forbiddenProcess('teamviewer', ['TeamViewer.exe']);
      expect(await answerAllRight(day, first)).toHaveLength(10);
      await waitForSent(day);
      await pressOn(
        day.page,
        day.page.getByRole('button', { name: 'Terminer et revenir à l’accueil' }),
        'Enter',
      );
      await waitForHomeReady(day);
      // Hugo answers two questions, then the invigilator ends his test.
      const hugoFirst = await signInAndStart(day, HUGO);
      await answerRight(day, hugoFirst);
      const second = await nextChallengeOrEnd(day, hugoFirst.id);
      if (!second) throw new Error('Hugo’s test ended too early');
      await answerRight(day, second);
      await nextChallengeOrEnd(day, second.id);
      await day.invigilator.endTest(HUGO.key);
      await waitForSent(day);
      await day.invigilator.waitFor(HUGO.key, (c) => c.state === 'resultReceived', 'Hugo’s result');
    } finally {
      await day.close();
    }
  });

  it('finalizes in the back office: a reason for the unfinished test, the two questions, a confirmation', async () => {
    const page = bo.page;
    const session = state.session as CentreSession;
    await bo.go(`#/centres/${state.centreId}/sessions`);
    const toFinalize = page.getByTestId('sessions-toFinalize');
    await toFinalize.getByTestId('session-row').waitFor();
    expect(await toFinalize.getByTestId('session-row').textContent()).toContain(
      '5 inscrits · 2 ont commencé · 2 résultats reçus',
    );
    await bo.capture('sessions-to-finalize');
    await toFinalize.getByRole('link', { name: `Ouvrir la session ${session.number}` }).click();
    await expect(page.getByTestId('next-step').textContent()).resolves.toContain('La session a eu lieu');
    await page.getByRole('link', { name: 'Finaliser la session' }).click();
    await bo.heading(`Finaliser la session ${session.number}`).waitFor();
    // « Oui, un incident » with no coded report yet: the form sends the referent to the reports above
    // (DOMAIN.md §8: incidents written in the comment instead of coded reports).
    await page
      .getByTestId('finalization-form')
      .getByRole('group', { name: 'Y a-t-il eu un incident pendant la session ?' })
      .getByLabel('Oui')
      .check();
    expect(await page.getByTestId('incident-without-report').textContent()).toContain(
      'Aucun signalement n’est enregistré pour cette session.',
    );
    await bo.capture('incident-without-report');
    // The referent records the incident of the day with its code, for the jury: the site of question 2
    // did not answer for Léa (E4). The question's number is asked only once an E code is chosen.
    const report = page.getByTestId('incident-form');
    await report.getByLabel('Candidat concerné').selectOption({ label: 'MARTIN Léa' });
    expect(await report.getByLabel('Numéro de la question').count()).toBe(0);
    await report.getByLabel('Code de l’incident').selectOption('E4');
    await report.getByLabel('Numéro de la question').fill('2');
    await report.getByLabel('Description').fill('Le site du CDI ne répondait pas.');
    await report.getByRole('button', { name: 'Enregistrer le signalement' }).click();
    await page.getByTestId('incident-said').waitFor();
    const saved = page.getByTestId('incident-reports').getByTestId('incident-row');
    expect(await saved.count()).toBe(1);
    expect(await saved.textContent()).toContain('Le site à consulter est indisponible');
    await bo.capture('incident-report-saved');
    // Once a report exists, the form says nothing more about it.
    await page.getByTestId('incident-without-report').waitFor({ state: 'detached' });
    const form = page.getByTestId('finalization-form');
    await form
      .getByText('Pourquoi le test de Hugo BERNARD n’est-il pas terminé ? (terminé par le surveillant)')
      .waitFor();
    await form.getByRole('button', { name: 'Finaliser et calculer les résultats' }).click();
    await form.getByText('2 points à corriger dans le formulaire').waitFor();
    await bo.capture('finalization-errors');
    await form.getByLabel('Problème technique').check();
    await form
      .getByRole('group', { name: 'Y a-t-il eu un incident pendant la session ?' })
      .getByLabel('Oui')
      .check();
    await form
      .getByRole('group', { name: 'Un candidat inscrit a-t-il été empêché de rejoindre la session ?' })
      .getByLabel('Non')
      .check();
    await form.getByRole('button', { name: 'Finaliser et calculer les résultats' }).click();
    await page.getByRole('dialog').waitFor();
    await bo.capture('finalization-confirm');
    await page.getByTestId('confirm').click();
    await bo.heading(`Résultats de la session ${session.number}`).waitFor();
  });

  it('lets the jury correct a candidate’s name, and cancel then restore a certification, before publication', async () => {
    const page = bo.page;
    const session = state.session as CentreSession;
    await bo.logout();
    await bo.login(ADMIN.email, ADMIN.password);
    await bo.go(`#/sessions/${session.id}/results`);
    const jury = page.getByTestId('jury-decisions');
    // Hugo's name is misspelt on the class list (C1): the jury corrects it, with the reason.
    const hugoBox = jury.locator('[data-testid="jury-decision-candidate"]', { hasText: 'Hugo BERNARD' });
    await hugoBox.locator('summary').click();
    const form = hugoBox.getByRole('form', { name: 'Corriger l’identité de Hugo BERNARD' });
    expect(await form.getByLabel('Nom de naissance').inputValue()).toBe('Bernard');
    expect(await form.getByLabel('Date de naissance').inputValue()).toBe('2010-11-23');
    await form.getByLabel('Nom de naissance').fill('Bernardi');
    await form.getByRole('button', { name: 'Corriger l’identité' }).click();
    // The reason is required: said under its field, nothing sent.
    await form.getByText('Écrivez le motif de la décision.').waitFor();
    await form
      .getByLabel('Motif de la décision')
      .fill('Signalement C1 : son nom s’écrit Bernardi sur sa pièce d’identité.');
    await form.getByRole('button', { name: 'Corriger l’identité' }).click();
    const corrected = jury
      .locator('[data-testid="jury-decision-candidate"]', { hasText: 'Hugo BERNARDI' })
      .getByTestId('jury-decision-done');
    await corrected.waitFor();
    expect(await corrected.textContent()).toContain(
      'Identité corrigée : Hugo BERNARD, né(e) le 23/11/2010 devient Hugo BERNARDI, né(e) le 23/11/2010.',
    );
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'jury-decision-done',
    );
    await page.locator('[data-testid="result-row"]', { hasText: 'Hugo BERNARDI' }).waitFor();
    await bo.capture('jury-identity-corrected');

    // Léa's certification is cancelled (a fraud, say), then restored: the same verification code.
    const leaRow = page.locator('[data-testid="result-row"]', { hasText: 'Léa MARTIN' });
    const code = (await leaRow.getByTestId('verification-code').textContent()) ?? '';
    expect(code).toMatch(/^P-/);
    const leaBox = jury.locator('[data-testid="jury-decision-candidate"]', { hasText: 'Léa MARTIN' });
    await leaBox.locator('summary').click();
    await leaBox.getByRole('button', { name: 'Annuler la certification de Léa MARTIN' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(
      `Le certificat au code ${code} ne sera plus valide\u00a0: il ne sera plus téléchargeable et, une fois les résultats publiés, la vérification publique de ce code indiquera qu’il a été annulé par le jury.`,
    );
    await dialog.getByTestId('confirm').click();
    await dialog.getByText('Écrivez le motif de la décision.').waitFor();
    await dialog
      .getByLabel('Motif de la décision')
      .fill('Signalement C6 : téléphone utilisé pendant le test.');
    await bo.capture('jury-cancel-confirm');
    await dialog.getByTestId('confirm').click();
    await leaBox.getByTestId('jury-decision-done').waitFor();
    await expect.poll(() => leaRow.getAttribute('data-status')).toBe('cancelled');
    expect(await leaRow.getByTestId('verification-code').count()).toBe(0);
    expect(await leaRow.textContent()).toContain('certification annulée par le jury');
    expect(await leaBox.getByTestId('jury-standing').textContent()).toContain(
      'Certification annulée par le jury le',
    );
    await bo.capture('jury-cancelled');
    await leaBox.getByRole('button', { name: 'Rétablir la certification de Léa MARTIN' }).click();
    await dialog.waitFor();
    await dialog.getByLabel('Motif de la décision').fill('Erreur : le téléphone était celui d’un voisin.');
    await dialog.getByTestId('confirm').click();
    await expect.poll(() => leaRow.getAttribute('data-status')).toBe('validated');
    expect(await leaRow.getByTestId('verification-code').textContent()).toBe(code);
    const history = leaBox.getByTestId('jury-decision-history');
    expect(
      await history.locator('li').evaluateAll((items) => items.map((i) => i.getAttribute('data-kind'))),
    ).toEqual(['cancel', 'uncancel']);
    expect(await history.textContent()).toContain('par Direction du collège');
    await bo.capture('jury-decisions-taken');
    // The referent goes on with the results.
    await bo.logout();
    await bo.login(REFERENT.email, REFERENT.password);
    await bo.go(`#/sessions/${session.id}/results`);
  });

  it('shows the results per candidate; the referent exports them, an administrator publishes them', async () => {
    const page = bo.page;
    const session = state.session as CentreSession;
    const lea = page.locator('[data-testid="result-row"]', { hasText: 'Léa MARTIN' });
    await lea.waitFor();
    expect(await lea.getAttribute('data-status')).toBe('validated');
    expect(Number(await lea.getByTestId('result-score').textContent())).toBeGreaterThan(0);
    expect(await lea.textContent()).toContain('niveau');
    state.leaCode = (await lea.getByTestId('verification-code').textContent()) ?? '';
    expect(state.leaCode).toMatch(/^P-[2346789BCDFGHJKMPQRTVWXY]{8}$/);
    expect(await lea.textContent()).toContain('après publication');
    const hugo = page.locator('[data-testid="result-row"]', { hasText: 'Hugo BERNARD' });
    expect(await hugo.textContent()).toContain('problème technique');
    expect((await page.getByTestId('absent').textContent()) ?? '').toContain('Zoé LAMBERT');
    expect(await page.getByTestId('publication-state').textContent()).toContain(
      'Un administrateur publie les résultats',
    );
    expect(await page.getByTestId('publish').count()).toBe(0);
    await bo.capture('results-referent');
    const csv = await bo.download(page.getByTestId('results-csv'));
    expect(csv.suggestedFilename()).toBe(`resultats-session-${session.number}.csv`);
    expect(readFileSync(await csv.path(), 'utf8')).toContain('Martin');
    // Before publication the certificate is not there, for anyone (nor the session's file of them).
    expect(await page.getByTestId('certificates-pdf').count()).toBe(0);
    const early = await page.request.get(
      `${server.url}/api/centre/candidates/${await lea.getAttribute('data-candidate-id')}/certificate.pdf`,
    );
    expect(early.status()).toBe(409);

    // The finalization is there for the jury to read: the report with its meaning and its question.
    const finalization = page.getByTestId('finalization-panel');
    expect(await finalization.textContent()).toContain('Le site du CDI ne répondait pas.');
    expect(await page.getByTestId('jury-neutralizations-referent').count()).toBe(1);

    await bo.logout();
    await bo.login(ADMIN.email, ADMIN.password);
    await bo.go(`#/sessions/${session.id}/results`);
    // The jury neutralizes the question the report is about: Léa's result is re-scored at once.
    const jury = page.getByTestId('jury-neutralizations');
    const leaQuestions = jury.locator('[data-testid="jury-candidate"]', { hasText: 'Léa MARTIN' });
    await leaQuestions.getByRole('button', { name: 'Neutraliser la question 2 de Léa MARTIN' }).click();
    await page.getByRole('dialog').waitFor();
    await bo.capture('jury-neutralize-confirm');
    await page.getByTestId('confirm').click();
    await leaQuestions.getByTestId('neutralization-done').waitFor();
    expect(await leaQuestions.getByTestId('neutralization-done').textContent()).toContain(
      'Question 2 de Léa MARTIN neutralisée',
    );
    expect(await leaQuestions.getByTestId('neutralized-questions').textContent()).toContain('2');
    await bo.capture('jury-neutralized');
    await page.getByLabel('Le jury a examiné la session').check();
    await page.getByTestId('publish').click();
    await page.getByRole('dialog').waitFor();
    await bo.capture('publish-confirm');
    await page.getByTestId('confirm').click();
    await expect
      .poll(() => page.getByTestId('publication-state').textContent())
      .toMatch(/^Résultats publiés le/);
    // The results by e-mail: no candidate of this class gave an address for them, and the page says so
    // (pictured and checked with the rest).
    await page.getByTestId('result-emails-none').waitFor();
    await bo.capture('results-published');
    const certificate = await bo.download(
      page.getByRole('link', { name: 'Télécharger le certificat de Léa MARTIN (PDF)' }),
    );
    expect(certificate.suggestedFilename()).toBe(`certificat-${state.leaCode}.pdf`);
    // Every certificate of the session in one file to print, one page each.
    const all = await bo.download(
      page.getByRole('link', { name: 'Tous les certificats à imprimer (PDF, un par page)' }),
    );
    expect(all.suggestedFilename()).toBe(`certificats-session-${session.number}.pdf`);
    const allPdf = readFileSync(await all.path()).toString('latin1');
    expect(allPdf).toContain(`/URI (${server.url}/verification/${state.leaCode})`);
    const pdf = readFileSync(await certificate.path());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // The link printed on it (and clickable) opens the public page with the code filled in.
    const links = [...pdf.toString('latin1').matchAll(/\/URI \(([^)]*)\)/g)].map((m) => m[1]);
    expect(new Set(links)).toEqual(new Set([`${server.url}/verification/${state.leaCode}`]));
    state.certificateLink = links[0] ?? '';
    // Looked at like a screen: one A4 page, drawn by PDF.js.
    const pictures = await pdfPagePictures(browser, pdf);
    expect(pictures).toHaveLength(1);
    for (const picture of pictures) writeFileSync(captures.next('certificate-pdf'), picture);
  });

  it('opens Léa’s test record for the jury: questions and statuses, reports, browsing and station events', async () => {
    const page = bo.page;
    const session = state.session as CentreSession;
    // From the results page, by keyboard: the link in Léa's row.
    await bo.go(`#/sessions/${session.id}/results`);
    const link = page.getByRole('link', { name: 'Dossier du test de Léa MARTIN' });
    await link.focus();
    await page.keyboard.press('Enter');
    await bo.heading('Dossier du test de Léa MARTIN').waitFor();
    // Sealed and sent by the station: the record reads its signed result, verified by the server.
    const evidence = page.getByTestId('record-evidence');
    expect(await evidence.getAttribute('data-source')).toBe('bundle');
    expect(await evidence.textContent()).toContain('Résultat signé du poste, vérifié par le serveur');
    expect(await page.getByTestId('record-stations').textContent()).toBe('Poste 07');
    expect(await page.getByTestId('record-end').textContent()).toContain('toutes les questions traitées');
    // Her ten questions, every answer right as the harness gave it; question 2 neutralized by the jury.
    const questions = page.getByTestId('record-question');
    expect(await questions.count()).toBe(10);
    for (const question of await questions.all())
      expect(await question.getAttribute('data-status')).toBe('ok');
    const second = questions.nth(1);
    expect(await second.getAttribute('data-neutralized')).toBe('jury');
    expect(await second.textContent()).toContain('Oui : par le jury');
    expect(await questions.first().getByTestId('record-status').textContent()).toBe('Juste');
    // The referent's report is there, with its meaning; Léa raised no alert.
    const alerts = page.getByTestId('record-alerts');
    expect(await alerts.textContent()).toContain('Aucune alerte.');
    const report = alerts.getByTestId('record-report');
    expect(await report.getAttribute('data-code')).toBe('E4');
    expect(await report.textContent()).toContain('Le site du CDI ne répondait pas.');
    // The harness's station opens the test browser on its home page when the test starts, and Léa
    // browses no further: that page, allowed, nothing blocked. One lockdown event (the software found
    // running), no pause.
    const pages = page.getByTestId('record-page');
    expect(await pages.count()).toBeGreaterThanOrEqual(1);
    for (const row of await pages.all()) expect(await row.getAttribute('data-allowed')).toBe('true');
    expect(await pages.first().textContent()).toContain('https://atelier.pix-demo.test/');
    expect(await page.getByTestId('record-navigation-summary').textContent()).toContain('dont 0 bloquée');
    await page.getByRole('heading', { level: 2, name: 'Verrouillage du poste' }).waitFor();
    /** The event and its detail (the row's last two cells): the detail says only what the name does not. */
    const stationEvents = async () => {
      const rows = await page.getByTestId('record-station-event').all();
      return Promise.all(
        rows.map(async (row) => [
          await row.getAttribute('data-event'),
          ...(await row.locator('td').allTextContents()).slice(-2).map(plainSpaces),
        ]),
      );
    };
    if (STATION_MODE === 'chromium') {
      expect(await stationEvents()).toEqual([
        [
          'forbiddenProcess',
          'Logiciel interdit détecté',
          'TeamViewer (TeamViewer.exe), prise de main à distance',
        ],
      ]);
      await page.getByTestId('record-station-event').scrollIntoViewIfNeeded();
    } else {
      expect(await page.getByTestId('record-lockdown-none').textContent()).toBe('Aucun événement du poste.');
    }
    expect(await page.getByTestId('record-pauses-none').count()).toBe(1);
    await bo.capture('test-record');
    // As the jury prints it: no menu, no buttons, the sections one after the other.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('print-record').isVisible()).toBe(false);
    await bo.capture('test-record-print');
    await page.emulateMedia({ media: 'screen' });
    // In English: the event and what the station knew of it in the page's language, never its French.
    if (STATION_MODE === 'chromium') {
      await page.getByRole('button', { name: 'Switch the screens to English' }).click();
      await bo.heading('Test record of Léa MARTIN').waitFor();
      expect(await stationEvents()).toEqual([
        ['forbiddenProcess', 'Forbidden software detected', 'TeamViewer (TeamViewer.exe), remote control'],
      ]);
      await page.getByTestId('record-station-event').scrollIntoViewIfNeeded();
      await bo.capture('test-record-english');
      await page.locator('.language-switch').click();
      await bo.heading('Dossier du test de Léa MARTIN').waitFor();
    }
  });

  it('lets anyone check the certificate by its code on the public page', async () => {
    const visitor = await BackOfficePage.open(browser, server.url, captures, '/verification/');
    try {
      const page = visitor.page;
      await visitor.heading('Vérifier un certificat Pix').waitFor();
      await visitor.capture('verify');
      await page.getByLabel('Code de vérification').fill('P-12');
      await page.getByRole('button', { name: 'Vérifier' }).click();
      await page.getByText('Ce code n’a pas le bon format').waitFor();
      await visitor.capture('verify-format');
      const unknown = state.leaCode === 'P-BCDF2346' ? 'P-BCDF2347' : 'P-BCDF2346';
      await page.getByLabel('Code de vérification').fill(unknown.toLowerCase());
      await page.getByRole('button', { name: 'Vérifier' }).click();
      await expect(page.getByTestId('verify-invalid').textContent()).resolves.toContain(
        `Aucun certificat publié ne correspond au code ${unknown}`,
      );
      await visitor.capture('verify-not-found');
      await page.getByLabel('Code de vérification').fill(state.leaCode);
      await page.getByRole('button', { name: 'Vérifier' }).click();
      const valid = page.getByTestId('verify-valid');
      await valid.waitFor();
      expect(await page.getByTestId('holder').textContent()).toBe('Léa MARTIN');
      expect(await valid.textContent()).toContain('Collège Jean Moulin');
      expect(new URL(page.url()).pathname).toBe(`/verification/${state.leaCode}`);
      await visitor.capture('verify-valid');
      // The address printed on the certificate, with the code: checked at once.
      await page.goto(state.certificateLink);
      await page.getByTestId('verify-valid').waitFor();
      expect(await page.getByTestId('holder').textContent()).toBe('Léa MARTIN');
      // The same as a query (?code=), typed loosely: checked at once, the address tidied to the path form.
      await page.goto(`${server.url}/verification/?code=${state.leaCode.toLowerCase()}`);
      await page.getByTestId('verify-valid').waitFor();
      expect(new URL(page.url()).pathname).toBe(`/verification/${state.leaCode}`);
    } finally {
      await visitor.close();
    }
  });

  it('says on the public page that a certificate the jury cancelled after publication was cancelled', async () => {
    const session = state.session as CentreSession;
    const { token } = await api<{ token: string }>(server, 'POST', '/api/centre/login', {
      body: { email: ADMIN.email, password: ADMIN.password },
    });
    const { candidates } = await api<{ candidates: Candidate[] }>(
      server,
      'GET',
      `/api/centre/sessions/${session.id}/candidates`,
      { token },
    );
    const leaId = candidates.find((c) => c.firstName === 'Léa')?.id ?? '';
    const decide = (cancelled: boolean, reason: string) =>
      api(server, 'POST', `/api/centre/candidates/${leaId}/cancellation`, {
        token,
        body: { cancelled, reason },
      });
    await decide(true, 'Fraude établie après la publication (C6).');
    const visitor = await BackOfficePage.open(
      browser,
      server.url,
      captures,
      `/verification/${state.leaCode}`,
    );
    try {
      const page = visitor.page;
      const cancelled = page.getByTestId('verify-cancelled');
      await cancelled.waitFor();
      expect(await cancelled.textContent()).toContain(
        `Le certificat au code ${state.leaCode} a été annulé par le jury de certification le`,
      );
      expect(await page.getByTestId('verify-valid').count()).toBe(0);
      expect(await page.textContent('body')).not.toContain('Fraude');
      await visitor.capture('verify-cancelled');
      // Restored: the same code is genuine again.
      await decide(false, 'Décision revue : la fraude n’est pas établie.');
      await page.getByRole('button', { name: 'Vérifier' }).click();
      await page.getByTestId('verify-valid').waitFor();
      expect(await page.getByTestId('holder').textContent()).toBe('Léa MARTIN');
    } finally {
      await visitor.close();
    }
  });
});

describe('what must be refused', () => {
  it('another centre’s referent reaches none of this centre’s sessions, candidates, stations or results', async () => {
    const session = state.session as CentreSession;
    const other = await BackOfficePage.open(browser, server.url, captures);
    try {
      const page = other.page;
      await other.login(OTHER.email, OTHER.password);
      await other.heading(/Sessions de certification — Lycée Voltaire/).waitFor();
      expect(await page.getByTestId('session-row').count()).toBe(0);
      const token = await referentToken();
      const { candidates } = await api<{ candidates: Candidate[] }>(
        server,
        'GET',
        `/api/centre/sessions/${session.id}/candidates`,
        { token },
      );
      const leaId = candidates.find((c) => c.firstName === 'Léa')?.id ?? '';
      for (const hash of [
        `#/sessions/${session.id}`,
        `#/sessions/${session.id}/kit`,
        `#/sessions/${session.id}/results`,
        `#/candidates/${leaId}`,
        `#/centres/${state.centreId}/stations`,
        `#/centres/${state.centreId}/sessions`,
      ]) {
        await other.go(hash);
        await expect(page.getByTestId('error').textContent()).resolves.toContain(
          'appartient à un autre centre',
        );
        // Their menu stays on their own centre.
        expect(await page.getByTestId('current-centre').textContent()).toBe('Centre : Lycée Voltaire');
      }
      await other.go(`#/sessions/${session.id}`);
      await page.getByTestId('error').waitFor();
      await other.capture('other-centre-session');
      // The API, with this referent's own cookie: 404 everywhere, and nothing changes.
      const request = page.request;
      const url = (p: string) => `${server.url}${p}`;
      const answers = [
        await request.get(url(`/api/centre/sessions/${session.id}`)),
        await request.get(url(`/api/centre/sessions/${session.id}/candidates`)),
        await request.get(url(`/api/centre/sessions/${session.id}/results`)),
        await request.get(url(`/api/centre/sessions/${session.id}/results.csv`)),
        await request.get(url(`/api/centre/candidates/${leaId}/certificate.pdf`)),
        await request.get(url(`/api/centre/centres/${state.centreId}/stations`)),
        await request.put(url(`/api/centre/candidates/${leaId}`), {
          data: {
            lastName: 'X',
            firstName: 'Y',
            sex: 'F',
            birthdate: '2011-01-01',
            birthCountry: 'Belgique',
            birthCity: 'Liège',
          },
        }),
        await request.delete(url(`/api/centre/sessions/${session.id}`)),
        await request.post(url(`/api/centre/centres/${state.centreId}/enrollment-codes`), { data: {} }),
      ];
      expect(answers.map((a) => a.status())).toEqual(answers.map(() => 404));
      const still = await api<CentreSession>(server, 'GET', `/api/centre/sessions/${session.id}`, { token });
      expect(still.counts.candidates).toBe(5);
    } finally {
      await other.close();
    }
  });

  it('a forged session cookie, an expired session and a deactivated account are refused, with what to do', async () => {
    const page = bo.page;
    // Forged: the login, and the API refuses the cookie.
    const forged = await BackOfficePage.open(browser, server.url, captures);
    try {
      await forged.context.addCookies([
        { name: 'pix_centre', value: 'x'.repeat(43), url: `${server.url}/api/centre/` },
      ]);
      await forged.page.reload();
      await forged.heading('Espace centre de certification').waitFor();
      expect(await forged.page.getByRole('button', { name: 'Se connecter' }).isVisible()).toBe(true);
      expect((await forged.page.request.get(`${server.url}/api/centre/me`)).status()).toBe(401);
    } finally {
      await forged.close();
    }

    // Expired: two idle hours later, the next click says so and leads back to the login.
    await bo.nav('Sessions').click();
    await bo.heading(/Sessions de certification/).waitFor();
    // The list loaded first: a fetch still under way when the clock moves would end the session
    // before the click (and the menu would be gone under it).
    await page.getByTestId('sessions-upcoming').waitFor();
    await server.advanceClock(2 * 3600_000 + 60_000);
    await bo.nav('Postes').click();
    await expect
      .poll(() => page.getByTestId('session-ended').textContent())
      .toBe(
        'Votre session a expiré (après 2 heures sans activité, ou 12 heures au plus) : reconnectez-vous.',
      );
    await bo.capture('session-expired');
    await bo.login(ADMIN.email, ADMIN.password);
    await bo.heading('Postes d’examen').waitFor();

    // Deactivated: the right password is told the account is deactivated.
    await bo.logout();
    await page.getByLabel('Adresse e-mail').fill(LEAVER.email);
    await page.getByLabel('Mot de passe').fill(LEAVER.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect(page.getByTestId('login-error').textContent()).resolves.toContain(
      'Ce compte a été désactivé',
    );
    await bo.capture('deactivated-login');
  });

  it('reads in English too', async () => {
    const page = bo.page;
    await bo.login(REFERENT.email, REFERENT.password);
    await page.getByRole('button', { name: 'Switch the screens to English' }).click();
    await bo.heading(/Certification sessions — Collège Jean Moulin/).waitFor();
    await page.getByTestId('sessions-processed').getByText('Results published').waitFor();
    await bo.capture('sessions-english');
    await page.locator('.language-switch').click();
    await bo.heading(/Sessions de certification/).waitFor();
  });

  it('stays whole at 200 % zoom: half the width, nothing cut off (wide tables scroll in their frame)', async () => {
    const page = bo.page;
    await page.setViewportSize({ width: 640, height: 860 });
    try {
      for (const [hash, name] of [
        [`#/sessions/${(state.session as CentreSession).id}`, 'session-200-percent'],
        [`#/sessions/${(state.session as CentreSession).id}/results`, 'results-200-percent'],
      ] as const) {
        await bo.go(hash);
        await page.getByRole('table').first().waitFor();
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(640);
        await bo.capture(name);
      }
    } finally {
      await page.setViewportSize({ width: 1280, height: 860 });
    }
  });

  it('changes one’s password in “Mon compte”, the current one asked again; no screen raised a script error', async () => {
    const page = bo.page;
    await bo.nav('Mon compte').click();
    await bo.heading('Mon compte').waitFor();
    await page.getByLabel('Mot de passe actuel').fill('pas le mien');
    await page.getByLabel('Nouveau mot de passe').fill('une nouvelle phrase de passe');
    await page.getByRole('button', { name: 'Changer le mot de passe' }).click();
    await expect(page.getByTestId('error').textContent()).resolves.toContain(
      'Le mot de passe actuel est incorrect.',
    );
    await bo.capture('my-account-wrong-password');
    await page.getByLabel('Mot de passe actuel').fill(REFERENT.password);
    await page.getByRole('button', { name: 'Changer le mot de passe' }).click();
    await page.locator('#main').getByText('Mot de passe changé.').waitFor();
    await bo.logout();
    await bo.login(REFERENT.email, 'une nouvelle phrase de passe');
    expect(bo.pageErrors).toEqual([]);
    expect(bo.pageErrors).toEqual([]);
  });
});
