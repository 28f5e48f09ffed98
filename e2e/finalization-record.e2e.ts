// The printable finalization record (« Procès-verbal de session ») end to end, in Chromium against the
// real server (its own process) and stations speaking the real protocol over HTTP: a room of 24
// candidates where one finishes with an alert validated (a neutralized question), one is stopped by the
// invigilator (technical), one runs out of time, and the others never come; incident reports; the
// invigilator finalizes with a comment. Before that the page says it is not available; after, it is
// reached from the session page, states everything, passes axe, and prints on A4 (the PDF's pages are
// pictured: the table's header repeats, the signature block stays whole).
// Pictures in test-results/screenshots/finalization-record/.
import { writeFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN } from '../server/testing/test-server.ts';
import { BackOfficePage, Captures } from './backoffice/backoffice-page.ts';
import { pdfPagePictures } from './backoffice/pdf-pictures.ts';
import { CertificationServer } from './harness/certification-server.ts';
import { launchChromium } from './harness/chromium.ts';
import { plainSpaces } from './harness/plain-spaces.ts';
import { ensureWebScreensBuilt } from './harness/renderer-build.ts';
import { api, seedSession } from './harness/seed-session.ts';
import { SimulatedRoom, demoRoomContent, type SimulatedStation } from './invigilator/simulated-room.ts';

const COMMENT = 'Alarme incendie à 10 h 12 : la salle est sortie, reprise à 10 h 20.';

let server: CertificationServer;
let browser: Browser;
let captures: Captures;
let bo: BackOfficePage;
let room: SimulatedRoom;
/** The candidates who sat, by what happened to them (keys of the room). */
const sat = { finished: '', stopped: '', timeUp: '' };
let neutralizedQuestion = 0;

/** Starts the next candidate who can sit (the demo session has candidates who are not certifiable). */
async function nextSitting(keys: string[], answered: number): Promise<SimulatedStation> {
  for (;;) {
    const key = keys.shift();
    if (!key) throw new Error('no certifiable candidate left');
    const station = await room.station(key, `Poste ${String(room.stations.size + 1).padStart(2, '0')}`);
    try {
      await station.startTest({ answered, startedMinutesAgo: 30 });
      return station;
    } catch (error) {
      if (!String(error).includes('NOT_CERTIFIABLE')) throw error;
      room.stations.delete(key);
    }
  }
}

beforeAll(async () => {
  const webRoot = ensureWebScreensBuilt(['centre']);
  if (!webRoot) throw new Error('the back office’s sources are missing');
  server = await CertificationServer.start({ webRoot });
  const content = demoRoomContent(24);
  room = await SimulatedRoom.attach(server, await seedSession(server, content), content);
  browser = await launchChromium();
  captures = new Captures('finalization-record');
  bo = await BackOfficePage.open(browser, server.url, captures);
}, 120_000);

afterAll(async () => {
  await bo?.close();
  await browser?.close();
  await room?.close();
  await server?.close();
});

const sessionId = () => room.seeded.session.id;
const number = () => room.seeded.session.number;
const listName = (key: string) => {
  const p = room.person(key);
  return `${p.lastName.toLocaleUpperCase('fr-FR')} ${p.firstName}`;
};

describe('the finalization record', () => {
  it('is not available before the session is finalized', async () => {
    await bo.login(ADMIN.email, ADMIN.password);
    await bo.go(`#/sessions/${sessionId()}/finalization-record`);
    await bo.heading('Procès-verbal pas encore disponible').waitFor();
    await expect(bo.page.getByTestId('error').textContent()).resolves.toContain(
      'cette session n’est pas encore finalisée',
    );
    // Nor offered on the session page.
    await bo.go(`#/sessions/${sessionId()}`);
    await bo.heading(`Session ${number()}`).waitFor();
    await expect(bo.page.getByTestId('finalization-record-link').count()).resolves.toBe(0);
    await bo.go(`#/sessions/${sessionId()}/finalization-record`);
    await bo.heading('Procès-verbal pas encore disponible').waitFor();
    await bo.capture('not-finalized');
  });

  it('records the finalization, reached from the session page', async () => {
    const keys = [...room.keys];
    // Finished, question 3 reported and neutralized (E9, offered for any question).
    const finished = await nextSitting(keys, 2);
    sat.finished = finished.key;
    const alertId = await finished.raiseAlert(2);
    await room.decideAlert(alertId, 'validated', 'E9');
    const challengeId = finished.pkg?.package.challenges[2]?.id ?? '';
    finished.journal?.append({
      kind: 'alertDecided',
      payload: { alertId, challengeId, decision: 'validated', reasonCode: 'E9' },
    });
    finished.alertPending = false;
    finished.current = 3;
    neutralizedQuestion = 3;
    await finished.end('finished', { upload: true });
    // Stopped by the invigilator after a station breakdown.
    const stopped = await nextSitting(keys, 4);
    sat.stopped = stopped.key;
    await stopped.acknowledge(await room.command(stopped.key, { type: 'endTest' }));
    await stopped.end('endedByInvigilator', { upload: true });
    // Out of time.
    const timeUp = await nextSitting(keys, 6);
    sat.timeUp = timeUp.key;
    await timeUp.end('timeUp', { upload: true });

    const report = (key: string, body: Record<string, unknown>) =>
      room.admin('POST', `/api/centre/sessions/${sessionId()}/incidents`, {
        candidateId: room.candidateId(key),
        ...body,
      });
    await report(sat.finished, {
      code: 'E9',
      questionNumber: neutralizedQuestion,
      description: 'Le tableur ne s’ouvrait pas.',
    });
    await report(sat.stopped, { code: 'C7', description: 'Le poste s’est figé, test arrêté.' });
    const absentKey = room.keys.find((k) => !Object.values(sat).includes(k) && !room.stations.has(k)) ?? '';
    await report(absentKey, { code: 'C4', description: '' });

    const { token } = await api<{ token: string }>(server, 'POST', '/api/invigilator/login', {
      body: { sessionNumber: number(), password: room.seeded.session.invigilatorPassword },
    });
    await api(server, 'POST', `/api/invigilator/sessions/${sessionId()}/finalization`, {
      token,
      body: {
        abortReasons: [{ candidateId: room.candidateId(sat.stopped), reason: 'technical' }],
        globalComment: COMMENT,
        hadIncident: true,
        candidateCouldNotJoin: true,
      },
    });

    const page = bo.page;
    await bo.go(`#/sessions/${sessionId()}`);
    await bo.heading(`Session ${number()}`).waitFor();
    await page.getByRole('link', { name: 'Imprimer le procès-verbal' }).click();
    await bo.heading(`Procès-verbal de la session n° ${number()}`).waitFor();
    const record = page.getByTestId('finalization-record');
    await expect(record.getByTestId('pv-finalized-by').textContent()).resolves.toBe(
      'le surveillant, depuis l’écran surveillant',
    );
    await expect(record.getByTestId('pv-finalized-at').textContent()).resolves.toMatch(
      /^\d\d\/\d\d\/\d{4} \d\d:\d\d$/,
    );
    await expect(record.getByTestId('pv-had-incident').textContent()).resolves.toBe('Oui');
    await expect(record.getByTestId('pv-could-not-join').textContent()).resolves.toBe('Oui');
    await expect(record.getByTestId('pv-comment').textContent()).resolves.toBe(COMMENT);

    const table = page.getByRole('table', {
      name: `Candidats de la session n° ${number()}, par ordre alphabétique`,
    });
    const rows = table.getByTestId('pv-candidate');
    await expect(rows.count()).resolves.toBe(24);
    // By last name, as the attendance sheet.
    const names = await table
      .locator('tbody th[scope="row"]')
      .evaluateAll((cells) => cells.map((c) => c.firstChild?.textContent ?? ''));
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'fr')));
    // Each row's cells after its name: extra time, presence, end, abort reason, neutralized, reports.
    const cells = (key: string) =>
      table
        .locator(`[data-candidate-id="${room.candidateId(key)}"] td`)
        .allTextContents()
        .then((texts) => texts.map(plainSpaces));
    const NA = '—sans objet';
    await expect(cells(sat.finished)).resolves.toEqual([
      expect.any(String),
      'Présent',
      'Terminé',
      NA,
      '1',
      `E9 — Le logiciel nécessaire ne fonctionne pas, question ${neutralizedQuestion} : Le tableur ne s’ouvrait pas.`,
    ]);
    await expect(cells(sat.stopped)).resolves.toEqual([
      expect.any(String),
      'Présent',
      'Terminé par le surveillant',
      'Problème technique',
      '0',
      'C7 — Problème technique non bloquant : Le poste s’est figé, test arrêté.',
    ]);
    await expect(cells(sat.timeUp)).resolves.toEqual([
      expect.any(String),
      'Présent',
      'Terminé (temps écoulé)',
      NA,
      '0',
      'aucun',
    ]);
    await expect(cells(absentKey)).resolves.toEqual([
      expect.any(String),
      'Absent',
      'Pas de test',
      NA,
      NA,
      'C4 — Problème de signature (feuille d’émargement)',
    ]);
    await expect(
      table.locator(`[data-candidate-id="${room.candidateId(sat.finished)}"] th`).textContent(),
    ).resolves.toMatch(new RegExp(`^${listName(sat.finished)}né\\(e\\) le \\d\\d/\\d\\d/\\d{4}$`));
    await expect(page.getByTestId('pv-counts').innerText()).resolves.toMatch(
      /Candidats inscrits\s+24\s+Présents\s+3\s+Absents\s+21\s+Tests terminés\s+2\s+Tests arrêtés avant la fin\s+1/,
    );
    await page.getByRole('heading', { level: 3, name: 'Signature du référent Pix' }).waitFor();
    await page.getByRole('button', { name: 'Imprimer' }).waitFor();
    expect(bo.pageErrors).toEqual([]);
    await bo.capture('record');
  });

  it('prints on A4: no frame nor button, the table’s header on every sheet, rows and signatures whole', async () => {
    const page = bo.page;
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('button', { name: 'Imprimer' }).isVisible()).resolves.toBe(false);
    await expect(page.locator('.app-header').isVisible()).resolves.toBe(false);
    const printed = await page.evaluate(() => {
      const style = (selector: string) => {
        const element = document.querySelector(selector);
        if (!element) throw new Error(`no ${selector}`);
        return getComputedStyle(element);
      };
      return {
        header: style('.pv-table thead').display,
        row: style('.pv-table tbody tr').breakInside,
        signatures: style('[data-testid="pv-signatures"]').breakInside,
      };
    });
    expect(printed).toEqual({ header: 'table-header-group', row: 'avoid', signatures: 'avoid' });
    await bo.capture('record-print-media');

    // What the browser prints (page.pdf renders with the print rules, on the page size they ask).
    const pdf = await page.pdf({ preferCSSPageSize: true });
    await page.emulateMedia({ media: null });
    // The first sheet starts with the record (a named page must not leave it blank).
    const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false }).promise;
    const first = (await (await doc.getPage(1)).getTextContent()).items
      .map((item) => ('str' in item ? item.str : ''))
      .join('');
    expect(first).toContain(`Procès-verbal de la session n° ${number()}`);
    const pictures = await pdfPagePictures(browser, pdf);
    // 24 candidates run over a second sheet (the pictures are looked at: header repeated there).
    expect(pictures.length).toBeGreaterThanOrEqual(2);
    pictures.forEach((picture, i) => writeFileSync(captures.next(`record-a4-page-${i + 1}`), picture));
  });

  it('is linked from the results page too, which names the two « Jade MOREAU » with their birthdate', async () => {
    await bo.go(`#/sessions/${sessionId()}/results`);
    // The demo room's namesakes are both absent: the list says which is which, and only of them.
    const absent = plainSpaces((await bo.page.getByTestId('absent').textContent()) ?? '');
    expect(absent).toContain('Jade MOREAU (08/09/2011)');
    expect(absent).toContain('Jade MOREAU (14/02/2012)');
    expect(absent).toMatch(/Zoé LAMBERT(?! \()/);
    await bo.capture('results-namesakes');
    await bo.page.getByRole('link', { name: 'Imprimer le procès-verbal' }).click();
    await bo.heading(`Procès-verbal de la session n° ${number()}`).waitFor();
  });
});
