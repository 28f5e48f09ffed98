// The back office's client reaches the jury's neutralization route and the incident report routes
// (which it could not before): the right method, address and body, and the answer checked against the
// contract; a refusal comes back with its code for the screen to word.
import { describe, expect, it } from 'vitest';
import { incident, juryResult } from '../results/jury-fixtures.ts';
import { ApiFailure, createCentreClient } from './centre-client.ts';

interface Sent {
  url: string;
  method: string;
  body: unknown;
}

function clientAnswering(status: number, answer: unknown) {
  const sent: Sent[] = [];
  const client = createCentreClient({
    fetch: (url, init) => {
      sent.push({
        url,
        method: init?.method ?? 'GET',
        body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
      });
      return Promise.resolve(
        status === 204
          ? new Response(null, { status })
          : new Response(JSON.stringify(answer), { status, headers: { 'content-type': 'application/json' } }),
      );
    },
  });
  return { client, sent };
}

describe('the jury’s neutralizations from the back office', () => {
  it('posts the question and what to do with it, and gives back the re-scored result', async () => {
    const rescored = juryResult('can 1', 'Léa', 'Martin', { neutralizedQuestions: [12] });
    const { client, sent } = clientAnswering(200, rescored);
    expect(await client.neutralizeQuestion('can 1', 12, true)).toEqual(rescored);
    expect(sent).toEqual([
      {
        url: '/api/centre/candidates/can%201/neutralizations',
        method: 'POST',
        body: { questionNumber: 12, neutralized: true },
      },
    ]);
  });

  it('keeps the refusal’s code (a question neutralized by an alert cannot count again)', async () => {
    const { client } = clientAnswering(409, {
      error: { code: 'NEUTRALIZED_BY_ALERT', message: 'question 3 was neutralized by an alert' },
    });
    const failure = await client.neutralizeQuestion('can_1', 3, false).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiFailure);
    expect((failure as ApiFailure).code).toBe('NEUTRALIZED_BY_ALERT');
  });
});

describe('the incident reports from the back office', () => {
  it('records a report and gives it back as saved', async () => {
    const saved = incident({ id: 'inc_1', candidateId: 'can_1', code: 'E4', questionNumber: 12 });
    const { client, sent } = clientAnswering(201, saved);
    const input = { candidateId: 'can_1', code: 'E4' as const, questionNumber: 12, description: '' };
    expect(await client.reportIncident('ses_1', input)).toEqual(saved);
    expect(sent).toEqual([{ url: '/api/centre/sessions/ses_1/incidents', method: 'POST', body: input }]);
  });

  it('withdraws a report', async () => {
    const { client, sent } = clientAnswering(204, null);
    await client.withdrawIncident('ses_1', 'inc_1');
    expect(sent).toEqual([
      { url: '/api/centre/sessions/ses_1/incidents/inc_1', method: 'DELETE', body: undefined },
    ]);
  });
});

describe('the revocation of a station', () => {
  const revoked = {
    id: 'sta_1',
    centreId: 'cen_1',
    name: 'Poste 01',
    enrolledAt: '2026-06-15T08:00:00.000Z',
    revokedAt: '2026-06-15T12:00:00.000Z',
  };

  it('asks plainly first, and confirms only the tests the referent was shown', async () => {
    const { client, sent } = clientAnswering(200, revoked);
    await client.revokeStation('sta_1').catch(() => undefined);
    await client.revokeStation('sta_1', { confirmTestIds: [] }).catch(() => undefined);
    await client.revokeStation('sta_1', { confirmTestIds: ['tst_1', 'tst_2'] }).catch(() => undefined);
    expect(sent.map((s) => [s.method, s.url, s.body])).toEqual([
      ['POST', '/api/centre/stations/sta_1/revoke', undefined],
      ['POST', '/api/centre/stations/sta_1/revoke', undefined],
      ['POST', '/api/centre/stations/sta_1/revoke', { confirmTestIds: ['tst_1', 'tst_2'] }],
    ]);
  });
});

describe('the enrollment codes', () => {
  const issued = { code: 'BCDF-GHJK-MPQR', expiresAt: '2026-06-16T12:00:00.000Z' };

  it('asks a code for a new station, or to enroll again one revoked station', async () => {
    const { client, sent } = clientAnswering(201, { ...issued, stationId: 'st-1' });
    await client.issueEnrollmentCode('cen_1', 60);
    expect(await client.issueEnrollmentCode('cen_1', 1440, { stationId: 'st-1' })).toEqual({
      ...issued,
      stationId: 'st-1',
    });
    expect(sent.map((s) => [s.method, s.url, s.body])).toEqual([
      ['POST', '/api/centre/centres/cen_1/enrollment-codes', { validForMinutes: 60 }],
      ['POST', '/api/centre/centres/cen_1/enrollment-codes', { validForMinutes: 1440, stationId: 'st-1' }],
    ]);
  });
});
