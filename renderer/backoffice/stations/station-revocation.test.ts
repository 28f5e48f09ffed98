import { describe, expect, it } from 'vitest';
import type { StationTestInUse } from '../../../core/contracts/centre-api.ts';
import { createI18n } from '../../shared/i18n/i18n.ts';
import { addBackOfficeMessages, translator } from '../i18n/use-t.ts';
import {
  REENROLLMENT_MINUTES,
  canEnrollAgain,
  enrollCommand,
  issueReenrollmentCode,
  listIsStale,
  revocationPlan,
  type IssueEnrollmentCode,
} from './station-revocation.ts';

const test: StationTestInUse = {
  testId: 'tst_1',
  candidateId: 'cnd_1',
  candidateName: 'Léa MARTIN',
  sessionId: 'ses_1',
  sessionNumber: 1001,
  state: 'resultAwaited',
};

describe('revoking a station from the back office', () => {
  it('confirms exactly the tests the referent was shown, and none when none was', () => {
    const other = { ...test, testId: 'tst_2', candidateId: 'cnd_2' };
    expect(revocationPlan({ inUse: [test, other] })).toEqual({
      inUse: [test, other],
      confirmTestIds: ['tst_1', 'tst_2'],
    });
    expect(revocationPlan({ inUse: [] })).toEqual({ inUse: [], confirmTestIds: [] });
    expect(revocationPlan({})).toEqual({ inUse: [], confirmTestIds: [] });
  });

  it('reads the list again when the server found tests it did not show', () => {
    expect(listIsStale({ code: 'STATION_IN_USE' })).toBe(true);
    expect(listIsStale({ code: 'NOT_FOUND' })).toBe(false);
  });

  it('names each candidate with the session and what is at stake, in French and English', () => {
    const fr = translator(addBackOfficeMessages(createI18n('fr')));
    const en = translator(addBackOfficeMessages(createI18n('en')));
    const line = (t: typeof fr) =>
      t('stationUse.candidate', {
        name: test.candidateName,
        number: test.sessionNumber,
        state: t(`stationUse.states.${test.state}`),
      });
    expect(line(fr)).toBe('Léa MARTIN, session 1001 : résultat signé pas encore reçu');
    expect(line(en)).toBe('Léa MARTIN, session 1001: signed result not received yet');
    expect(fr('stationUse.revokeAnyway')).toBe('Révoquer quand même');
    expect(fr('stationUse.inUse', { count: 2 })).toBe('2 tests en cours ou résultats attendus');
  });

  it('enrolls again only a revoked station, with a code created for it and the command for IT', async () => {
    expect(canEnrollAgain({ revokedAt: '2026-06-15T12:00:00.000Z' })).toBe(true);
    expect(canEnrollAgain({ revokedAt: null })).toBe(false);
    const asked: Parameters<IssueEnrollmentCode>[] = [];
    const issue: IssueEnrollmentCode = (...args) => {
      asked.push(args);
      return Promise.resolve({ code: 'BCDF-GHJK-MPQR', expiresAt: '2026-06-16T12:00:00.000Z' });
    };
    await issueReenrollmentCode(issue, { id: 'st-1', centreId: 'cen_1' });
    expect(asked).toEqual([['cen_1', REENROLLMENT_MINUTES, { stationId: 'st-1' }]]);
    expect(enrollCommand('BCDF-GHJK-MPQR')).toBe('--enroll BCDF-GHJK-MPQR');
    const fr = translator(addBackOfficeMessages(createI18n('fr')));
    const en = translator(addBackOfficeMessages(createI18n('en')));
    expect(fr('stations.reenroll')).toBe('Réinscrire ce poste');
    expect(en('stations.reenroll')).toBe('Enroll this station again');
    expect(fr('stations.reenrollOnly', { date: '16/06/2026 14:00' })).toMatch(
      /^Ce code ne réinscrit que ce poste/,
    );
  });
});
