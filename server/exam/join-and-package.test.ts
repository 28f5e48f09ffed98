import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Challenge } from '../../core/challenge/challenge.ts';
import { STATION_API_PATHS } from '../../core/contracts/station-server.ts';
import { canonicalHash } from '../../core/hashing/canonical-hash.ts';
import { TestPackageSchema } from '../../core/package/test-package.ts';
import { candidateMatchKey } from '../../core/session/candidate-name.ts';
import { contentHash } from '../content/bank-service.ts';
import { enrolledStation, fetchPackage, invigilator, join, joinRequest } from '../testing/exam-helpers.ts';
import { SEED_ATTACHMENT, seedCertificationDay, type SeededDay } from '../testing/seed.ts';
import { TestStation } from '../testing/station-client.ts';
import { errorOf, startTestServer, type TestServer } from '../testing/test-server.ts';

describe('joining, invigilator login, authorized start and the test package', () => {
  let server: TestServer;
  let day: SeededDay;
  let station: TestStation;
  beforeEach(async () => {
    server = await startTestServer();
    day = await seedCertificationDay(server.app, { count: 3 });
    station = await enrolledStation(server, day);
  });
  afterEach(() => server.close());

  const lea = () => day.candidates[0] as SeededDay['candidates'][number];
  const joinWith = (changes: Record<string, unknown>, by = station) =>
    by.inject(server.app, 'POST', STATION_API_PATHS.join, { ...joinRequest(day, lea()), ...changes });

  it('reconciles a candidate by normalized names and exact birthdate', async () => {
    const r = await joinWith({
      firstName: lea().firstName.toUpperCase().normalize('NFD').replace(/\p{M}/gu, ''),
      lastName: ` ${lea().lastName.toLowerCase()} `,
      accessCode: day.session.accessCode.toLowerCase(),
    });
    expect(r.statusCode).toBe(200);
    const joined = r.json() as {
      testId: string;
      candidate: { id: string };
      session: { number: number };
      resuming: boolean;
    };
    expect(joined).toMatchObject({
      candidate: { id: lea().id },
      session: { number: day.session.number },
      resuming: false,
    });
    // Joining again (the station restarted before the start): the same test.
    expect(((await joinWith({})).json() as { testId: string }).testId).toBe(joined.testId);
  });

  it.each([
    ['an unknown session', { sessionNumber: 999_999 }, 404, 'SESSION_NOT_FOUND'],
    ['a wrong access code', { accessCode: 'BBBB22' }, 403, 'WRONG_ACCESS_CODE'],
    ['a wrong birthdate', { birthdate: '2000-01-01' }, 404, 'NO_MATCHING_CANDIDATE'],
    ['a wrong first name', { firstName: 'Personne' }, 404, 'NO_MATCHING_CANDIDATE'],
    ['a malformed access code', { accessCode: 'nope' }, 400, 'INVALID_REQUEST'],
  ])('refuses %s with a clear error', async (_what, changes, status, code) => {
    const r = await joinWith(changes);
    expect(r.statusCode).toBe(status);
    expect(errorOf(r).code).toBe(code);
  });

  it('lets candidates mistype the access code a few times, then slows a station that keeps guessing', async () => {
    for (let i = 0; i < 19; i++) expect((await joinWith({ accessCode: 'BBBB22' })).statusCode).toBe(403);
    expect((await joinWith({})).statusCode).toBe(200);
    for (let i = 0; i < 20; i++) await joinWith({ accessCode: 'BBBB22' });
    const blocked = await joinWith({});
    expect([blocked.statusCode, errorOf(blocked).code]).toEqual([429, 'TOO_MANY_ATTEMPTS']);
  });

  it('refuses a station of another centre, several matches and a candidate who is not certifiable', async () => {
    const other = await day.api({
      method: 'POST',
      url: '/api/centre/centres',
      payload: { name: 'Ailleurs' },
    });
    const otherId = (other.json() as { id: string }).id;
    const code = await day.api({
      method: 'POST',
      url: `/api/centre/centres/${otherId}/enrollment-codes`,
      payload: {},
    });
    const stranger = new TestStation('Autre centre');
    stranger.now = () => server.clock.now;
    await stranger.enroll(server.app, (code.json() as { code: string }).code);
    expect(errorOf(await joinWith({}, stranger)).code).toBe('SESSION_NOT_FOUND');

    // Two enrolments that only differ by accents cannot be made through the API; force them.
    const copy = await server.app.pix.store.candidates.get(lea().id);
    if (!copy) throw new Error('no candidate');
    await server.app.pix.store.candidates.create([
      { ...copy, id: 'cnd_twin', lastName: `${copy.lastName}É`, matchKey: candidateMatchKey(copy) },
    ]);
    const several = await joinWith({});
    expect([several.statusCode, errorOf(several).code]).toEqual([409, 'SEVERAL_MATCHING_CANDIDATES']);

    const created = await day.api({
      method: 'POST',
      url: `/api/centre/sessions/${day.session.id}/candidates`,
      payload: {
        lastName: 'Sans',
        firstName: 'Profil',
        sex: 'M',
        birthdate: '2011-05-05',
        birthCountry: 'France',
        birthInseeCode: '69123',
      },
    });
    expect(created.statusCode).toBe(201);
    const noProfile = await joinWith({ lastName: 'Sans', firstName: 'Profil', birthdate: '2011-05-05' });
    expect([noProfile.statusCode, errorOf(noProfile).code]).toEqual([422, 'NOT_CERTIFIABLE']);
    expect(errorOf(noProfile).message).toMatch(/no Pix profile/);
  });

  it('logs the invigilator in with the session password, and answers 429 after repeated wrong ones', async () => {
    const attempt = (password: string) =>
      server.app.inject({
        method: 'POST',
        url: '/api/invigilator/login',
        payload: { sessionNumber: day.session.number, password },
      });
    const ok = await attempt(day.session.invigilatorPassword);
    expect(ok.statusCode).toBe(200);
    expect([ok.headers['set-cookie'] ?? []].flat().find((c) => c.startsWith('pix_invigilator='))).toMatch(
      new RegExp(
        `^pix_invigilator=.+; Path=/api/invigilator/sessions/${day.session.id}; HttpOnly; SameSite=Strict`,
      ),
    );
    for (let i = 0; i < 5; i++) expect((await attempt('wrong!')).statusCode).toBe(401);
    const blocked = await attempt(day.session.invigilatorPassword);
    expect([blocked.statusCode, errorOf(blocked).code]).toEqual([429, 'TOO_MANY_ATTEMPTS']);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    // Another session's invigilator, behind the same school address, is not locked out.
    const other = await day.api({
      method: 'POST',
      url: `/api/centre/centres/${day.centreId}/sessions`,
      payload: { address: 'a', room: 'b', date: '2026-12-09', time: '10:00', examiner: 'c' },
    });
    const { number, invigilatorPassword } = other.json() as { number: number; invigilatorPassword: string };
    const neighbour = await server.app.inject({
      method: 'POST',
      url: '/api/invigilator/login',
      payload: { sessionNumber: number, password: invigilatorPassword },
    });
    expect(neighbour.statusCode).toBe(200);
    server.clock.advance(15 * 60_000 + 1);
    expect((await attempt(day.session.invigilatorPassword)).statusCode).toBe(200);
  });

  it('scopes the invigilator token to its session and lets it expire', async () => {
    const inv = await invigilator(server, day);
    const other = await day.api({
      method: 'POST',
      url: `/api/centre/centres/${day.centreId}/sessions`,
      payload: { address: 'a', room: 'b', date: '2026-12-09', time: '10:00', examiner: 'c' },
    });
    const otherId = (other.json() as { id: string }).id;
    const cross = await server.app.inject({
      method: 'GET',
      url: `/api/invigilator/sessions/${otherId}`,
      headers: { authorization: `Bearer ${inv.token}` },
    });
    expect([cross.statusCode, errorOf(cross).code]).toEqual([403, 'FORBIDDEN']);
    expect((await inv.get('')).statusCode).toBe(200);
    server.clock.advance(31 * 60_000);
    const expired = await inv.get('');
    expect([expired.statusCode, errorOf(expired).code]).toEqual([401, 'SESSION_EXPIRED']);
  });

  it('generates the package at the authorized start (seeded, recorded) and serves it with its attachments', async () => {
    const inv = await invigilator(server, day);
    const joined = await join(server, day, station, lea());
    expect((await inv.card(lea().id)).state).toBe('signedIn');
    const early = await station.inject(server.app, 'GET', STATION_API_PATHS.package(joined.testId));
    expect([early.statusCode, errorOf(early).code]).toEqual([409, 'NOT_AUTHORIZED']);

    const started = await inv.command(lea().id, { type: 'authorizeStart' });
    expect(started.candidate).toMatchObject({ state: 'startAuthorized', authorization: 'start' });
    const { package: pkg, packageHash } = await fetchPackage(server, station, joined.testId);
    expect(TestPackageSchema.parse(pkg)).toEqual(pkg);
    expect(canonicalHash(pkg)).toBe(packageHash);
    expect(pkg.candidate).toMatchObject({ id: lea().id, firstName: lea().firstName });
    expect(JSON.stringify(pkg)).not.toMatch(/"solution"|"status"/);
    const generation = await server.app.pix.store.tests.generation(joined.testId);
    expect(generation?.generated.seed).toBe(pkg.seed);
    expect(generation?.generated.challenges.map((c) => c.challengeId)).toEqual(
      pkg.challenges.map((c) => c.id),
    );
    // 6 certifiable competences × up to 3 challenges.
    expect(pkg.challenges.length).toBeGreaterThan(6);
    const byId = new Map(day.bank.map((c) => [c.id, c] as [string, Challenge]));
    expect(pkg.challenges.every((c) => byId.get(c.id)?.skill === c.skill)).toBe(true);

    const attachment = pkg.challenges[0]?.attachments[0];
    expect(attachment?.hash).toBe(contentHash(SEED_ATTACHMENT));
    const file = await station.inject(
      server.app,
      'GET',
      STATION_API_PATHS.attachment(attachment?.hash ?? ''),
    );
    expect(file.statusCode).toBe(200);
    expect(contentHash(file.rawPayload)).toBe(attachment?.hash);
    const unknown = await station.inject(server.app, 'GET', STATION_API_PATHS.attachment('d'.repeat(64)));
    expect(unknown.statusCode).toBe(404);

    // Authorizing again reuses the package: a station that already has it keeps the same hash.
    await inv.command(lea().id, { type: 'withdrawAuthorization' });
    await inv.command(lea().id, { type: 'authorizeStart' });
    expect((await fetchPackage(server, station, joined.testId)).packageHash).toBe(packageHash);

    const elsewhere = await enrolledStation(server, day, 'Poste 02');
    const foreign = await elsewhere.inject(server.app, 'GET', STATION_API_PATHS.package(joined.testId));
    expect([foreign.statusCode, errorOf(foreign).code]).toEqual([403, 'NOT_YOUR_TEST']);
  });

  it('refuses commands that do not fit the candidate’s state', async () => {
    const inv = await invigilator(server, day);
    const notJoined = await inv.post(`/candidates/${lea().id}/commands`, { type: 'authorizeStart' });
    expect([notJoined.statusCode, errorOf(notJoined).code]).toEqual([409, 'NOT_JOINED']);
    await join(server, day, station, lea());
    for (const [payload, code] of [
      [{ type: 'withdrawAuthorization' }, 'NOTHING_TO_WITHDRAW'],
      [{ type: 'pause', reason: 'x' }, 'NOT_STARTED'],
      [{ type: 'endTest' }, 'NOT_STARTED'],
      [{ type: 'addTime', minutes: 10 }, 'NOT_STARTED'],
      [{ type: 'authorizeResume' }, 'NOT_STARTED'],
    ] as const) {
      const r = await inv.post(`/candidates/${lea().id}/commands`, payload);
      expect([r.statusCode, errorOf(r).code]).toEqual([409, code]);
    }
    const bad = await inv.post(`/candidates/${lea().id}/commands`, { type: 'addTime', minutes: 'ten' });
    expect(bad.statusCode).toBe(400);
    const unknown = await inv.post(`/candidates/cnd_nobody/commands`, { type: 'authorizeStart' });
    expect(unknown.statusCode).toBe(404);
  });
});
