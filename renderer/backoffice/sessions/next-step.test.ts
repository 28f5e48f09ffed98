import { describe, expect, it } from 'vitest';
import type { Candidate, CentreSession, SessionReadiness } from '../api/centre-client.ts';
import { createI18n } from '../../shared/i18n/i18n.ts';
import { addBackOfficeMessages, translator } from '../i18n/use-t.ts';
import { nextStep, readinessCheck, type ReadinessCheck } from './next-step.ts';

const today = '2026-12-01';
const session = (extra: Partial<CentreSession> = {}) =>
  ({
    date: '2026-12-08',
    time: '09:00',
    state: 'created',
    publishedAt: null,
    counts: { candidates: 0, joined: 0, started: 0, resultsReceived: 0, resultsRefused: 0, running: 0 },
    ...extra,
  }) as CentreSession;
const candidate = (withProfile: boolean, certifiable = withProfile) =>
  ({
    id: 'cnd_lea',
    firstName: 'Léa',
    lastName: 'Martin',
    birthdate: '2011-03-07',
    profile: withProfile
      ? { competences: [], validatedSkills: 0, answeredChallenges: 0, importedAt: '2026-11-01T00:00:00Z' }
      : null,
    certifiable,
  }) as Candidate;

const report = (extra: Partial<SessionReadiness> = {}): SessionReadiness => ({
  candidates: [],
  notChecked: { withoutProfile: 0, notCertifiable: 0, alreadyGenerated: 0 },
  bank: { operative: 12, unopenable: [], moreUnopenable: 0 },
  ...extra,
});
/** Every test checked and ready. */
const allReady: ReadinessCheck = { state: 'loaded', report: report() };
const lea = { candidateId: 'cnd_lea', firstName: 'Léa', lastName: 'Martin' };
const hugo = { candidateId: 'cnd_hugo', firstName: 'Hugo', lastName: 'Bernard' };
const pptx = {
  challengeId: 'rec123',
  fileName: 'Budget.PPTX',
  mediaType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};

describe('the next step of a session', () => {
  it('asks for what is missing first: candidates, profiles, the bank; then says it is ready', () => {
    expect(nextStep(session(), [], 10, today, allReady, 'fr-FR')).toEqual({ step: 'noCandidates' });
    expect(
      nextStep(
        session(),
        [candidate(true), candidate(false), candidate(false)],
        10,
        today,
        allReady,
        'fr-FR',
      ),
    ).toEqual({
      step: 'noProfiles',
      count: 2,
    });
    expect(nextStep(session(), [candidate(true)], 0, today, allReady, 'fr-FR')).toEqual({ step: 'noBank' });
    expect(nextStep(session(), [candidate(true)], null, today, allReady, 'fr-FR')).toEqual({ step: 'ready' });
    expect(nextStep(session(), [candidate(true)], 12, today, allReady, 'fr-FR')).toEqual({ step: 'ready' });
  });

  it('asks for fuller profiles (or the candidates removed) when some are not certifiable, once all have one', () => {
    const thin = candidate(true, false);
    expect(nextStep(session(), [candidate(true), thin, thin], 12, today, allReady, 'fr-FR')).toEqual({
      step: 'notCertifiable',
      count: 2,
    });
    // The missing profiles first: they are asked for before.
    expect(nextStep(session(), [candidate(false), thin], 12, today, allReady, 'fr-FR')).toEqual({
      step: 'noProfiles',
      count: 1,
    });
    expect(nextStep(session(), [thin], 0, today, allReady, 'fr-FR')).toEqual({
      step: 'notCertifiable',
      count: 1,
    });
    const fr = translator(addBackOfficeMessages(createI18n('fr')));
    expect(fr('session.next.notCertifiable', { count: 1 })).toMatch(
      /^1 candidat a un profil Pix trop court .* Importez un profil plus complet, ou retirez-le de la session\.$/,
    );
    expect(fr('session.next.notCertifiable', { count: 2 })).toMatch(
      /^2 candidats ont un profil Pix trop court/,
    );
  });

  it('while tests run: says the session is in progress, not to finalize it', () => {
    const counts = {
      candidates: 3,
      joined: 3,
      started: 2,
      resultsReceived: 0,
      resultsRefused: 0,
      running: 2,
    };
    expect(
      nextStep(session({ date: today, counts }), [candidate(true)], 12, today, allReady, 'fr-FR'),
    ).toEqual({
      step: 'inProgress',
      count: 2,
    });
    expect(
      nextStep(
        session({ date: today, counts: { ...counts, running: 0 } }),
        [candidate(true)],
        12,
        today,
        allReady,
        'fr-FR',
      ),
    ).toEqual({ step: 'finalize' });
  });

  it('after the exam: finalize, then publish, then nothing but the certificates', () => {
    expect(
      nextStep(session({ date: '2026-11-30' }), [candidate(true)], 12, today, allReady, 'fr-FR'),
    ).toEqual({
      step: 'finalize',
    });
    expect(nextStep(session({ state: 'processed' }), [], 12, today, allReady, 'fr-FR')).toEqual({
      step: 'publish',
    });
    expect(
      nextStep(
        session({ state: 'processed', publishedAt: '2026-12-09T10:00:00Z' }),
        [],
        12,
        today,
        allReady,
        'fr-FR',
      ),
    ).toEqual({ step: 'published' });
  });
});

describe('« Tout est prêt » only once every test can be built and opened', () => {
  const fr = translator(addBackOfficeMessages(createI18n('fr')));
  const ready = [candidate(true), candidate(true)];

  it('waits for the check of the tests, and says when it failed, before saying anything is ready', () => {
    expect(nextStep(session(), ready, 12, today, { state: 'loading' }, 'fr-FR')).toEqual({
      step: 'checking',
    });
    expect(nextStep(session(), ready, 12, today, { state: 'failed' }, 'fr-FR')).toEqual({
      step: 'checkFailed',
    });
    expect(fr('session.next.checking')).toMatch(/^Vérification .*…$/);
    expect(fr('session.next.checkFailed')).not.toContain('Tout est prêt');
    // What is missing before still comes first, without waiting for the check.
    expect(nextStep(session(), [candidate(false)], 12, today, { state: 'loading' }, 'fr-FR')).toEqual({
      step: 'noProfiles',
      count: 1,
    });
    expect(nextStep(session(), ready, 0, today, { state: 'failed' }, 'fr-FR')).toEqual({ step: 'noBank' });
    // The bank unknown to the page: the check's count of it says it is empty.
    const empty = report({ bank: { operative: 0, unopenable: [], moreUnopenable: 0 } });
    expect(nextStep(session(), ready, null, today, { state: 'loaded', report: empty }, 'fr-FR')).toEqual({
      step: 'noBank',
    });
  });

  it('lists a candidate whose test the bank cannot prepare, instead of « Tout est prêt »', () => {
    const missing = report({
      candidates: [
        { ...hugo, error: null, unopenable: [], moreUnopenable: 0 },
        {
          ...lea,
          error: { code: 'MISSING_CHALLENGES', competences: ['3.1'], message: 'no challenge for 3.1' },
          unopenable: [],
          moreUnopenable: 0,
        },
      ],
    });
    const step = nextStep(session(), ready, 12, today, { state: 'loaded', report: missing }, 'fr-FR');
    expect(step).toEqual({
      step: 'testsNotReady',
      problems: {
        unbuildable: [{ candidateId: lea.candidateId, name: 'Léa MARTIN', error: expect.anything() }],
        unopenable: [],
        moreUnopenable: false,
      },
    });
    expect(fr('session.next.testsNotReady')).toMatch(/^Tout n’est pas prêt/);
  });

  it('lists a file the stations cannot open that a test could contain, instead of « Tout est prêt »', () => {
    const spreadsheet = report({
      candidates: [{ ...lea, error: null, unopenable: [pptx], moreUnopenable: 0 }],
      bank: { operative: 12, unopenable: [pptx], moreUnopenable: 0 },
    });
    expect(
      nextStep(session(), ready, 12, today, { state: 'loaded', report: spreadsheet }, 'fr-FR'),
    ).toMatchObject({
      step: 'testsNotReady',
      problems: { unbuildable: [], unopenable: [{ ...pptx, candidates: ['Léa MARTIN'] }] },
    });
    // Only in the bank, for no candidate of the session: the session is ready (the page says it apart).
    const elsewhere = report({ bank: { operative: 12, unopenable: [pptx], moreUnopenable: 0 } });
    expect(nextStep(session(), ready, 12, today, { state: 'loaded', report: elsewhere }, 'fr-FR')).toEqual({
      step: 'ready',
    });
  });

  it('reads the page’s resource: loading again, failed, or its report', () => {
    expect(readinessCheck({ data: null, error: null, loading: true })).toEqual({ state: 'loading' });
    expect(readinessCheck({ data: report(), error: null, loading: true })).toEqual({ state: 'loading' });
    expect(readinessCheck({ data: null, error: new Error('down'), loading: false })).toEqual({
      state: 'failed',
    });
    expect(readinessCheck({ data: report(), error: null, loading: false })).toEqual({
      state: 'loaded',
      report: report(),
    });
  });
});
