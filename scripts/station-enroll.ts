// `npm run station:enroll -- --code BCDF-GHJK-MPQR --server URL [--data-dir DIR --name NAME]`: enrolls a
// plain-Node station (the one the browser harness and the demo run) as `--enroll CODE` does in the app.
// Exit code: 0 enrolled, 1 server unreachable, 2 code refused, 3 nothing to enroll with.
import { ENROLL_EXIT_CODES, enrollStation } from '../main/station/self-check/enroll-station.ts';
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
