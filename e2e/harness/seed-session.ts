// Prepares a certification day on the real server, through its centre API as a referent would (the
// first administrator exists: the server's first start creates it, as `npm run server -- create-admin`
// does): a centre, a session, the candidates and their profiles, the tests' challenge bank with its
// files, and an enrollment code for the station.
import { ADMIN } from '../../server/testing/test-server.ts';
import { CONTENT, E2E_BANK } from '../fixtures/e2e-bank.ts';
import { E2E_CANDIDATES, type E2ECandidate } from '../fixtures/e2e-candidates.ts';
import type { Profile } from '../../core/profile/profile.ts';
import type { CertificationServer } from './certification-server.ts';

export interface SeededSession {
  centreId: string;
  adminToken: string;
  session: { id: string; number: number; accessCode: string; invigilatorPassword: string };
  candidateIds: Map<string, string>;
  enrollmentCode: string;
}

export async function api<T>(
  server: CertificationServer,
  method: string,
  url: string,
  options: { token?: string; body?: unknown; expect?: number } = {},
): Promise<T> {
  const response = await fetch(`${server.url}${url}`, {
    method,
    headers: {
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const text = await response.text();
  const expected = options.expect ?? (method === 'POST' ? [200, 201] : [200]);
  if (!(Array.isArray(expected) ? expected : [expected]).includes(response.status)) {
    throw new Error(`${method} ${url}: ${response.status} ${text.slice(0, 500)}`);
  }
  return (text === '' ? null : JSON.parse(text)) as T;
}

/** What a seeded session holds: its details, the candidates (each with a key and a profile), the bank. */
export interface SessionContent {
  centreName: string;
  details: {
    address: string;
    room: string;
    date: string;
    time: string;
    examiner: string;
    description?: string;
  };
  candidates: {
    key: string;
    input: Record<string, unknown>;
    profile: Profile;
    lastName: string;
    firstName: string;
    birthdate: string;
  }[];
  bank: unknown[];
  files: { hash: string; mediaType: string; bytes: Buffer }[];
}

/** The end-to-end session: the tests' bank and candidates. */
export function e2eContent(candidates: readonly E2ECandidate[] = E2E_CANDIDATES): SessionContent {
  return {
    centreName: 'Collège Jean Moulin',
    details: {
      address: '12 rue des Écoles, 69003 Lyon',
      room: 'Salle B12',
      date: '2026-12-08',
      time: '09:00',
      examiner: 'Mme Sophie Leroy',
    },
    candidates: candidates.map((c) => ({
      key: c.key,
      lastName: c.lastName,
      firstName: c.firstName,
      birthdate: c.birthdate,
      profile: c.profile,
      input: {
        lastName: c.lastName,
        firstName: c.firstName,
        sex: c.sex,
        birthdate: c.birthdate,
        birthCountry: 'France',
        birthInseeCode: '69123',
        extraTimePercentage: c.extraTimePercentage,
        accessibilityAdjustment: c.accessibilityAdjustment,
      },
    })),
    bank: E2E_BANK,
    files: Object.values(CONTENT),
  };
}

export async function seedSession(
  server: CertificationServer,
  content: SessionContent = e2eContent(),
): Promise<SeededSession> {
  const { token } = await api<{ token: string }>(server, 'POST', '/api/centre/login', {
    body: { email: ADMIN.email, password: ADMIN.password },
  });
  const call = <T>(method: string, url: string, body?: unknown) =>
    api<T>(server, method, url, { token, body });
  const centre = await call<{ id: string }>('POST', '/api/centre/centres', { name: content.centreName });
  const session = await call<SeededSession['session']>(
    'POST',
    `/api/centre/centres/${centre.id}/sessions`,
    content.details,
  );
  const candidateIds = new Map<string, string>();
  for (const candidate of content.candidates) {
    const created = await call<{ id: string }>(
      'POST',
      `/api/centre/sessions/${session.id}/candidates`,
      candidate.input,
    );
    candidateIds.set(candidate.key, created.id);
  }
  await call('POST', `/api/centre/centres/${centre.id}/bank/import`, {
    challenges: content.bank,
    content: content.files.map((file) => ({
      hash: file.hash,
      mediaType: file.mediaType,
      base64: file.bytes.toString('base64'),
    })),
  });
  await call('POST', `/api/centre/sessions/${session.id}/profiles/import`, {
    profiles: content.candidates.map((c) => ({
      lastName: c.lastName,
      firstName: c.firstName,
      birthdate: c.birthdate,
      profile: c.profile,
    })),
  });
  const enrollment = await call<{ code: string }>(
    'POST',
    `/api/centre/centres/${centre.id}/enrollment-codes`,
    {
      validForMinutes: 24 * 60,
    },
  );
  return {
    centreId: centre.id,
    adminToken: token,
    session,
    candidateIds,
    enrollmentCode: enrollment.code,
  };
}

/** Publishes the session's results (an administrator's act, after finalization): certificates go public. */
export async function publishResults(server: CertificationServer, seeded: SeededSession): Promise<void> {
  await api(server, 'POST', `/api/centre/sessions/${seeded.session.id}/publication`, {
    token: seeded.adminToken,
    body: { juryReviewed: false },
  });
}
