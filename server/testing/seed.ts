// Seeding a certification day through the API, as a referent would: a centre, a session, candidates
// (CSV), profiles and a bank. Tests and the browser tests use it; everything goes through the routes.
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Challenge } from '../../core/challenge/challenge.ts';
import type { Profile } from '../../core/profile/profile.ts';
import { syntheticBank, syntheticProfile } from '../../core/testing/synthetic-bank.ts';
import { contentHash } from '../content/bank-service.ts';
import { ADMIN, createAdministrator, loginAs } from './test-server.ts';

export type Inject = (options: InjectOptions) => Promise<LightMyRequestResponse>;

export function client(app: FastifyInstance, token: string): Inject {
  return (options) =>
    app.inject({ ...options, headers: { ...options.headers, authorization: `Bearer ${token}` } });
}

async function ok<T>(response: Promise<LightMyRequestResponse>, status = 200): Promise<T> {
  const r = await response;
  if (r.statusCode !== status) throw new Error(`${r.statusCode} instead of ${status}: ${r.body}`);
  return (r.body === '' ? null : r.json()) as T;
}

export const SEED_ATTACHMENT = Buffer.from('Nom;Note\nLéa;15\nHugo;12\n', 'utf8');
export const SEED_ILLUSTRATION = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>',
  'utf8',
);

/** A synthetic bank whose challenges all carry one attachment, and every fourth an illustration. */
export function seedBank(size = 400, seed = 7): Challenge[] {
  const attachment = {
    hash: contentHash(SEED_ATTACHMENT),
    fileName: 'notes.csv',
    mediaType: 'text/csv',
    size: SEED_ATTACHMENT.length,
  };
  return syntheticBank({ size, seed }).map((c, i) => ({
    ...c,
    attachments: [attachment],
    ...(i % 4 === 0
      ? {
          illustration: {
            hash: contentHash(SEED_ILLUSTRATION),
            mediaType: 'image/svg+xml',
            alt: 'Un carré noir',
          },
        }
      : {}),
  }));
}

export interface SeededCandidate {
  id: string;
  firstName: string;
  lastName: string;
  birthdate: string;
  extraTimePercentage: number;
}

export interface SeededDay {
  adminToken: string;
  api: Inject;
  centreId: string;
  session: { id: string; number: number; accessCode: string; invigilatorPassword: string };
  candidates: SeededCandidate[];
  bank: Challenge[];
  profiles: Map<string, Profile>;
}

const FIRST_NAMES = ['Léa', 'Hugo', 'Chloé', 'Lucas', 'Emma', 'Nathan', 'Inès', 'Louis', 'Jade', 'Adam'];
const LAST_NAMES = [
  'Martin',
  'Bernard',
  'Dubois',
  'Thomas',
  'Robert',
  'Richard',
  'Petit',
  'Durand',
  'Leroy',
  'Moreau',
];

/**
 * A centre with the first administrator, a session, `count` candidates imported from a French CSV
 * (the second with 30 % extra time), their profiles (certifiable, `competences` each) and the bank.
 */
export async function seedCertificationDay(
  app: FastifyInstance,
  options: { count?: number; competences?: number; bank?: Challenge[]; admin?: boolean } = {},
): Promise<SeededDay> {
  const count = options.count ?? 3;
  if (options.admin !== false) await createAdministrator(app);
  const adminToken = await loginAs(app, ADMIN.email, ADMIN.password);
  const api = client(app, adminToken);
  const centre = await ok<{ id: string }>(
    api({ method: 'POST', url: '/api/centre/centres', payload: { name: 'Collège Jean Moulin' } }),
    201,
  );
  const session = await ok<SeededDay['session']>(
    api({
      method: 'POST',
      url: `/api/centre/centres/${centre.id}/sessions`,
      payload: {
        address: '12 rue des Écoles, 69003 Lyon',
        room: 'Salle B12',
        date: '2026-12-08',
        time: '09:00',
        examiner: 'Mme Sophie Leroy',
      },
    }),
    201,
  );
  const people = Array.from({ length: count }, (_, i) => ({
    firstName: `${FIRST_NAMES[i % 10]}${i >= 10 ? ` ${Math.floor(i / 10)}` : ''}`,
    lastName: LAST_NAMES[Math.floor(i / 1) % 10] ?? 'Martin',
    birthdate: `2011-0${(i % 9) + 1}-${String((i % 27) + 1).padStart(2, '0')}`,
    extraTimePercentage: i === 1 ? 30 : 0,
  }));
  const csv =
    '\uFEFFNom;Prénom;Sexe;Date de naissance;Code INSEE;Temps majoré (%)\r\n' +
    people
      .map((p, i) => {
        const [y, m, d] = p.birthdate.split('-');
        return `${p.lastName};${p.firstName};${i % 2 ? 'M' : 'F'};${d}/${m}/${y};69123;${p.extraTimePercentage}`;
      })
      .join('\r\n');
  const report = await ok<{ imported: number; lines: { candidateId: string }[] }>(
    api({
      method: 'POST',
      url: `/api/centre/sessions/${session.id}/candidates/import`,
      headers: { 'content-type': 'text/csv' },
      payload: Buffer.from(csv, 'utf8'),
    }),
  );
  if (report.imported !== count) throw new Error(`imported ${report.imported} of ${count}`);
  const candidates = people.map((p, i) => ({ ...p, id: report.lines[i]?.candidateId ?? '' }));

  const bank = options.bank ?? seedBank();
  await ok(
    api({
      method: 'POST',
      url: `/api/centre/centres/${centre.id}/bank/import`,
      payload: {
        challenges: bank,
        content: [
          { mediaType: 'text/csv', base64: SEED_ATTACHMENT.toString('base64') },
          { mediaType: 'image/svg+xml', base64: SEED_ILLUSTRATION.toString('base64') },
        ],
      },
    }),
  );
  const profiles = new Map<string, Profile>();
  candidates.forEach((c, i) =>
    profiles.set(c.id, syntheticProfile(bank, { seed: 100 + i, competences: options.competences ?? 6 })),
  );
  await ok(
    api({
      method: 'POST',
      url: `/api/centre/sessions/${session.id}/profiles/import`,
      payload: {
        profiles: candidates.map((c) => ({
          lastName: c.lastName,
          firstName: c.firstName,
          birthdate: c.birthdate,
          profile: profiles.get(c.id),
        })),
      },
    }),
  );
  return { adminToken, api, centreId: centre.id, session, candidates, bank, profiles };
}

/** A referent of the day's centre, created by its administrator and signed in: the headers to send. */
export async function referentOf(app: FastifyInstance, day: SeededDay): Promise<{ authorization: string }> {
  const referent = { email: 'ref@college.test', password: 'referent password 1' };
  await ok(
    day.api({
      method: 'POST',
      url: '/api/centre/accounts',
      payload: { ...referent, displayName: 'Réf', role: 'referent', centreId: day.centreId },
    }),
    201,
  );
  return { authorization: `Bearer ${await loginAs(app, referent.email, referent.password)}` };
}

/** What the back office says of the seeded session: each candidate's progress, and the session's counts. */
export async function backOfficeSession(
  day: SeededDay,
): Promise<{ progress: Map<string, string>; counts: unknown }> {
  const candidates = await day.api({
    method: 'GET',
    url: `/api/centre/sessions/${day.session.id}/candidates`,
  });
  const session = await day.api({ method: 'GET', url: `/api/centre/sessions/${day.session.id}` });
  return {
    progress: new Map(
      (candidates.json() as { candidates: { id: string; progress: string }[] }).candidates.map((c) => [
        c.id,
        c.progress,
      ]),
    ),
    counts: (session.json() as { counts: unknown }).counts,
  };
}
