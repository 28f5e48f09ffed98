// `npm run station:enroll -- --code BCDF-GHJK-MPQR --server URL [--data-dir DIR --name NAME]`: enrolls a
// plain-Node station (the one the browser harness and the demo run) as `--enroll CODE` does in the app.
// Exit code: 0 enrolled, 1 server unreachable, 2 code refused, 3 nothing to enroll with.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ENROLL_EXIT_CODES, enrollStation } from '../main/station/self-check/enroll-station.ts';
import { USER_SETTINGS_FILE_NAME } from '../main/station/self-check/node-self-check.ts';
import { trustSystemCertificates } from '../main/station/self-check/trust-store.ts';
import { stationCliOptions } from './station-cli-options.ts';

let options: ReturnType<typeof stationCliOptions>;
try {
  options = stationCliOptions(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(ENROLL_EXIT_CODES.unusable);
}
if (options.help || !options.code) {
  process.stdout.write(
    'npm run station:enroll -- --code BCDF-GHJK-MPQR --server https://certif.example.fr [--data-dir .data/station] [--name "Poste 07"]\n',
  );
  process.exit(options.help ? 0 : ENROLL_EXIT_CODES.unusable);
}
trustSystemCertificates();
const outcome = await enrollStation({
  dataDir: options.dataDir,
  serverUrl: options.serverUrl,
  stationName: options.stationName ?? options.defaultName,
  machineId: 'plain-node',
  code: options.code,
});
process.stdout.write(outcome.text);
process.exitCode = outcome.exitCode;
if (outcome.exitCode === ENROLL_EXIT_CODES.enrolled) {
  // Remembered as this plain-Node station's own settings, so `npm run station:check` finds its server.
  const file = path.join(options.dataDir, USER_SETTINGS_FILE_NAME);
  let saved: Record<string, unknown> = {};
  try {
    saved = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    // No settings file yet.
  }
  mkdirSync(options.dataDir, { recursive: true });
  writeFileSync(
    file,
    `${JSON.stringify({ ...saved, serverUrl: options.serverUrl, stationName: options.stationName ?? options.defaultName }, null, 2)}\n`,
  );
}
