// `npm run station:centre -- <codes|stations> --server URL --email E [--centre ID] [--count N]
// [--valid-minutes M]`: what IT needs from the centre's side of the certification server when deploying a
// room, over its HTTP API with a referent's or administrator's account (password from PIX_PASSWORD, or
// typed): one-time enrollment codes in bulk (one per station, as CSV to hand to a deployment tool), and
// the centre's stations with their version, last contact and last self-check.
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import {
  CentreLoginResponseSchema,
  CentreSchema,
  EnrollmentCodeSchema,
  StationSchema,
  type Station,
} from '../core/contracts/centre-api.ts';

type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface CentreClientOptions {
  serverUrl: string;
  email: string;
  password: string;
  fetch?: FetchLike;
}

/** A logged-in client of the centre API; errors carry the server's message. */
export async function centreClient(options: CentreClientOptions) {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const base = options.serverUrl.replace(/\/+$/, '');
  async function call<S extends z.ZodType>(
    method: string,
    path: string,
    schema: S,
    body?: unknown,
    token?: string,
  ) {
    const response = await doFetch(`${base}${path}`, {
      method,
      headers: {
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    });
    const json: unknown = await response.json().catch(() => null);
    if (!response.ok) {
      const message =
        (json as { error?: { message?: string } } | null)?.error?.message ?? `HTTP ${response.status}`;
      throw new Error(`${method} ${path}: ${message}`);
    }
    return schema.parse(json) as z.output<S>;
  }
  const { token } = await call('POST', '/api/centre/login', CentreLoginResponseSchema, {
    email: options.email,
    password: options.password,
  });
  return {
    centres: async () =>
      (
        await call(
          'GET',
          '/api/centre/centres',
          z.object({ centres: z.array(CentreSchema) }),
          undefined,
          token,
        )
      ).centres,
    issueCode: (centreId: string, validForMinutes: number) =>
      call(
        'POST',
        `/api/centre/centres/${encodeURIComponent(centreId)}/enrollment-codes`,
        EnrollmentCodeSchema,
        { validForMinutes },
        token,
      ),
    stations: async (centreId: string) =>
      (
        await call(
          'GET',
          `/api/centre/centres/${encodeURIComponent(centreId)}/stations`,
          z.object({ stations: z.array(StationSchema) }),
          undefined,
          token,
        )
      ).stations,
  };
}

/** One line per station: name, id, version, last contact, self-check summary (French, tab-separated). */
export function stationsTable(stations: readonly Station[]): string {
  const rows = [['poste', 'identifiant', 'version', 'vu pour la dernière fois', 'dernière vérification']];
  for (const s of stations) {
    const check = s.selfCheck;
    const counts = check
      ? (['failure', 'warning'] as const)
          .map((status) => {
            const n = check.checks.filter((c) => (c.status ?? (c.ok ? 'ok' : 'failure')) === status).length;
            return n > 0 ? `${n} ${status === 'failure' ? 'échec(s)' : 'attention'}` : null;
          })
          .filter(Boolean)
          .join(', ') || 'tout est OK'
      : 'jamais vérifié';
    rows.push([
      s.revokedAt ? `${s.name} (révoqué)` : s.name,
      s.id,
      s.version ?? '?',
      s.lastSeenAt ?? 'jamais',
      check ? `${check.checkedAt} : ${counts}` : counts,
    ]);
  }
  return `${rows.map((row) => row.join('\t')).join('\n')}\n`;
}

async function password(): Promise<string> {
  if (process.env.PIX_PASSWORD) return process.env.PIX_PASSWORD;
  process.stderr.write('Mot de passe du compte (référent ou administrateur), puis Entrée : ');
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  return '';
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      server: { type: 'string' },
      email: { type: 'string' },
      centre: { type: 'string' },
      count: { type: 'string', default: '1' },
      'valid-minutes': { type: 'string', default: String(24 * 60) },
    },
  });
  const command = positionals[0];
  if ((command !== 'codes' && command !== 'stations') || !values.server || !values.email) {
    process.stderr.write(
      'npm run station:centre -- codes --server URL --email E [--centre ID] [--count 30] [--valid-minutes 1440]\n' +
        'npm run station:centre -- stations --server URL --email E [--centre ID]\n',
    );
    return 2;
  }
  const client = await centreClient({
    serverUrl: values.server,
    email: values.email,
    password: await password(),
  });
  let centreId = values.centre;
  if (!centreId) {
    const centres = await client.centres();
    if (centres.length !== 1) {
      process.stderr.write(
        `Précisez --centre parmi : ${centres.map((c) => `${c.id} (${c.name})`).join(', ') || 'aucun centre'}\n`,
      );
      return 2;
    }
    centreId = centres[0]?.id ?? '';
  }
  if (command === 'stations') {
    process.stdout.write(stationsTable(await client.stations(centreId)));
    return 0;
  }
  const count = Number(values.count);
  const minutes = Number(values['valid-minutes']);
  if (!Number.isInteger(count) || count < 1 || count > 500) {
    process.stderr.write('--count : un nombre de postes entre 1 et 500\n');
    return 2;
  }
  process.stdout.write('code;expire\n');
  for (let i = 0; i < count; i++) {
    const { code, expiresAt } = await client.issueCode(centreId, minutes);
    process.stdout.write(`${code};${expiresAt}\n`);
  }
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
