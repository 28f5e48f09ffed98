import { describe, expect, it } from 'vitest';
import type { StationTestInUse } from '../../../core/contracts/centre-api.ts';
import { createI18n } from '../../shared/i18n/i18n.ts';
import { addBackOfficeMessages, translator } from '../i18n/use-t.ts';
import { listIsStale, revocationPlan } from './station-revocation.ts';

const test: StationTestInUse = {
  testId: 'tst_1',
  candidateId: 'cnd_1',
  candidateName: 'Léa MARTIN',
  sessionId: 'ses_1',
  sessionNumber: 1001,
  state: 'resultAwaited',
};

describe('revoking a station from the back office', () => {
  it('forces the revocation only once the referent was shown the candidates it cuts off', () => {
    expect(revocationPlan({ inUse: [test] })).toEqual({ inUse: [test], force: true });
    expect(revocationPlan({ inUse: [] })).toEqual({ inUse: [], force: false });
    expect(revocationPlan({})).toEqual({ inUse: [], force: false });
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
    expect(line(fr)).toBe('Léa MARTIN, session 1001 : résultat signé pas encore reçu');
    expect(line(en)).toBe('Léa MARTIN, session 1001: signed result not received yet');
    expect(fr('stationUse.revokeAnyway')).toBe('Révoquer quand même');
    expect(fr('stationUse.inUse', { count: 2 })).toBe('2 tests en cours ou résultats attendus');
  });
});
