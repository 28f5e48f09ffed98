import { describe, expect, it } from 'vitest';
import type { CandidateResult, Results } from '../../../core/contracts/invigilator-api.ts';
import { createI18n, type Language } from '../../shared/i18n/i18n.ts';
import { sessionNamer } from '../../shared/namesakes.ts';
import { fullName } from '../format.ts';
import { addBackOfficeMessages, translator } from '../i18n/use-t.ts';
import {
  awaitedSignedResults,
  lateSignedResults,
  namesInSentence,
  publicationRequest,
  signedResultNote,
  unscoredSignedResults,
  withResult,
} from './signed-results.ts';

const RECEIVED = '2026-12-08T14:00:00.000Z';

function result(candidateId: string, lastName: string, over: Partial<CandidateResult> = {}): CandidateResult {
  return {
    candidateId,
    firstName: 'Léa',
    lastName,
    birthdate: '2011-03-07',
    status: 'validated',
    pixScore: 120,
    reproducibilityRate: 100,
    trusted: true,
    reasons: [],
    competences: [],
    maxReachableLevel: 5,
    neutralizedQuestions: [],
    finished: true,
    abortReason: null,
    source: 'bundle',
    signedResult: 'applied',
    signedResultReceivedAt: '2026-12-08T10:00:00.000Z',
    signedResultAfterPublication: false,
    incidents: [],
    juryDecisions: [],
    verificationCode: 'P-BCDF2346',
    scoredAt: '2026-12-08T11:00:00.000Z',
    ...over,
  };
}

const awaited = (id: string, lastName: string) =>
  result(id, lastName, { source: 'records', signedResult: 'awaited', signedResultReceivedAt: null });

function resultsOf(...list: CandidateResult[]): Results {
  return {
    session: {} as Results['session'],
    finalization: { globalComment: '', hadIncident: false, candidateCouldNotJoin: false, needsJury: false },
    results: list,
    absent: [],
    unscoredSignedResults: [],
  };
}

const tFor = (language: Language) => translator(addBackOfficeMessages(createI18n(language)));

describe('signed results on the results page', () => {
  it('lists the candidates whose signed result is awaited, by name, and those that arrived late', () => {
    const late = result('c3', 'Bernard', {
      source: 'records',
      signedResult: 'notApplied',
      signedResultReceivedAt: RECEIVED,
      signedResultAfterPublication: true,
    });
    const results = resultsOf(awaited('c1', 'Martin'), result('c2', 'Dubois'), awaited('c4', 'Durand'), late);
    expect(awaitedSignedResults(results).map((r) => r.candidateId)).toEqual(['c4', 'c1']);
    expect(lateSignedResults(results).map((r) => r.candidateId)).toEqual(['c3']);
  });

  it('counts as arrived after publication only what did: one received before is being scored', () => {
    const beingScored = result('c1', 'Martin', {
      source: 'records',
      signedResult: 'notApplied',
      signedResultReceivedAt: RECEIVED,
      signedResultAfterPublication: false,
    });
    // Before publication (the box « arrivés après la publication » must not show): nothing late.
    expect(lateSignedResults(resultsOf(beingScored))).toEqual([]);
    expect(signedResultNote(beingScored)).toEqual({ kind: 'notApplied' });
    expect(tFor('fr')('results.signed.notApplied')).toBe(
      'résultat signé du poste reçu, en cours de prise en compte',
    );
    expect(tFor('en')('results.signed.notApplied')).toBe(
      "station's signed result received, being taken into account",
    );
  });

  it('publishes « sans attendre » only while signed results are awaited', () => {
    expect(publicationRequest(resultsOf(result('c1', 'Martin')), false)).toEqual({
      juryReviewed: false,
      withoutAwaitedSignedResults: false,
    });
    expect(publicationRequest(resultsOf(result('c1', 'Martin'), awaited('c2', 'Durand')), true)).toEqual({
      juryReviewed: true,
      withoutAwaitedSignedResults: true,
    });
  });

  it('says on each row where the signed result stands', () => {
    expect(signedResultNote(result('c1', 'Martin'))).toBeNull();
    expect(signedResultNote(awaited('c1', 'Martin'))).toEqual({ kind: 'awaited' });
    // Nothing to wait for: the server refused it (the jury decides).
    const refused = result('c1', 'Martin', { source: 'records', signedResult: 'refused' });
    expect(signedResultNote(refused)).toEqual({ kind: 'refused' });
    expect(awaitedSignedResults(resultsOf(refused))).toEqual([]);
    expect(
      signedResultNote(
        result('c1', 'Martin', {
          source: 'records',
          signedResult: 'notApplied',
          signedResultReceivedAt: RECEIVED,
          signedResultAfterPublication: true,
        }),
      ),
    ).toEqual({ kind: 'notAppliedAfterPublication', receivedAt: RECEIVED });
    expect(
      signedResultNote(
        result('c1', 'Martin', {
          signedResultReceivedAt: RECEIVED,
          signedResultAfterPublication: true,
          scoredAt: '2026-12-09T09:00:00.000Z',
        }),
      ),
    ).toEqual({ kind: 'appliedAfterPublication', scoredAt: '2026-12-09T09:00:00.000Z' });
  });

  it('never says « pas encore arrivé » of a result scored from its signed result', () => {
    // Applied, its arrival time unknown: nothing to say, not « awaited ».
    expect(signedResultNote(result('c1', 'Martin', { signedResultReceivedAt: null }))).toBeNull();
    expect(
      signedResultNote(
        result('c1', 'Martin', {
          signedResultReceivedAt: null,
          signedResultAfterPublication: true,
          scoredAt: '2026-12-09T09:00:00.000Z',
        }),
      ),
    ).toEqual({ kind: 'appliedAfterPublication', scoredAt: '2026-12-09T09:00:00.000Z' });
    expect(awaitedSignedResults(resultsOf(result('c1', 'Martin', { signedResultReceivedAt: null })))).toEqual(
      [],
    );
  });

  it('lists by name the signed results of candidates listed absent, saying which wait for an abort reason', () => {
    const unscored = (candidateId: string, lastName: string, abortReasonNeeded: boolean) => ({
      candidateId,
      firstName: 'Léa',
      lastName,
      endReason: abortReasonNeeded ? ('aborted' as const) : ('finished' as const),
      signedResultReceivedAt: RECEIVED,
      abortReasonNeeded,
    });
    const results = {
      ...resultsOf(result('c1', 'Martin')),
      unscoredSignedResults: [unscored('c3', 'Moreau', true), unscored('c2', 'Bernard', false)],
    };
    expect(unscoredSignedResults(results).map((u) => u.candidateId)).toEqual(['c2', 'c3']);
    expect(unscoredSignedResults(resultsOf(result('c1', 'Martin')))).toEqual([]);
    const fr = tFor('fr');
    const en = tFor('en');
    expect(fr('results.unscored.intro', { count: 1 })).toMatch(/^Ce candidat a été noté absent/);
    expect(fr('results.unscored.intro', { count: 2 })).toMatch(/^Ces 2 candidats ont été notés absents/);
    expect(en('results.unscored.intro', { count: 2 })).toMatch(/^These 2 candidates were listed absent/);
    expect(fr('results.unscored.reasonNeeded')).toContain('Le jury décide');
    expect(en('results.unscored.reasonNeeded')).toContain('The jury decides');
    expect(fr('results.maxLevel', { level: 5 })).toBe('niveaux ouverts à la certification : 1 à 5');
    expect(en('results.maxLevel', { level: 5 })).toBe('levels open to certification: 1 to 5');
  });

  it('puts a re-scored result in place of the old one, the others untouched', () => {
    const before = resultsOf(result('c1', 'Martin', { pixScore: 80 }), result('c2', 'Durand'));
    const after = withResult(before, result('c1', 'Martin', { pixScore: 120 }));
    expect(after.results.map((r) => [r.candidateId, r.pixScore])).toEqual([
      ['c1', 120],
      ['c2', 120],
    ]);
    expect(before.results[0]?.pixScore).toBe(80);
  });

  it('names the candidates published without their signed result, in French and in English', () => {
    const people = [
      { firstName: 'Léa', lastName: 'Martin' },
      { firstName: 'Hugo', lastName: 'Bernard' },
    ];
    expect(namesInSentence(people, 'fr-FR', fullName)).toBe('Léa MARTIN et Hugo BERNARD');
    expect(namesInSentence(people, 'en-GB', fullName)).toBe('Léa MARTIN and Hugo BERNARD');
    const fr = tFor('fr');
    expect(
      fr('results.signed.publishWithoutConfirmText', {
        count: 1,
        names: namesInSentence(people.slice(0, 1), 'fr-FR', fullName),
      }),
    ).toMatch(/^Le résultat de Léa MARTIN restera calculé d’après les réponses reçues pendant le test/);
    expect(
      fr('results.signed.publishWithoutConfirmText', {
        count: 2,
        names: namesInSentence(people, 'fr-FR', fullName),
      }),
    ).toMatch(/^Les résultats de Léa MARTIN et Hugo BERNARD resteront calculés d’après les réponses reçues/);
    expect(
      tFor('en')('results.signed.publishWithoutConfirmText', {
        count: 2,
        names: namesInSentence(people, 'en-GB', fullName),
      }),
    ).toMatch(/^The results of Léa MARTIN and Hugo BERNARD will stay computed from the answers received/);
    expect(fr('results.signed.awaitedIntro', { count: 2 })).toMatch(/^Les postes de ces 2 candidats/);
  });

  it('names each as the page does: a namesake with the birthdate', () => {
    const jade = { candidateId: 'c1', firstName: 'Jade', lastName: 'Moreau', birthdate: '2011-09-08' };
    const otherJade = { candidateId: 'c2', firstName: 'Jade', lastName: 'Moreau', birthdate: '2012-02-14' };
    const hugo = { candidateId: 'c3', firstName: 'Hugo', lastName: 'Bernard', birthdate: '2011-01-01' };
    const nameOf = sessionNamer([jade, otherJade, hugo], 'fr-FR');
    expect(namesInSentence([jade, hugo], 'fr-FR', nameOf)).toBe('Jade MOREAU (08/09/2011) et Hugo BERNARD');
  });
});
