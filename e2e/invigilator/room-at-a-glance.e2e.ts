// Thirty candidates in mixed states (simulated stations speaking the real protocol to the real server)
// on a 1366×768 screen: everyone fits without scrolling, what needs the invigilator comes first and
// stands out, and every screen of the invigilator passes axe. Screenshots in
// test-results/screenshots/invigilator-room/.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../harness/chromium.ts';
import { ensureInvigilatorBuilt } from './invigilator-build.ts';
import { InvigilatorPage } from './invigilator-page.ts';
import { seedMixedRoom, type MixedRoom } from './mixed-room.ts';
import { SimulatedRoom } from './simulated-room.ts';

let browser: Browser;
let room: SimulatedRoom;
let mixed: MixedRoom;
let inv: InvigilatorPage;

beforeAll(async () => {
  ensureInvigilatorBuilt();
  room = await SimulatedRoom.open(30);
  mixed = await seedMixedRoom(room);
  browser = await launchChromium();
}, 120_000);

afterEach(async () => {
  await inv?.closeAnyDialog();
});

afterAll(async () => {
  await inv?.close();
  await browser?.close();
  await room?.close();
});

const keysOf = (role: string) => [...mixed.roles].filter(([, r]) => r === role).map(([key]) => key);
const idOf = (role: string) => {
  const key = keysOf(role)[0];
  if (!key) throw new Error(`no candidate in role ${role}`);
  return room.candidateId(key);
};

describe('the room at a glance', () => {
  it('shows the login screen, refuses a wrong password, and opens the room', async () => {
    inv = await InvigilatorPage.open(browser, room.server.url, 'invigilator-room');
    await inv.capture('login');
    await inv.page.getByLabel('Numéro de session').fill(String(room.seeded.session.number));
    await inv.page.getByLabel('Mot de passe surveillant').fill('wrong1');
    await inv.page.getByRole('button', { name: 'Accéder à la salle' }).click();
    await inv.page.getByTestId('login-error').waitFor();
    expect(await inv.page.getByTestId('login-error').textContent()).toContain(
      'mot de passe surveillant incorrect',
    );
    await inv.capture('login-refused');
    await inv.page.getByLabel('Mot de passe surveillant').fill('');
    await inv.login(room.seeded.session);
    expect(await inv.page.getByTestId('session-details').textContent()).toContain('Mme Sophie Leroy');
    // The room opens with alerts already pending: the banner says so, no chime (that is for new ones).
    await inv.page.getByTestId('alerts-banner').waitFor();
    expect(await inv.chimes()).toBe(0);
  });

  it('fits 30 candidates on 1366×768 without scrolling, the most urgent first', async () => {
    // The silent station reads as missing only after 15 s without a heartbeat.
    const silentFor = Date.now() - mixed.silentSince;
    if (silentFor < 16_000) await new Promise((resolve) => setTimeout(resolve, 16_000 - silentFor));
    await inv.waitForCard(idOf('stationMissing'), { attention: 'stationMissing' });
    const cards = inv.page.getByTestId('candidate-card');
    expect(await cards.count()).toBe(30);
    const fit = await inv.page.evaluate(() => ({
      scroll: document.documentElement.scrollHeight,
      height: window.innerHeight,
      width: document.documentElement.scrollWidth,
      bottom: Math.max(
        ...[...document.querySelectorAll('[data-testid="candidate-card"]')].map(
          (c) => c.getBoundingClientRect().bottom,
        ),
      ),
    }));
    expect(fit.scroll).toBeLessThanOrEqual(fit.height);
    expect(fit.width).toBeLessThanOrEqual(1366);
    expect(fit.bottom).toBeLessThanOrEqual(768);

    const order = await cards.evaluateAll((list) =>
      list.map((c) => ({
        attention: c.getAttribute('data-attention') ?? '',
        state: c.getAttribute('data-state') ?? '',
        highlight: c.getAttribute('data-highlight') ?? '',
      })),
    );
    const firstOf = (test: (c: (typeof order)[number]) => boolean) => order.findIndex(test);
    const lastOf = (test: (c: (typeof order)[number]) => boolean) =>
      order.length - 1 - [...order].reverse().findIndex(test);
    // Alerts, then resumes, then waiting, then silent stations and lockdown events; then the rest.
    expect(order.slice(0, 2).map((c) => c.attention.split(' ')[0])).toEqual(['alert', 'alert']);
    expect(lastOf((c) => c.attention.startsWith('alert'))).toBeLessThan(
      firstOf((c) => c.attention.startsWith('resume')),
    );
    expect(lastOf((c) => c.attention.startsWith('resume'))).toBeLessThan(
      firstOf((c) => c.attention.startsWith('waiting')),
    );
    expect(lastOf((c) => c.attention !== '')).toBeLessThan(firstOf((c) => c.attention === ''));
    expect(lastOf((c) => c.highlight === 'finished')).toBeLessThan(firstOf((c) => c.state === 'notArrived'));
    expect(order.slice(-3).every((c) => c.state === 'notArrived')).toBe(true);
    const urgent = order.filter((c) => c.highlight === 'urgent').length;
    expect(urgent).toBe(
      keysOf('alert-image').length + keysOf('alert-file').length + keysOf('alert-embed').length + 2,
    );

    expect(await inv.page.getByTestId('alerts-banner').textContent()).toContain('alertes en attente');
    await expect.poll(() => inv.page.title()).toMatch(/^\(\d\) Alerte/);
    expect(await inv.card(idOf('stationMissing')).getByTestId('health').getAttribute('data-health')).toBe(
      'lost',
    );
    await inv.capture('room-30-candidates');
  });

  it('shows each alert with what its question contains and the E codes that fit it', async () => {
    const words = {
      image: 'une image',
      attachment: 'un fichier à ouvrir',
      embed: 'un contenu intégré',
    } as const;
    const cards = (await room.room()).filter((c) => c.alert !== null);
    expect(cards.length).toBe([...mixed.roles.values()].filter((r) => r.startsWith('alert-')).length);
    for (const card of cards) {
      const alert = card.alert;
      if (!alert) continue;
      await inv.card(card.candidateId).getByTestId('quick-alert').click();
      const dialog = inv.page.getByTestId('alert-decision');
      await dialog.waitFor();
      const content = (await dialog.getByTestId('alert-content').textContent()) ?? '';
      for (const [flag, text] of Object.entries(words)) {
        expect(content.includes(text)).toBe(alert.content[flag as keyof typeof words]);
      }
      expect(await dialog.getByTestId('code-E1').count()).toBe(alert.content.image ? 1 : 0);
      expect(await dialog.getByTestId('code-E3').count()).toBe(alert.content.attachment ? 1 : 0);
      expect(await dialog.getByTestId('code-E2').count()).toBe(alert.content.embed ? 1 : 0);
      expect(await dialog.getByTestId('code-E4').count()).toBe(1);
      if (card.candidateId === idOf('alert-image')) await inv.capture('alert-decision');
      await inv.closeDialog();
    }
  });

  it('opens a candidate whose station locked itself: the events with their time, kept for the jury', async () => {
    await inv.card(idOf('lockdown-paused')).getByTestId('quick-lockdown').click();
    const events = inv.page.getByTestId('lockdown-events');
    await events.waitFor();
    expect(await events.textContent()).toContain('Le candidat a quitté la fenêtre du test');
    // The translated label only: not the station's own sentence saying it again.
    expect(await events.textContent()).not.toContain('premier plan');
    expect(await inv.page.getByTestId('action-unlock').count()).toBe(1);
    await inv.capture('candidate-lockdown');
    await inv.page.getByTestId('lockdown-seen').click();
    await inv.closeDialog();
    // What the station knew, said in the screen's words; an older station's record by its name and data.
    const said = async () => {
      await inv.openFile(idOf('lockdown-event'));
      const list = inv.page.getByTestId('lockdown-events');
      const rows = await list.locator('li').allTextContents();
      return rows.map((row) => row.replace(/^\S+ /, '').replace(/\u00a0/g, ' '));
    };
    expect(await said()).toEqual([
      'Logiciel interdit : TeamViewer (TeamViewer.exe), prise de main à distance',
      'Retour dans la fenêtre du test après 2 min 10 s d’absence',
      'Le candidat a quitté la fenêtre du test',
      'Écran supplémentaire branché — DELL U2419H (1920×1080)',
      expect.stringMatching(
        /^Arrêt brutal du poste \(coupure, plantage\), dernier signe de vie le \d{1,2} \p{L}+( \d{4})? à \d\d:\d\d$/u,
      ),
    ]);
    await inv.capture('candidate-lockdown-facts');
    await inv.closeDialog();
    await inv.page.getByRole('button', { name: 'Switch the screens to English' }).click();
    await inv.page.getByRole('heading', { name: 'The room' }).waitFor();
    expect(await said()).toEqual([
      'Forbidden software: TeamViewer (TeamViewer.exe), remote control',
      'Back in the test window after 2 min 10 s away',
      'The candidate left the test window',
      'Extra display plugged in — DELL U2419H (1920×1080)',
      expect.stringMatching(
        /^Station stopped abruptly \(power cut, crash\), last sign of life on \d{1,2} [A-Z][a-z]+( \d{4})? at \d\d:\d\d$/,
      ),
    ]);
    await inv.capture('candidate-lockdown-facts-english');
    await inv.closeDialog();
    await inv.page.getByRole('button', { name: /français/i }).click();
    await inv.page.getByRole('heading', { name: 'La salle' }).waitFor();
    // Seen: the card no longer calls for attention, but the station is still locked.
    await inv.waitForCard(idOf('lockdown-paused'), { state: 'paused', attention: 'lockdown' });
  });

  it('asks before authorizing a resume and says on which station', async () => {
    await inv.card(idOf('resume-other')).getByTestId('quick-resume').click();
    await inv.page.getByTestId('confirm-resume').waitFor();
    expect(await inv.page.getByTestId('candidate-dialog').textContent()).toContain(
      'Il reprendra sur : Poste',
    );
    await inv.capture('resume-confirmation');
    await inv.closeDialog();
  });

  it('holds the cards still under a moving pointer when a new alert comes, then puts the alert first', async () => {
    const order = () =>
      inv.page
        .getByTestId('candidate-card')
        .evaluateAll((cards) => cards.map((c) => c.getAttribute('data-candidate-id')));
    // The last calm candidate: their card is far down the room, behind every alert.
    const key = keysOf('inProgress').at(-1);
    const station = key ? room.stations.get(key) : undefined;
    if (!key || !station) throw new Error('no candidate in progress');
    const id = room.candidateId(key);
    const before = await order();
    expect(before.indexOf(id)).toBeGreaterThan(5);
    // The invigilator's pointer moves over the cards, about to click one.
    const box = await inv.card(before[2] ?? '').boundingBox();
    if (!box) throw new Error('no card on screen');
    const wiggle = async (dx: number) => inv.page.mouse.move(box.x + box.width / 2 + dx, box.y + 10);
    // It keeps moving (a pointer left still lets go after 4 s) until the alert is on screen.
    let moving = true;
    const keepMoving = (async () => {
      for (let dx = 0; moving; dx = (dx + 3) % 12) {
        await wiggle(dx);
        await inv.page.waitForTimeout(300);
      }
    })();
    try {
      await station.raiseAlert();
      await inv.waitForCard(id, { attention: 'alert' });
      // The alert is shown on its card, where the card was: nothing moved under the pointer.
      expect(await order()).toEqual(before);
    } finally {
      moving = false;
      await keepMoving;
    }
    // The pointer leaves the cards: the room sorts again, the new alert among the first.
    await inv.page.mouse.move(5, 5);
    await expect.poll(async () => (await order()).indexOf(id), { timeout: 10_000 }).toBeLessThan(6);
  });

  it('shows an alert the station reports before its record arrives, then the alert itself', async () => {
    const key = keysOf('inProgress').at(-2);
    const station = key ? room.stations.get(key) : undefined;
    if (!key || !station) throw new Error('no candidate in progress');
    const id = room.candidateId(key);
    await station.raiseAlert(station.current, undefined, { replicated: false });
    const card = await inv.waitForCard(id, { attention: 'alertInTransit', highlight: 'urgent' });
    expect(await card.textContent()).toContain('Alerte en route');
    await inv.capture('alert-in-transit');
    // The record arrives: the card offers the decision, as for any alert.
    await station.replicate();
    await inv.waitForCard(id, { attention: 'alert' });
    expect(await inv.card(id).getByTestId('quick-alert').count()).toBe(1);
  });

  it('is usable on a tablet (the cards flow into fewer columns) and in English', async () => {
    await inv.page.setViewportSize({ width: 1024, height: 768 });
    await inv.capture('room-tablet-landscape');
    await inv.page.setViewportSize({ width: 768, height: 1024 });
    await inv.capture('room-tablet-portrait');
    // 200 % zoom on a 1366×768 screen: the same page in half the CSS pixels.
    await inv.page.setViewportSize({ width: 683, height: 384 });
    await inv.capture('room-zoom-200');
    await inv.page.setViewportSize({ width: 1366, height: 768 });
    await inv.page.getByRole('button', { name: 'Switch the screens to English' }).click();
    await inv.page.getByRole('heading', { name: 'The room' }).waitFor();
    await inv.capture('room-english');
    await inv.page.getByRole('button', { name: /français/i }).click();
    await inv.page.getByRole('heading', { name: 'La salle' }).waitFor();
  });

  it('shows "connexion perdue" while the server is unreachable, and catches up from the last event when it is back', async () => {
    const waitingKey = keysOf('waiting')[0] ?? '';
    const streams: { url: string; lastEventId: string | null }[] = [];
    inv.page.on('request', (request) => {
      if (request.url().includes('/events')) {
        streams.push({ url: request.url(), lastEventId: request.headers()['last-event-id'] ?? null });
      }
    });
    await room.server.stop();
    await inv.page.getByTestId('connection-lost').waitFor();
    await inv.capture('connection-lost');
    await room.server.restart();
    // Something happens as soon as the server is back, before the screen reconnects.
    await room.command(waitingKey, { type: 'authorizeStart' });
    await inv.page.getByTestId('connection-lost').waitFor({ state: 'detached', timeout: 30_000 });
    await inv.waitForCard(room.candidateId(waitingKey), { state: 'startAuthorized' });
    // The screen asked for what came after the last event it had.
    const reconnect = streams.at(-1);
    expect(Number(reconnect?.lastEventId)).toBeGreaterThan(0);
    expect(reconnect?.url).toContain(`after=${reconnect?.lastEventId}`);
  });

  it('prepares the finalization, prints the attendance sheet and shows the results', async () => {
    await inv.goTo('Feuille d’émargement');
    await inv.page.getByTestId('attendance-table').waitFor();
    expect(await inv.page.getByTestId('attendance-line').count()).toBe(30);
    const csv = await inv.page.evaluate(
      async (href) => {
        const response = await fetch(href);
        return { status: response.status, text: await response.text() };
      },
      (await inv.page.getByTestId('attendance-csv').getAttribute('href')) ?? '',
    );
    expect(csv.status).toBe(200);
    expect(csv.text.split('\r\n').filter(Boolean)).toHaveLength(31);
    await inv.capture('attendance-sheet');
    await inv.page.emulateMedia({ media: 'print' });
    await inv.page.screenshot({ path: `${inv.folder}/attendance-print.png`, fullPage: true });
    await inv.page.emulateMedia({ media: 'screen' });

    await inv.goTo('Finaliser la session');
    // Tests still run on live stations and alerts await a decision: the screen says what to settle
    // first, and the server refuses to finalize.
    await inv.page.getByTestId('still-running').waitFor();
    await inv.page.getByTestId('pending-alerts').waitFor();
    await inv.page.getByTestId('finalize').click();
    await inv.page.getByTestId('finalization-errors').waitFor();
    // Times as the cards say them (« 1 h 15 min », never « 75 min »), and what to wait for.
    const blocked = await inv.page.locator('main').innerText();
    expect(blocked).not.toMatch(/environ ([6-9]\d|\d{3,})\smin/);
    expect(blocked).not.toContain('attendez son poste');
    await inv.capture('finalization-blocked');
    // The alerts are decided, then the stations go quiet (switched off): 15 s later they are silent.
    // With time left their candidates may still be working offline: the invigilator confirms each test
    // over (the stations are off), then each needs its abort reason.
    for (const card of await room.room()) {
      if (card.alert) await room.decideAlert(card.alert.id, 'validated', 'E1');
    }
    await room.stopHeartbeats();
    await new Promise((resolve) => setTimeout(resolve, 16_000));
    await inv.goTo('Salle');
    await inv.goTo('Finaliser la session');
    await inv.page.getByTestId('still-running').waitFor({ state: 'detached' });
    expect(await inv.page.getByTestId('pending-alerts').count()).toBe(0);
    const boxes = await inv.page.getByTestId('confirm-over').all();
    expect(boxes.length).toBeGreaterThan(5);
    for (const box of boxes) await box.check();
    await inv.page.getByTestId('finalize').click();
    await inv.page.getByTestId('finalization-errors').waitFor();
    const unfinished = inv.page.getByTestId('abort-reason');
    expect(await unfinished.count()).toBeGreaterThan(5);
    // Namesakes (two « Jade MOREAU ») are told apart by their birthdate: no two questions alike.
    const legends = await unfinished.locator('legend').allInnerTexts();
    expect(new Set(legends).size).toBe(legends.length);
    await inv.capture('finalization-errors');
    for (const group of await unfinished.all()) await group.getByTestId('abort-technical').check();
    await inv.page.getByTestId('global-comment').fill('Alarme incendie à 10 h 12 : évacuation de 8 minutes.');
    await inv.page.getByTestId('hadIncident-yes').check();
    await inv.page.getByTestId('candidateCouldNotJoin-no').check();
    await inv.page.getByTestId('finalize').click();
    await inv.page.getByTestId('confirm-finalize').waitFor();
    await inv.capture('finalization-confirm');
    await inv.page.getByTestId('confirm-finalize').click();
    await inv.page.getByTestId('results-table').waitFor({ timeout: 30_000 });
    const rows = inv.page.getByTestId('result-row');
    expect(await rows.count()).toBeGreaterThan(10);
    await inv.capture('results');
    await inv.goTo('Salle');
    await inv.page.getByTestId('room-grid').waitFor();
    expect(await inv.page.locator('[data-testid^="quick-"]').count()).toBe(0);
    // A record now, not a to-do list: nothing to handle, no test running, who did not come is absent.
    expect(await inv.page.getByTestId('alerts-banner').count()).toBe(0);
    const counts = await inv.page.getByTestId('room-counts').innerText();
    expect(counts).toMatch(/\d+ non terminés?/);
    expect(counts).toMatch(/\d+ absents?/);
    expect(counts).not.toMatch(/à traiter|en cours/);
    expect(await inv.page.title()).not.toMatch(/Alerte/);
    // Nothing a result depends on is cut: the instruction wraps, the invigilator's end is short.
    const uploads = await inv.page.getByTestId('card-upload').allInnerTexts();
    expect(uploads).toContain('Rallumez le poste pour envoyer le résultat');
    const states = await inv.page.getByTestId('card-state').allInnerTexts();
    expect(states.some((s) => s.includes('Terminé (surveillant)'))).toBe(true);
    await inv.capture('room-finalized');
  });

  it('left no error in the page (scripts, content security policy)', () => {
    expect(inv.consoleErrors).toEqual([]);
  });
});
