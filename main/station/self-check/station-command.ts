// The station's command line for IT (issue 8), read the same way by the Electron app and the plain-Node
// scripts: `--enroll CODE` (or --enroll=CODE), `--check` (with --json for scripts), `--adopt-results
// OLD_URL` (the server's address changed: the results waiting for the old one go to serverUrl),
// `--resend-refused` (what the server refused is sent again, once). Anything else starts the kiosk. Electron adds its own switches and the app path to argv: unknown arguments are
// ignored.
export type StationCommand =
  | { kind: 'kiosk' }
  | { kind: 'enroll'; code: string }
  | { kind: 'check'; json: boolean }
  | { kind: 'adoptResults'; from: string }
  | { kind: 'resendRefused' }
  | { kind: 'invalid'; message: string };

/** The value of `--name VALUE` or `--name=VALUE`: undefined when absent, null when given empty. */
function optionValue(argv: readonly string[], name: string): string | null | undefined {
  let value: string | null | undefined;
  argv.forEach((arg, i) => {
    if (arg === name) value = argv[i + 1] && !argv[i + 1]?.startsWith('--') ? (argv[i + 1] ?? null) : null;
    else if (arg.startsWith(`${name}=`)) value = arg.slice(name.length + 1);
  });
  return value;
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

export function parseStationCommand(argv: readonly string[]): StationCommand {
  const check = argv.includes('--check');
  const json = argv.includes('--json');
  const code = optionValue(argv, '--enroll');
  const adopt = optionValue(argv, '--adopt-results');
  if (argv.includes('--resend-refused')) {
    if (adopt !== undefined || code !== undefined || check) {
      return {
        kind: 'invalid',
        message: '--resend-refused se lance seul, avant ou après --enroll, --check ou --adopt-results.',
      };
    }
    return { kind: 'resendRefused' };
  }
  if (adopt !== undefined) {
    if (code !== undefined || check) {
      return { kind: 'invalid', message: '--adopt-results se lance seul, avant --enroll ou --check.' };
    }
    const from = (adopt ?? '').trim();
    if (!isHttpUrl(from)) {
      return {
        kind: 'invalid',
        message:
          '--adopt-results attend l’ancienne adresse du serveur, par exemple --adopt-results http://10.0.0.5:8080.',
      };
    }
    return { kind: 'adoptResults', from };
  }
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
