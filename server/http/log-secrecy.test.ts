import { afterEach, describe, expect, it } from 'vitest';
import { STATION_API_PATHS } from '../../core/contracts/station-server.ts';
import { enrolledStation, invigilator, join, startedJournal } from '../testing/exam-helpers.ts';
import { bundlePayload, signBundle } from '../testing/journal-builder.ts';
import { seedCertificationDay } from '../testing/seed.ts';
import { ADMIN, startTestServer, type TestServer } from '../testing/test-server.ts';

describe('structured logs', () => {
  let server: TestServer;
  afterEach(() => server.close());

  it('log requests as JSON lines and never a password, token, signature, access code or enrollment code', async () => {
    const lines: string[] = [];
    server = await startTestServer({
      logger: { level: 'debug', stream: { write: (line: string) => void lines.push(line) } },
    });
    const day = await seedCertificationDay(server.app, { count: 2 });
    const code = await day.api({
      method: 'POST',
      url: `/api/centre/centres/${day.centreId}/enrollment-codes`,
      payload: {},
    });
    const enrollmentCode = (code.json() as { code: string }).code;
    const station = await enrolledStation(server, day);
    const inv = await invigilator(server, day);
    const lea = day.candidates[0];
    if (!lea) throw new Error('no candidate');
    const { journal, ...started } = await startedJournal(server, day, inv, station, lea);
    journal.end('finished');
    const jws = await signBundle(
      bundlePayload({
        journal,
        sessionId: day.session.id,
        candidateId: lea.id,
        stationId: station.id,
        pkg: started.pkg.package,
        packageHash: started.pkg.packageHash,
      }),
      station.privateKey,
    );
    const headers = station.sign(
      'POST',
      STATION_API_PATHS.result(started.testId),
      JSON.stringify({ bundle: jws }),
    );
    await server.app.inject({
      method: 'POST',
      url: STATION_API_PATHS.result(started.testId),
      headers: { ...headers, 'content-type': 'application/json' },
      payload: JSON.stringify({ bundle: jws }),
    });
    // Failures too: a wrong password, a wrong access code.
    await server.app.inject({
      method: 'POST',
      url: '/api/centre/login',
      payload: { email: ADMIN.email, password: 'Wrong-Password-123' },
    });
    await server.app.inject({
      method: 'POST',
      url: '/api/invigilator/login',
      payload: { sessionNumber: day.session.number, password: 'zzzzzz' },
    });
    const other = day.candidates[1];
    if (other) await join(server, day, station, other);

    const log = lines.join('');
    expect(lines.length).toBeGreaterThan(20);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    expect(log).toMatch(/"msg":"result received"/);
    const secrets = {
      adminPassword: ADMIN.password,
      wrongPassword: 'Wrong-Password-123',
      accountToken: day.adminToken,
      invigilatorPassword: day.session.invigilatorPassword,
      invigilatorToken: inv.token,
      accessCode: day.session.accessCode,
      enrollmentCode,
      requestSignature: headers['x-station-signature'] ?? '',
      bundleSignature: jws.split('.')[2] ?? '',
    };
    for (const [name, secret] of Object.entries(secrets)) {
      expect(secret.length, name).toBeGreaterThan(5);
      expect(log.includes(secret), `${name} appears in the log`).toBe(false);
    }
  });
});
