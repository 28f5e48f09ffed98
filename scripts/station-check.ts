// `npm run station:check [-- --server URL --data-dir DIR --name NAME --json]`: the station's self-check
// in plain Node, as `--check` runs it in the app (issue 8), minus what only Electron can see (displays).
// Exit code: 0 ready, 1 warnings, 2 failures, 3 the check could not run.
import { SELF_CHECK_EXIT_CODES, SELF_CHECK_EXIT_UNUSABLE } from '../core/contracts/station-self-check.ts';
import { nodeSelfCheck } from '../main/station/self-check/node-self-check.ts';
import { formatSelfCheck } from '../main/station/self-check/self-check-text.ts';
import { trustSystemCertificates } from '../main/station/self-check/trust-store.ts';
import { stationCliOptions, stationVersion } from './station-cli-options.ts';

let options: ReturnType<typeof stationCliOptions>;
try {
  options = stationCliOptions(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(SELF_CHECK_EXIT_UNUSABLE);
}
if (options.help) {
  process.stdout.write(
    'npm run station:check -- [--server https://certif.example.fr] [--data-dir .data/station] [--name "Poste 07"] [--json]\n',
  );
  process.exit(0);
}
trustSystemCertificates();
const report = await nodeSelfCheck({
  dataDir: options.dataDir,
  version: stationVersion(),
  overrides: {
    ...(options.serverUrl ? { serverUrl: options.serverUrl } : {}),
    ...(options.stationName ? { stationName: options.stationName } : {}),
  },
});
process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : formatSelfCheck(report));
process.exitCode = SELF_CHECK_EXIT_CODES[report.overall];
