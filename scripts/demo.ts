// `npm run demo`: the whole product on one machine, on embedded defaults. It starts the central
// certification server (temporary data) seeded from resources/demo/ (demo centre, a session of ~30
// candidates, the French bank, attachments, offline sites at /demo-sites/) and one station:
//   - the Electron station where an Electron binary exists (ELECTRON_PATH or the electron package's);
//   - otherwise the browser station of the end-to-end harness, in Chromium windows when a display is
//     available (the headed demo: you are the candidate, the invigilator decides in this terminal);
//   - otherwise (no display, or --auto) a scripted candidate and scripted invigilator decisions go
//     through a whole session in headless Chromium, printing each step, and the run ends with the
//     certificate's verification code and its public verification address.
// It prints the invigilator's address and password. Options:
//   --auto   the scripted session even with a display;   --exit   stop once the session is done (the
//            addresses printed at the end are then those the run used: the server has stopped)
//   --offline  the former offline simulation of the whole room (answer checking and scoring only)
import { spawn } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { findElectronBinary } from './electron-binary.ts';
import { runScriptedDemo } from './demo-session.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const USAGE = `Usage: npm run demo [-- --auto] [--exit] [--offline]
  --auto     a scripted candidate and invigilator go through the session in headless Chromium
  --exit     stop once the session is done (the server stops: its addresses no longer answer)
  --offline  the former simulation of a whole room (answer checking and scoring only)
`;

/** A mistyped option gets the usage, not a stack trace. */
function readOptions() {
  try {
    return parseArgs({
      options: {
        auto: { type: 'boolean', default: false },
        exit: { type: 'boolean', default: false },
        offline: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values;
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    process.exit(2);
  }
}

const values = readOptions();
if (values.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}

const hasDisplay =
  process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

/** Runs another demo entry point in this terminal and exits with its code. */
function delegate(script: string, env: NodeJS.ProcessEnv = process.env): void {
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts', script)], { stdio: 'inherit', env });
  child.on('exit', (code) => process.exit(code ?? 0));
}

if (values.offline) {
  delegate('demo-room.ts');
} else if (!values.auto && hasDisplay) {
  const electron = findElectronBinary(process.env, ROOT);
  if (electron && process.platform === 'linux' && process.getuid?.() !== 0) {
    console.log(
      `Electron trouvé (${electron}), mais la démo Electron écrit les réglages machine du poste (/etc/pix-certification) : ` +
        'lancez-la en administrateur, ou voici la station du navigateur.',
    );
  }
  const useElectron = electron !== null && (process.platform !== 'linux' || process.getuid?.() === 0);
  if (useElectron) console.log(`Démo avec la station Electron : ${electron}`);
  else console.log('Démo avec la station du navigateur (Chromium), sans Electron.');
  // The headed demo (scripts/demo-browser.ts) opens the station, in Electron when ELECTRON_PATH is set.
  delegate(
    'demo-browser.ts',
    useElectron && electron ? { ...process.env, ELECTRON_PATH: electron } : process.env,
  );
} else {
  if (!hasDisplay) console.log('Pas d’écran sur cette machine : démonstration automatique, sans fenêtre.\n');
  const outcome = await runScriptedDemo({
    log: (line) => console.log(line),
    beforeClose: async (result) => {
      // With --exit the server stops right after: the addresses are what the run used, not somewhere to go.
      const heading = values.exit
        ? 'La session de démonstration est terminée et le serveur s’arrête (--exit) : ces adresses ont servi\n' +
          'pendant la démonstration ; elles ne répondront plus. Pour les explorer, relancez sans --exit.'
        : 'La session de démonstration est terminée.';
      console.log(`
${heading}
  Serveur de certification : ${result.serverUrl}
  Écran surveillant        : ${result.invigilatorUrl ?? '(écran non construit : API seulement)'}
  Back-office du centre    : ${result.centreUrl ?? '(écran non construit : API seulement)'}   Compte : ${result.centreAccount.email}, mot de passe « ${result.centreAccount.password} »
  Numéro de session        : ${result.session.number}   Mot de passe surveillant : ${result.session.invigilatorPassword}
  Code de vérification     : ${result.verificationCode ?? '—'}
  Vérification publique    : ${result.verificationUrl ?? '—'}`);
      if (values.exit) return;
      console.log('\nLe serveur reste ouvert pour explorer ces adresses ; Ctrl+C pour arrêter.');
      await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
    },
  });
  if (values.exit) console.log('\nServeur de démonstration arrêté.');
  process.exitCode = outcome.verificationCode || outcome.status !== 'validated' ? 0 : 1;
}
