import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ADMIN,
  as,
  createAdministrator,
  errorOf,
  loginAs,
  startTestServer,
  type TestServer,
} from '../testing/test-server.ts';

const DETAILS = {
  address: '12 rue des Écoles, 69003 Lyon',
  room: 'Salle B12',
  date: '2026-12-08',
  time: '09:00',
  examiner: 'Mme Leroy',
};
const LEA = {
  lastName: 'Martin',
  firstName: 'Léa',
  sex: 'F',
  birthdate: '2011-04-02',
  birthCountry: 'France',
  birthInseeCode: '69123',
};

describe('centre API: accounts, centres, sessions, candidates', () => {
  let server: TestServer;
  let admin: ReturnType<typeof as>;
  beforeEach(async () => {
    server = await startTestServer();
    await createAdministrator(server.app);
    admin = as(await loginAs(server.app, ADMIN.email, ADMIN.password));
  });
  afterEach(() => server.close());

  async function centreAndSession() {
    const centre = await admin(server.app, {
      method: 'POST',
      url: '/api/centre/centres',
      payload: { name: 'Collège Jean Moulin' },
    });
    expect(centre.statusCode).toBe(201);
    const centreId = (centre.json() as { id: string }).id;
    const session = await admin(server.app, {
      method: 'POST',
      url: `/api/centre/centres/${centreId}/sessions`,
      payload: DETAILS,
    });
    expect(session.statusCode).toBe(201);
    return {
      centreId,
      session: session.json() as {
        id: string;
        number: number;
        accessCode: string;
        invigilatorPassword: string;
      },
    };
  }

  it('creates a session with a number, an access code and an invigilator password of the right shapes', async () => {
    const { session } = await centreAndSession();
    expect(session.number).toBeGreaterThan(1000);
    expect(session.accessCode).toMatch(/^[BCDFGHJKMPQRTVWXY]{4}[2346789]{2}$/);
    expect(session.invigilatorPassword).toMatch(/^[23456789bcdfghjkmpqrstvwxyBCDFGHJKMPQRSTVWXY!*?]{6}$/);
  });

  it('enrols, edits and removes a candidate, and refuses a duplicate', async () => {
    const { session } = await centreAndSession();
    const created = await admin(server.app, {
      method: 'POST',
      url: `/api/centre/sessions/${session.id}/candidates`,
      payload: LEA,
    });
    expect(created.statusCode).toBe(201);
    const lea = created.json() as {
      id: string;
      certifiable: boolean;
      notCertifiableReason: string;
      editable: boolean;
    };
    expect(lea).toMatchObject({
      certifiable: false,
      notCertifiableReason: 'no Pix profile imported yet',
      editable: true,
    });
    const duplicate = await admin(server.app, {
      method: 'POST',
      url: `/api/centre/sessions/${session.id}/candidates`,
      payload: { ...LEA, firstName: 'LEA', lastName: 'MARTIN' },
    });
    expect(duplicate.statusCode).toBe(409);
    expect(errorOf(duplicate).code).toBe('ALREADY_ENROLLED');
    const edited = await admin(server.app, {
      method: 'PUT',
      url: `/api/centre/candidates/${lea.id}`,
      payload: { ...LEA, extraTimePercentage: 30 },
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ extraTimePercentage: 30 });
    expect(
      (await admin(server.app, { method: 'DELETE', url: `/api/centre/candidates/${lea.id}` })).statusCode,
    ).toBe(204);
    const list = await admin(server.app, {
      method: 'GET',
      url: `/api/centre/sessions/${session.id}/candidates`,
    });
    expect(list.json()).toEqual({ candidates: [] });
  });

  it('imports a French school CSV (BOM, semicolons, DD/MM/YYYY) with a per-line report', async () => {
    const { session } = await centreAndSession();
    const csv =
      '\uFEFFNom;Prénom;Sexe;Date de naissance (format: jj/mm/aaaa);Code INSEE;Temps majoré ?\r\n' +
      'Martin;Léa;F;02/04/2011;69123;\r\n' +
      'Durand;Hugo;M;2011-13-01;69123;30\r\n' +
      'Petit;Chloé;X;15/09/2010;69123;\r\n' +
      'Martin;Lea;F;02/04/2011;69123;\r\n';
    const response = await admin(server.app, {
      method: 'POST',
      url: `/api/centre/sessions/${session.id}/candidates/import`,
      headers: { 'content-type': 'text/csv' },
      payload: Buffer.from(csv, 'utf8'),
    });
    expect(response.statusCode).toBe(200);
    const report = response.json() as {
      imported: number;
      rejected: number;
      lines: { line: number; status: string; errors: { column: string; code: string }[] }[];
    };
    expect(report).toMatchObject({ imported: 1, rejected: 3, separator: ';', encoding: 'utf-8' });
    expect(report.lines.map((l) => [l.line, l.status, l.errors.map((e) => `${e.column}:${e.code}`)])).toEqual(
      [
        [2, 'imported', []],
        [3, 'rejected', ['Date de naissance (format: jj/mm/aaaa):INVALID']],
        [4, 'rejected', ['Sexe:INVALID']],
        [5, 'rejected', ['null:DUPLICATE_IN_FILE']],
      ],
    );
  });

  it('refuses requests without a valid token, and a referent outside their centre', async () => {
    expect(errorOf(await server.app.inject({ method: 'GET', url: '/api/centre/me' })).code).toBe(
      'NOT_AUTHENTICATED',
    );
    const forged = await as('forged-token')(server.app, { method: 'GET', url: '/api/centre/me' });
    expect(forged.statusCode).toBe(401);
    const { centreId, session } = await centreAndSession();
    const other = await admin(server.app, {
      method: 'POST',
      url: '/api/centre/centres',
      payload: { name: 'Lycée Voltaire' },
    });
    const otherId = (other.json() as { id: string }).id;
    const created = await admin(server.app, {
      method: 'POST',
      url: '/api/centre/accounts',
      payload: {
        email: 'ref@voltaire.test',
        displayName: 'Réf',
        role: 'referent',
        centreId: otherId,
        password: 'a long enough password',
      },
    });
    expect(created.statusCode).toBe(201);
    const referent = as(await loginAs(server.app, 'ref@voltaire.test', 'a long enough password'));
    expect(
      (await referent(server.app, { method: 'GET', url: `/api/centre/sessions/${session.id}` })).statusCode,
    ).toBe(404);
    expect(
      (await referent(server.app, { method: 'GET', url: `/api/centre/centres/${centreId}/sessions` }))
        .statusCode,
    ).toBe(404);
    expect(
      (await referent(server.app, { method: 'GET', url: `/api/centre/centres/${otherId}/sessions` }))
        .statusCode,
    ).toBe(200);
    expect((await referent(server.app, { method: 'GET', url: '/api/centre/accounts' })).statusCode).toBe(403);
  });

  it('answers malformed JSON and wrong types with a clear 400 and no stack', async () => {
    const { centreId } = await centreAndSession();
    const malformed = await admin(server.app, {
      method: 'POST',
      url: `/api/centre/centres/${centreId}/sessions`,
      headers: { 'content-type': 'application/json' },
      payload: '{"room": ',
    });
    expect(malformed.statusCode).toBe(400);
    expect(errorOf(malformed).code).toBe('INVALID_JSON');
    const wrong = await admin(server.app, {
      method: 'POST',
      url: `/api/centre/centres/${centreId}/sessions`,
      payload: { ...DETAILS, date: 20261208, extra: true },
    });
    expect(wrong.statusCode).toBe(400);
    expect(errorOf(wrong).message).toMatch(/date/);
  });
});
