// The demo on a machine with no display (and `npm run demo -- --auto`): the real certification server
// seeded with the demo centre, session, bank, attachments and offline sites, the real station (the
// end-to-end harness: station services in their own process, candidate screens in headless Chromium),
// a scripted candidate who signs in and answers through the screens (as a student types, with the
// slips the answer checking forgives: scripts/demo/simulated-candidate.ts), and scripted invigilator
// decisions (presence confirmed, a reported problem decided, the session finalized). Each step is
// printed; it ends with the certificate's verification code and its public verification address.
import type { Page } from 'playwright-core';
import type { AnswerValue } from '../core/challenge/answer.ts';
import type { Challenge } from '../core/challenge/challenge.ts';
import { competence, levelFromPix } from '../core/framework/crcn.ts';
import { parseSkill } from '../core/framework/skill.ts';
import { seededRandom } from '../core/generation/seeded-random.ts';
import { certifiableCompetences } from '../core/profile/profile.ts';
import {
  acceptInstructions,
  fillSignIn,
  openSignIn,
  submitSignIn,
  type SignInValues,
} from '../e2e/harness/candidate-actions.ts';
import { CertificationDay } from '../e2e/harness/certification-day.ts';
import { demoContent } from '../e2e/harness/demo-content.ts';
import { ensureWebScreensBuilt } from '../e2e/harness/renderer-build.ts';
import { publishResults } from '../e2e/harness/seed-session.ts';
import { ADMIN } from '../server/testing/test-server.ts';
import { loadDemoData } from '../resources/demo/load-demo.ts';
import { simulatedAnswer } from './demo/simulated-candidate.ts';

export const DEMO_BROWSER_HOME = 'https://college.pix-demo.test/';
export const DEMO_STATION_NAME = 'Poste de démonstration';

export interface DemoOutcome {
  serverUrl: string;
  invigilatorUrl: string | null;
  /** The centre's back office, where the demo's administrator account signs in (null: API only). */
  centreUrl: string | null;
  centreAccount: { email: string; password: string };
  session: { number: number; accessCode: string; invigilatorPassword: string };
  candidate: string;
  answered: number;
  skipped: number;
  status: string;
  pixScore: number;
  verificationCode: string | null;
  verificationUrl: string | null;
}

export interface ScriptedDemoOptions {
  /** Where each step goes (a line of French for the newcomer). */
  log: (line: string) => void;
  /** Seed of the scripted candidate's answers (a demo run is reproducible with it). */
  seed?: number;
  /** The question on which the candidate reports a problem (the invigilator validates it). */
  reportOnQuestion?: number;
  /** Called once the session is finalized, before the server closes (keep it open, wait for Ctrl+C). */
  beforeClose?: (outcome: DemoOutcome, day: CertificationDay) => Promise<void>;
}

const QUESTION_TIMEOUT_MS = 20_000;
const STATUS_FR: Record<string, string> = { validated: 'validée', rejected: 'rejetée', cancelled: 'annulée' };

/** The first candidate of the demo session who is certifiable, with no extra time (a plain run). */
function chooseCandidate(people: ReturnType<typeof demoContent>['people']) {
  const index = people.findIndex(
    (p) =>
      certifiableCompetences(p.profile).length >= 5 &&
      p.extraTimePercentage === 0 &&
      !p.accessibilityAdjustment,
  );
  if (index < 0) throw new Error('the demo session has no certifiable candidate');
  return { index, person: people[index] as (typeof people)[number] };
}

function signInValues(
  person: { lastName: string; firstName: string; birthdate: string },
  session: DemoOutcome['session'],
): SignInValues {
  const [year = '', month = '', day = ''] = person.birthdate.split('-');
  return {
    sessionNumber: String(session.number),
    accessCode: session.accessCode,
    lastName: person.lastName,
    firstName: person.firstName,
    day,
    month,
    year,
  };
}

/** The challenge on screen (another than `previous`), or null when the test is over. */
async function nextOnScreen(page: Page, previous: string | null): Promise<string | null> {
  const handle = await page.waitForFunction(
    (before) => {
      if (document.querySelector('[data-testid="upload-state"]')) return 'END';
      const id = document.querySelector('[data-challenge-id]')?.getAttribute('data-challenge-id');
      return id && id !== before ? id : null;
    },
    previous,
    { timeout: QUESTION_TIMEOUT_MS },
  );
  const id = String(await handle.jsonValue());
  return id === 'END' ? null : id;
}

/** Gives the answer through the screen (as fast as a script may: no keyboard walk). */
async function give(page: Page, challenge: Challenge, answer: AnswerValue): Promise<void> {
  if (answer.type === 'choice') {
    await page.locator(`input[type=radio][data-choice-id="${answer.choice}"]`).check();
    return;
  }
  if (answer.type === 'choices') {
    for (const id of answer.choices)
      await page.locator(`input[type=checkbox][data-choice-id="${id}"]`).check();
    return;
  }
  for (const field of challenge.fields ?? []) {
    const control = page.locator(`[data-field="${field.name}"]`);
    const value = answer.fields[field.name] ?? '';
    if (field.kind === 'select') await control.selectOption(value);
    else await control.fill(value);
  }
}

function shown(answer: AnswerValue): string {
  if (answer.type === 'choice') return `choix ${answer.choice}`;
  if (answer.type === 'choices') return `choix ${answer.choices.join(', ')}`;
  return Object.values(answer.fields)
    .map((v) => `« ${v} »`)
    .join(', ');
}

async function skip(page: Page): Promise<void> {
  await page.getByTestId('skip').click();
  await page.getByTestId('confirm').click();
}

export async function runScriptedDemo(options: ScriptedDemoOptions): Promise<DemoOutcome> {
  const { log } = options;
  const content = demoContent();
  const bank = new Map(loadDemoData().bank.map((c) => [c.id, c]));
  const { index, person } = chooseCandidate(content.people);
  const key = content.candidates[index]?.key ?? '';
  const webRoot = ensureWebScreensBuilt();

  log(
    '1. Démarrage du serveur de certification (données de démonstration : centre, session, banque, sites hors ligne)…',
  );
  const day = await CertificationDay.open({
    scenario: 'demo',
    content,
    browserHome: DEMO_BROWSER_HOME,
    stationName: DEMO_STATION_NAME,
    watchMachineProcesses: true,
    ...(webRoot ? { webRoot } : {}),
  });
  try {
    const { session } = day.seeded;
    const invigilatorUrl = webRoot ? `${day.server.url}/invigilator/` : null;
    log(
      `   Serveur : ${day.server.url} ; ${content.centreName}, session n° ${session.number}, ${content.people.length} candidats inscrits.`,
    );
    log(
      `   Surveillant : ${invigilatorUrl ?? `${day.server.url}/api/invigilator/ (API)`}, numéro de session ${session.number}, mot de passe ${session.invigilatorPassword}`,
    );
    log(`2. Station « ${DEMO_STATION_NAME} » démarrée, inscrite auprès du centre, dans Chromium sans écran.`);
    const page = day.page;
    await page.getByTestId('ready').waitFor({ timeout: QUESTION_TIMEOUT_MS });
    // Before the first candidate, the referent checks the station (its report goes to the server: the
    // back office's « Postes » page shows its version and the check).
    await page.getByTestId('open-self-check').click();
    await page.getByRole('button', { name: 'Lancer la vérification' }).click();
    const verdict = page.getByTestId('self-check-verdict');
    await verdict.waitFor({ timeout: QUESTION_TIMEOUT_MS });
    const verdictText = (await verdict.locator('.notice-title').textContent())?.trim() ?? '';
    // What a demo on 127.0.0.1 warns about (plain HTTP, the server address not set by IT), said plainly.
    const warned = await page.locator('[data-status="warning"] strong').allTextContents();
    log(`   Le référent vérifie le poste (« Vérifier ce poste ») : ${verdictText}`);
    if (warned.length > 0)
      log(`   Points « Attention » (normaux pour une démonstration) : ${warned.join(' ; ')}.`);
    log('   Rapport enregistré par le serveur : le back-office le montre dans « Postes ».');
    await page.getByRole('button', { name: 'Retour à l’accueil' }).click();
    await page.getByTestId('ready').waitFor({ timeout: QUESTION_TIMEOUT_MS });

    log(
      `3. ${person.firstName} ${person.lastName} se connecte : session ${session.number}, code d’accès ${session.accessCode}.`,
    );
    await openSignIn(page);
    await fillSignIn(page, signInValues(person, session));
    await submitSignIn(page);
    await acceptInstructions(page);
    log('   Consignes acceptées ; en attente du surveillant.');
    await day.invigilator.waitFor(key, (c) => c.state === 'waiting', 'the candidate waiting');
    await day.invigilator.authorizeStart(key);
    log('4. Le surveillant confirme sa présence : le test est généré à partir de son profil et téléchargé.');

    const random = seededRandom(options.seed ?? 20261208);
    const levels = new Map(person.profile.competences.map((c) => [c.code, levelFromPix(c.pix)]));
    const reportOn = options.reportOnQuestion ?? 3;
    let answered = 0;
    let skipped = 0;
    let number = 0;
    let current = await nextOnScreen(page, null);
    while (current) {
      number += 1;
      const challenge = bank.get(current);
      if (!challenge) throw new Error(`challenge ${current} is not in the demo bank`);
      const total = (await day.status()).exam.progress?.total ?? null;
      const label = `   Question ${number}${total ? `/${total}` : ''} (${challenge.competence} ${competence(challenge.competence).label.fr})`;
      if (number === reportOn) {
        await page.getByTestId('report').click();
        await page.getByTestId('confirm').click();
        await page.getByTestId('alert-pending').waitFor();
        log(`${label} : le candidat signale un problème ; la question est gelée.`);
        await day.invigilator.decideAlert(key, 'validated', 'E4');
        log('   Le surveillant valide le signalement (E4) : la question ne sera pas comptée.');
      } else {
        const level = levels.get(challenge.competence) ?? 0;
        const right = random.int(0, 99) < (parseSkill(challenge.skill).difficulty <= level ? 85 : 35);
        const answer = simulatedAnswer(challenge, right, random);
        try {
          await give(page, challenge, answer);
          await page.getByTestId('validate').click({ timeout: 5000 });
          answered += 1;
          log(`${label} : ${shown(answer)}`);
        } catch {
          await skip(page);
          skipped += 1;
          log(`${label} : le candidat passe la question.`);
        }
      }
      current = await nextOnScreen(page, current);
    }

    log('5. Fin du test : le journal est scellé et signé par la clé du poste, puis envoyé au serveur…');
    await page.locator('[data-testid="upload-state"][data-phase="uploaded"]').waitFor({ timeout: 30_000 });
    await day.invigilator.waitFor(key, (c) => c.state === 'resultReceived', 'the result received', 30_000);
    log('   Résultat reçu et vérifié par le serveur (signature, chaîne des réponses, paquet du test).');

    const room = await day.invigilator.room();
    await day.invigilator.finalize({
      abortReasons: room.candidates
        .filter((c) => c.state !== 'notArrived' && c.state !== 'resultReceived')
        .map((c) => ({ candidateId: c.candidateId, reason: 'technical' as const })),
    });
    const results = await day.invigilator.results();
    const result = results.results.find((r) => r.candidateId === day.invigilator.candidateId(key));
    if (!result) throw new Error('no result for the demo candidate');
    log(
      `6. Le surveillant finalise la session : ${person.firstName} ${person.lastName}, certification ${STATUS_FR[result.status] ?? result.status}, ${result.pixScore} Pix.`,
    );
    for (const c of result.competences) {
      log(`     ${c.code} ${competence(c.code).label.fr} : niveau ${c.level}`);
    }

    let verificationUrl: string | null = null;
    const code = result.verificationCode ?? null;
    if (code) {
      await publishResults(day.server, day.seeded);
      const certificate = await day.invigilator.certificate(code);
      // The page anyone opens (the address the certificate prints) where the screens are built; the API
      // it reads otherwise.
      verificationUrl = webRoot
        ? `${day.server.url}/verification/${encodeURIComponent(code)}`
        : `${day.server.url}/api/public/certificates/${encodeURIComponent(code)}`;
      log(
        `7. Résultats publiés. Certificat de ${certificate.firstName} ${certificate.lastName} : ${certificate.pixScore} Pix.`,
      );
      log(`   Code de vérification : ${code}`);
      log(`   Vérification publique : ${verificationUrl}`);
    } else {
      log('7. Pas de certificat pour ce candidat (certification non validée).');
    }
    const outcome: DemoOutcome = {
      serverUrl: day.server.url,
      invigilatorUrl,
      centreUrl: webRoot ? `${day.server.url}/centre/` : null,
      centreAccount: ADMIN,
      session,
      candidate: `${person.firstName} ${person.lastName}`,
      answered,
      skipped,
      status: result.status,
      pixScore: result.pixScore,
      verificationCode: code,
      verificationUrl,
    };
    await options.beforeClose?.(outcome, day);
    return outcome;
  } finally {
    await day.close();
  }
}
