// Two pages in one run: a station (the harness: real station services, candidate screens in Chromium)
// and the invigilator screen served by the same real server. Every decision is taken on the
// invigilator's screen and seen to reach the station: presence confirmation starts the test, an alert
// validated moves the candidate on, added time shows on the station's clock, a resume after a station
// kill (with an alert still pending, never hidden), the test ended, the station closed, the session
// finalized with its abort reason, and the results. Screenshots in test-results/screenshots/invigilator-with-station/.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Challenge } from '../../core/challenge/challenge.ts';
import { LEA } from '../fixtures/e2e-candidates.ts';
import {
  acceptInstructions,
  fillSignIn,
  openSignIn,
  pressOn,
  signInValues,
  submitSignIn,
  waitForChallenge,
} from '../harness/candidate-actions.ts';
import { CertificationDay } from '../harness/certification-day.ts';
import { launchChromium } from '../harness/chromium.ts';
import { nextChallengeOrEnd, waitForHomeReady, waitForSent } from '../harness/scenario-steps.ts';
import { ensureInvigilatorBuilt, WEB_ROOT } from './invigilator-build.ts';
import { InvigilatorPage } from './invigilator-page.ts';

let browser: Browser;
let day: CertificationDay;
let inv: InvigilatorPage;
let leaId = '';
let current: Challenge;

beforeAll(async () => {
  ensureInvigilatorBuilt();
  browser = await launchChromium();
  day = await CertificationDay.open({ scenario: 'invigilator-with-station', browser, webRoot: WEB_ROOT });
  inv = await InvigilatorPage.open(browser, day.server.url, 'invigilator-with-station');
  await inv.login(day.seeded.session);
  leaId = day.invigilator.candidateId(LEA.key);
}, 120_000);

afterEach(async () => {
  await inv?.closeAnyDialog();
});

afterAll(async () => {
  await inv?.close();
  await day?.close();
  await browser?.close();
});

/** The candidate reports a problem on the question on screen. */
async function reportProblem(): Promise<void> {
  const page = day.page;
  await pressOn(page, page.getByTestId('report'), 'Enter', 'report button');
  await page.getByRole('dialog').waitFor();
  await pressOn(page, page.getByTestId('confirm'), 'Enter', 'confirm button');
  await page.getByTestId('alert-pending').waitFor();
}

describe('the invigilator screen with a station', () => {
  it('starts the test when the invigilator confirms presence', async () => {
    const page = day.page;
    await waitForHomeReady(day);
    await openSignIn(page);
    await fillSignIn(page, signInValues(LEA, day.seeded.session));
    await submitSignIn(page);
    await acceptInstructions(page);
    const card = await inv.waitForCard(leaId, { state: 'waiting', attention: 'waiting' });
    expect(await card.getByTestId('card-flag').textContent()).toContain('Attend la confirmation');
    await inv.capture('waiting-for-confirmation');
    await card.getByTestId('quick-confirm').click();
    current = await waitForChallenge(page);
    const started = await inv.waitForCard(leaId, { state: 'inProgress' });
    // The question number comes with the station's next heartbeat (every 2 s).
    await expect
      .poll(() => started.getByTestId('card-state').textContent(), { timeout: 10_000 })
      .toBe('Question 1 sur 10');
    await inv.capture('test-started');
  });

  it('shows the alert raised on the station, and validating it moves the station to the next question', async () => {
    await reportProblem();
    const card = await inv.waitForCard(leaId, { attention: 'alert', highlight: 'urgent' });
    expect(await card.getByTestId('card-flag').textContent()).toContain('Alerte · question 1');
    expect(await inv.page.getByTestId('alerts-banner').textContent()).toContain('1 alerte en attente');
    // A chime too, once, for an invigilator who is not looking at the screen.
    await expect.poll(() => inv.chimes(), { timeout: 5000 }).toBe(1);
    await inv.capture('alert-on-card');
    await card.getByTestId('quick-alert').click();
    const decision = inv.page.getByTestId('alert-decision');
    await decision.waitFor();
    await inv.capture('alert-decision');
    await decision.getByTestId('code-E4').check();
    await decision.getByTestId('alert-validate').click();
    const next = await nextChallengeOrEnd(day, current.id);
    if (!next) throw new Error('the test ended early');
    current = next;
    expect(await day.page.getByTestId('alert-outcome').textContent()).toContain(
      'la question précédente ne sera pas comptée',
    );
    const after = await inv.waitForCard(leaId, { state: 'inProgress', highlight: 'none' });
    await expect
      .poll(() => after.getByTestId('card-state').textContent(), { timeout: 10_000 })
      .toBe('Question 2 sur 10');
    await inv.page.getByTestId('alerts-banner').waitFor({ state: 'detached' });
  });

  it("adds time: the station's clock shows it", async () => {
    const before = (await day.status()).exam.timeLeftMs ?? 0;
    const file = await inv.openFile(leaId);
    await file.getByTestId('action-addTime').click();
    await inv.page.getByTestId('add-time-minutes').selectOption('10');
    await inv.capture('add-time-confirmation');
    await inv.page.getByTestId('confirm-add-time').click();
    const status = await day.waitForStatus(
      (s) => (s.exam.timeLeftMs ?? 0) > before + 9 * 60_000,
      20_000,
      'the added time on the station',
    );
    expect(status.exam.timeLeftMs).toBeLessThanOrEqual(before + 10 * 60_000);
    await expect
      .poll(() => inv.page.getByTestId('candidate-dialog').textContent(), { timeout: 10_000 })
      .toContain('+10\u00a0min ajoutées');
    // The station's heartbeat says its time left counts the 10 min (the server's fact, not a guess of
    // this screen's): the file no longer says they wait for the station.
    await day.invigilator.waitFor(
      LEA.key,
      (c) => c.addedMs === 10 * 60_000 && c.timeLeftAddedMs === 10 * 60_000,
      'the station’s report counting the added time',
    );
    const timeLeft = inv.page.getByTestId('panel-time-left');
    await expect.poll(() => timeLeft.innerText(), { timeout: 10_000 }).toMatch(/^1\sh 5\d\smin$/);
    await inv.capture('add-time-confirmed');
    await inv.closeDialog();
    // A reload reads the same facts from the server: the card says the time left, confirmed.
    await inv.page.reload();
    const grid = inv.page.getByTestId('room-grid');
    await grid.or(inv.page.getByLabel('Numéro de session')).waitFor();
    if (!(await grid.isVisible())) await inv.login(day.seeded.session);
    const card = await inv.waitForCard(leaId, { state: 'inProgress' });
    await expect.poll(() => card.getByTestId('card-time').innerText()).toMatch(/^Reste 1\sh 5\d\smin/);
    expect(await card.getByTestId('card-time-unconfirmed').count()).toBe(0);
    expect(await card.innerText()).not.toContain('en attente du poste');
    await inv.capture('add-time-confirmed-after-reload');
  });

  it('locks the station and unlocks it', async () => {
    const file = await inv.openFile(leaId);
    await file.getByTestId('action-pause').click();
    await inv.page.getByTestId('pause-reason').fill('Téléphone sorti');
    await inv.page.getByTestId('confirm-pause').click();
    await day.page.getByTestId('paused').waitFor();
    expect(await day.page.getByTestId('paused').textContent()).toContain('Téléphone sorti');
    await expect
      .poll(() => inv.page.getByTestId('panel-state').textContent(), { timeout: 10_000 })
      .toBe('En pause (surveillant)');
    // The time left counts the 10 min added, as the time allowed does (1 h 55 min), confirmed or not
    // by the station yet: never the « 1 h 45 min » of a report from before it.
    expect(await inv.page.getByTestId('panel-time-left').innerText()).toMatch(/^1\sh 5\d\smin/);
    await inv.capture('station-locked');
    await inv.page.getByTestId('action-unlock').click();
    await day.page.getByTestId('paused').waitFor({ state: 'detached' });
    await inv.closeDialog();
  });

  it('authorizes the resume after a station kill, without hiding the alert still pending', async () => {
    // The invigilator turned the chime off: the next alert and the resume request are silent.
    const chimed = await inv.chimes();
    await inv.page.getByTestId('chime-toggle').uncheck();
    await reportProblem();
    await inv.waitForCard(leaId, { attention: 'alert' });
    await day.killStation();
    await day.launchStation();
    await day.page.getByRole('heading', { name: 'Votre test a été interrompu' }).waitFor();
    const card = await inv.waitForCard(leaId, { state: 'resumePending', attention: 'resume' });
    // Both show: the alert first, and the button the candidate needs now (the resume).
    expect(await card.getAttribute('data-attention')).toMatch(/^alert resume/);
    expect(await card.getByTestId('card-flag').textContent()).toContain('Reprise + alerte Q2');
    expect(await inv.chimes()).toBe(chimed);
    await inv.page.getByTestId('chime-toggle').check();
    await inv.capture('resume-with-pending-alert');
    await card.getByTestId('quick-resume').click();
    await inv.page.getByTestId('resume-alert-warning').waitFor();
    expect(await inv.page.getByTestId('resume-alert-warning').textContent()).toContain('question 2');
    await inv.capture('resume-confirmation-with-alert');
    await inv.page.getByTestId('confirm-resume').click();
    // The station takes the test up again at the same question, still frozen by the alert.
    const again = await waitForChallenge(day.page);
    expect(again.id).toBe(current.id);
    await day.page.getByTestId('alert-pending').waitFor();
    const frozen = await inv.waitForCard(leaId, { state: 'inProgress', attention: 'alert' });
    await frozen.getByTestId('quick-alert').click();
    await inv.page.getByTestId('alert-dismiss').click();
    await day.page.getByTestId('alert-outcome').waitFor();
    expect(await day.page.getByTestId('alert-outcome').textContent()).toContain(
      'vous pouvez répondre à cette question',
    );
    await inv.waitForCard(leaId, { state: 'inProgress', highlight: 'none' });
  });

  it('ends the test from the invigilator screen', async () => {
    const file = await inv.openFile(leaId);
    await file.getByTestId('action-endTest').click();
    await inv.page.getByTestId('confirm-end-test').waitFor();
    await inv.capture('end-test-confirmation');
    await inv.page.getByTestId('confirm-end-test').click();
    await day.page.getByTestId('upload-state').waitFor();
    await waitForSent(day);
    await inv.closeDialog();
    const card = await inv.waitForCard(leaId, { state: 'resultReceived', highlight: 'finished' });
    expect(await card.getByTestId('card-state').textContent()).toContain('Terminé par le surveillant');
    expect(await card.getByTestId('card-upload').textContent()).toContain('Résultat reçu');
    await inv.capture('test-ended');
  });

  it('records an incident report with its code and question number', async () => {
    const file = await inv.openFile(leaId);
    await file.getByTestId('incident-code').selectOption('E4');
    await file.getByTestId('incident-question').fill('2');
    await file.getByTestId('incident-description').fill('Le site de la mairie ne répond pas');
    await file.getByTestId('incident-add').click();
    await file.getByTestId('incident-list').waitFor();
    expect(await file.getByTestId('incident-list').textContent()).toContain(
      'E4 — Le site à consulter est indisponible',
    );
    await inv.capture('incident-report');
    await inv.closeDialog();
  });

  it('closes the station from the candidate’s file once the test is over, after asking', async () => {
    const file = await inv.openFile(leaId);
    await file.getByTestId('action-closeStation').click();
    await inv.page.getByTestId('confirm-close-station').waitFor();
    await inv.capture('close-station-confirmation');
    await inv.page.getByTestId('confirm-close-station').click();
    await day.page.getByTestId('station-closed').waitFor();
    await day.capture('station-closed');
    await inv.closeDialog();
  });

  it('finalizes with an abort reason for the unfinished test, then shows the results', async () => {
    await inv.goTo('Finaliser la session');
    const reason = inv.page.locator(`[data-testid="abort-reason"][data-candidate-id="${leaId}"]`);
    await reason.waitFor();
    await inv.page.getByTestId('finalize').click();
    await inv.page.getByTestId('finalization-errors').waitFor();
    expect(await reason.textContent()).toContain('Indiquez la raison de l’arrêt.');
    await inv.capture('finalization-reason-required');
    await reason.getByTestId('abort-candidate').check();
    await inv.page.getByTestId('hadIncident-no').check();
    await inv.page.getByTestId('candidateCouldNotJoin-no').check();
    await inv.page.getByTestId('finalize').click();
    await inv.page.getByTestId('confirm-finalize').click();
    const row = inv.page.locator(`[data-testid="result-row"][data-candidate-id="${leaId}"]`);
    await row.waitFor({ timeout: 30_000 });
    expect(await row.textContent()).toContain('arrêté : abandon');
    const results = await day.invigilator.results();
    const lea = results.results.find((r) => r.candidateId === leaId);
    expect(lea?.abortReason).toBe('candidate');
    expect(lea?.neutralizedQuestions).toEqual([1]);
    expect(lea?.incidents.map((i) => [i.code, i.questionNumber])).toEqual([['E4', 2]]);
    expect(results.finalization?.needsJury).toBe(true);
    expect(await row.getByTestId('result-score').textContent()).toBe(String(lea?.pixScore));
    await inv.capture('results');
  });

  it('left no error in the page (scripts, content security policy)', () => {
    expect(inv.consoleErrors).toEqual([]);
  });
});
