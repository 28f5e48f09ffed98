// The station's command line for IT (issue 8), read the same way by the Electron app and the plain-Node
// scripts: `--enroll CODE` (or --enroll=CODE), `--check` (with --json for scripts). Anything else starts
// the kiosk. Electron adds its own switches and the app path to argv: unknown arguments are ignored.
export type StationCommand =
  | { kind: 'kiosk' }
  | { kind: 'enroll'; code: string }
  | { kind: 'check'; json: boolean }
  | { kind: 'invalid'; message: string };

export function parseStationCommand(argv: readonly string[]): StationCommand {
  const check = argv.includes('--check');
  const json = argv.includes('--json');
  let code: string | null | undefined;
  argv.forEach((arg, i) => {
    if (arg === '--enroll')
      code = argv[i + 1] && !argv[i + 1]?.startsWith('--') ? (argv[i + 1] ?? null) : null;
    else if (arg.startsWith('--enroll=')) code = arg.slice('--enroll='.length);
  });
  if (code !== undefined && check) {
    return {
      kind: 'invalid',
      message: '--enroll et --check ne vont pas ensemble : lancez-les l’un après l’autre.',
    };
  }
  if (code !== undefined) {
    const trimmed = (code ?? '').trim();
    if (trimmed.length < 6 || trimmed.length > 64) {
      return {
        kind: 'invalid',
        message:
          '--enroll attend le code d’inscription donné par le centre, par exemple --enroll BCDF-GHJK-MPQR.',
      };
    }
    return { kind: 'enroll', code: trimmed };
  }
  if (check) return { kind: 'check', json };
  return { kind: 'kiosk' };
}
