// `npm run demo:browser`: a demo certification session to click through in Chromium, on a machine
// without Electron. It runs the browser harness of the end-to-end tests (the real certification
// server seeded with the demo session, the real station services, the candidate screens in a
// Chromium window, the challenge browser in a second window placed over the region the screens
// reserve), opens the invigilator screen the server serves in another window, and prints what the
// candidate and the invigilator need. The invigilator's decisions can also be typed in this terminal.
//
//   npm run demo:browser               # needs a display (or: xvfb-run npm run demo:browser)
//   CHROMIUM_PATH=/path/to/chromium npm run demo:browser
import { createInterface } from 'node:readline/promises';
import type { Page } from 'playwright-core';
import type { BrowserBounds } from '../main/station/station-handlers.ts';
import { CertificationDay } from '../e2e/harness/certification-day.ts';
import { launchChromium } from '../e2e/harness/chromium.ts';
import { demoContent } from '../e2e/harness/demo-content.ts';
import { ensureWebScreensBuilt } from '../e2e/harness/renderer-build.ts';
import { ADMIN } from '../server/testing/test-server.ts';
import type { RoomCandidate } from '../core/contracts/invigilator-api.ts';

const WINDOW = { width: 1366, height: 860 };

if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY && process.platform === 'linux') {
  console.error(
    'No display: the demo opens Chromium windows. Run it in a desktop session, or under a virtual display: ' +
      '`xvfb-run -s "-screen 0 1920x1080x24" npm run demo:browser` (apt-get install xvfb).',
  );
  process.exit(1);
}

const content = demoContent();
const webRoot = ensureWebScreensBuilt();
const browser = await launchChromium({
  headless: false,
  args: [`--window-size=${WINDOW.width},${WINDOW.height}`],
});
const context = await browser.newContext({ viewport: null, locale: 'fr-FR' });
let candidateWindow: Page | null = null;

/** Puts the challenge browser's window over the region the candidate screens reserve (or hides it). */
async function place(view: Page, bounds: BrowserBounds | null): Promise<void> {
  const cdp = await view.context().newCDPSession(view);
  try {
    const { windowId } = (await cdp.send('Browser.getWindowForTarget')) as { windowId: number };
    if (!bounds || !candidateWindow) {
      await cdp.send('Browser.setWindowBounds', { windowId, bounds: { windowState: 'minimized' } });
      return;
    }
    const frame = await candidateWindow.evaluate(() => ({
      x: window.screenX + (window.outerWidth - window.innerWidth) / 2,
      y: window.screenY + (window.outerHeight - window.innerHeight),
    }));
    const chrome = await view.evaluate(() => window.outerHeight - window.innerHeight).catch(() => 80);
    await cdp.send('Browser.setWindowBounds', { windowId, bounds: { windowState: 'normal' } });
    await cdp.send('Browser.setWindowBounds', {
      windowId,
      bounds: {
        left: Math.round(frame.x + bounds.x),
        top: Math.max(0, Math.round(frame.y + bounds.y - chrome)),
        width: bounds.width,
        height: bounds.height + chrome,
      },
    });
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

const day = await CertificationDay.open({
  scenario: 'demo-browser',
  content,
  browser,
  context,
  place,
  browserHome: 'https://college.pix-demo.test/',
  stationName: 'Poste de démonstration',
  watchMachineProcesses: true,
  ...(webRoot ? { webRoot } : {}),
});
candidateWindow = day.page;
const invigilatorUrl = webRoot ? `${day.server.url}/invigilator/` : null;
if (invigilatorUrl) {
  const invigilatorWindow = await browser.newContext({ viewport: null, locale: 'fr-FR' });
  await (await invigilatorWindow.newPage()).goto(invigilatorUrl);
  await day.page.bringToFront();
}

const { session } = day.seeded;
const people = content.people;
console.log(`
Démo de la certification Pix dans Chromium (sans Electron)
  Serveur de certification : ${day.server.url}
  Poste : ${day.stationName}, inscrit auprès du centre « ${content.centreName} »

Pour le candidat (écran « Connexion à la session ») :
  Numéro de session : ${session.number}
  Code d'accès      : ${session.accessCode}
  Par exemple : ${people
    .slice(0, 4)
    .map((p) => `${p.firstName} ${p.lastName}, né(e) le ${p.birthdate.split('-').reverse().join('/')}`)
    .join(' ; ')}

Pour le surveillant${invigilatorUrl ? ` (écran ouvert dans une autre fenêtre : ${invigilatorUrl})` : ''} :
  Numéro de session : ${session.number}
  Mot de passe      : ${session.invigilatorPassword}

Pour le référent du centre${webRoot ? ` (back-office : ${day.server.url}/centre/)` : ''} :
  Compte       : ${ADMIN.email}
  Mot de passe : ${ADMIN.password}
  (sessions, candidats, postes, résultats et certificats ; une fois la session finalisée (f), publiez
  ses résultats dans le back-office : chaque certificat se vérifie alors à ${day.server.url}/verification/)

Ou les décisions du surveillant, tapées ici :
  l            liste des candidats connectés et leur état
  s            autoriser à commencer (tous les candidats en attente)
  r            autoriser la reprise (tous les tests interrompus)
  d / v E4     rejeter / valider le signalement en cours (avec un code E1…E12)
  p / u        mettre en pause / relancer le test en cours
  e            terminer le test en cours
  f            finaliser la session et afficher les résultats
  q            quitter
`);

const keyOf = (card: RoomCandidate) =>
  [...day.seeded.candidateIds.entries()].find(([, id]) => id === card.candidateId)?.[0] ?? '';
const active = (card: RoomCandidate) => card.state !== 'notArrived';

async function each(filter: (card: RoomCandidate) => boolean, action: (key: string) => Promise<unknown>) {
  const room = await day.invigilator.room();
  const chosen = room.candidates.filter(filter);
  if (chosen.length === 0) console.log('  (aucun candidat concerné)');
  for (const card of chosen) {
    await action(keyOf(card));
    console.log(`  ✓ ${card.firstName} ${card.lastName}`);
  }
}

const terminal = createInterface({ input: process.stdin, output: process.stdout });
for (;;) {
  const line = (await terminal.question('surveillant> ')).trim();
  const [command = '', argument = ''] = line.split(/\s+/);
  try {
    if (command === 'q') break;
    if (command === 'l') {
      for (const card of (await day.invigilator.room()).candidates.filter(active)) {
        const progress = card.progress ? ` question ${card.progress.question}/${card.progress.total}` : '';
        console.log(
          `  ${card.firstName} ${card.lastName}: ${card.state}${progress}${card.alert ? ' — SIGNALEMENT' : ''}`,
        );
      }
    } else if (command === 's') {
      await each(
        (c) => c.state === 'waiting' || c.state === 'signedIn',
        (key) => day.invigilator.authorizeStart(key),
      );
    } else if (command === 'r') {
      await each(
        (c) => c.state === 'resumePending',
        (key) => day.invigilator.authorizeResume(key),
      );
    } else if (command === 'd' || command === 'v') {
      await each(
        (c) => c.alert !== null,
        (key) =>
          day.invigilator.decideAlert(
            key,
            command === 'd' ? 'dismissed' : 'validated',
            command === 'd' ? null : argument || 'E4',
          ),
      );
    } else if (command === 'p') {
      await each(
        (c) => c.state === 'inProgress',
        (key) => day.invigilator.pause(key, 'Pause demandée par le surveillant'),
      );
    } else if (command === 'u') {
      await each(
        (c) => c.state === 'paused',
        (key) => day.invigilator.unlock(key),
      );
    } else if (command === 'e') {
      await each(
        (c) => c.state === 'inProgress' || c.state === 'paused',
        (key) => day.invigilator.endTest(key),
      );
    } else if (command === 'f') {
      const room = await day.invigilator.room();
      await day.invigilator.finalize({
        abortReasons: room.candidates
          .filter((c) => c.state !== 'notArrived' && c.state !== 'resultReceived')
          .map((c) => ({ candidateId: c.candidateId, reason: 'technical' as const })),
      });
      for (const result of (await day.invigilator.results()).results) {
        console.log(
          `  ${result.firstName} ${result.lastName}: ${result.status}, ${result.pixScore} Pix, code de vérification ${result.verificationCode ?? '—'}`,
        );
      }
    } else if (command) {
      console.log('  commande inconnue (l, s, r, d, v, p, u, e, f, q)');
    }
  } catch (error) {
    console.log(`  refusé : ${error instanceof Error ? error.message : String(error)}`);
  }
}
terminal.close();
await day.close();
await browser.close();
