// `npm run station:centre -- <codes|stations> --server URL --email E [--centre ID] [--count N]
// [--valid-minutes M] [--station ID]`: what IT needs from the centre's side of the certification server
// when deploying a room, over its HTTP API with a referent's or administrator's account (password from
// PIX_PASSWORD, or typed): one-time enrollment codes in bulk (one per station, as CSV to hand to a
// deployment tool), the code that enrolls again one revoked station (`--station`, its id from
// `stations`), and the centre's stations with their version, last contact and last self-check.
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
import { tlsProblem } from '../main/station/self-check/tls-check.ts';

type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface CentreClientOptions {
  serverUrl: string;
  email: string;
  password: string;
  fetch?: FetchLike;
}

const TIMEOUT_MS = 15_000;

/**
 * The server's address as given with --server, without its trailing slash; an Error with a French
 * sentence when it is not a complete http(s) address (`certif.example.fr` alone is not one).
 */
export function parseServerUrl(text: string): string {
  let url: URL | null;
  try {
    url = new URL(text.trim());
  } catch {
    url = null;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || !url.hostname) {
    throw new Error(
      `Adresse du serveur invalide : « ${text} ». Écrivez l’adresse complète, avec https:// (ou http://), ` +
        'par exemple --server https://certif.lycee-exemple.fr',
    );
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

function causeCode(error: unknown): string | null {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  return typeof cause?.code === 'string' ? cause.code : null;
}

/** Why the server could not be reached (a failed fetch), and what to check: one French sentence. */
export function unreachableMessage(base: string, error: unknown): string {
  const check = 'que cette machine le joint (réseau, pare-feu, proxy)';
  if ((error as { name?: unknown } | null)?.name === 'TimeoutError') {
    return `Le serveur ${base} ne répond pas en ${TIMEOUT_MS / 1000} s : vérifiez qu’il est démarré et ${check}.`;
  }
  const code = causeCode(error);
  const tls = code ? tlsProblem(code) : null;
  if (tls) {
    return (
      `Connexion sécurisée au serveur ${base} impossible : ${tls.replace(/du poste/g, 'de cette machine').replace(/le poste/g, 'cette machine')}. ` +
      'Installez sur le serveur un certificat valide pour son nom, émis par une autorité que cette machine reconnaît.'
    );
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return `Le nom du serveur ${base} est introuvable (${code}) : vérifiez l’adresse donnée avec --server et le DNS de cette machine.`;
  }
  if (code === 'ECONNREFUSED') {
    return (
      `Le serveur ${base} refuse la connexion (ECONNREFUSED) : vérifiez l’adresse et le port donnés avec --server, ` +
      `que le serveur est démarré et ${check}.`
    );
  }
  const cause = (error as { cause?: unknown } | null)?.cause;
  if (cause instanceof Error && cause.message === 'bad port') {
    return (
      `Le port de ${base} fait partie de ceux que les clients web refusent de joindre (« bad port ») : ` +
      'vérifiez le port donné avec --server ; le serveur écoute sur 8080 par défaut, 443 derrière un proxy.'
    );
  }
  const detail = code ?? (cause instanceof Error ? cause.message : null) ?? (error as Error).message;
  return (
    `Impossible de joindre le serveur ${base} (${detail}) : vérifiez l’adresse donnée avec --server, ` +
    `que le serveur est démarré et ${check}.`
  );
}

/** A logged-in client of the centre API; errors carry the server's message, or say why it was not reached. */
export async function centreClient(options: CentreClientOptions) {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const base = parseServerUrl(options.serverUrl);
  async function call<S extends z.ZodType>(
    method: string,
    path: string,
    schema: S,
    body?: unknown,
    token?: string,
  ) {
    let response: Response;
    try {
      response = await doFetch(`${base}${path}`, {
        method,
        headers: {
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      throw new Error(unreachableMessage(base, error), { cause: error });
    }
    const json: unknown = await response.json().catch(() => null);
    const notPix =
      `le serveur ${base} répond ${response.status}, mais pas comme un serveur de certification Pix : ` +
      'vérifiez l’adresse donnée avec --server (un proxy ou un autre site répond peut-être à sa place)';
    if (!response.ok) {
      const message = (json as { error?: { message?: string } } | null)?.error?.message;
      throw new Error(`${method} ${path}: ${message ?? notPix}`);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new Error(`${method} ${path}: ${notPix}`);
    return parsed.data as z.output<S>;
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
    /** With `stationId`: the code that enrolls that revoked station again (its key only). */
    issueCode: (centreId: string, validForMinutes: number, stationId?: string) =>
      call(
        'POST',
        `/api/centre/centres/${encodeURIComponent(centreId)}/enrollment-codes`,
        EnrollmentCodeSchema,
        { validForMinutes, ...(stationId === undefined ? {} : { stationId }) },
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
      station: { type: 'string' },
    },
  });
  const command = positionals[0];
  if ((command !== 'codes' && command !== 'stations') || !values.server || !values.email) {
    process.stderr.write(
      'npm run station:centre -- codes --server URL --email E [--centre ID] [--count 30] [--valid-minutes 1440]\n' +
        'npm run station:centre -- codes --server URL --email E [--centre ID] --station ID   (un poste révoqué, à réinscrire)\n' +
        'npm run station:centre -- stations --server URL --email E [--centre ID]\n',
    );
    return 2;
  }
  let serverUrl: string;
  try {
    serverUrl = parseServerUrl(values.server);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 2;
  }
  const client = await centreClient({
    serverUrl,
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
  if (values.station !== undefined) {
    // One code for one revoked station: it enrolls that station's key again, and no other.
    if (count !== 1) {
      process.stderr.write('--station : un seul code, pour ce poste (sans --count)\n');
      return 2;
    }
    const { code, expiresAt } = await client.issueCode(centreId, minutes, values.station);
    process.stdout.write(`code;expire;poste\n${code};${expiresAt};${values.station}\n`);
    return 0;
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
