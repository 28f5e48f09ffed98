// Options shared by the plain-Node station scripts (station:check, station:enroll): where the station's
// data lives and the settings a developer or IT may give on the command line (user layer).
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

export const ROOT = path.resolve(import.meta.dirname, '..');

/** The station's version: the repository's package.json, as the packaged app's. */
export function stationVersion(): string {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version?: string };
  return pkg.version ?? '0.0.0';
}

export function stationCliOptions(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    allowPositionals: false,
    options: {
      'data-dir': {
        type: 'string',
        default: process.env.PIX_STATION_DATA_DIR ?? path.join(ROOT, '.data', 'station'),
      },
      server: { type: 'string' },
      name: { type: 'string' },
      code: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  return {
    dataDir: path.resolve(values['data-dir']),
    serverUrl: values.server ?? null,
    stationName: values.name ?? null,
    code: values.code ?? null,
    json: values.json,
    help: values.help,
    defaultName: hostname(),
  };
}
