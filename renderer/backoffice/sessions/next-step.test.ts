import { describe, expect, it } from 'vitest';
import type { Candidate, CentreSession } from '../api/centre-client.ts';
import { createI18n } from '../../shared/i18n/i18n.ts';
import { addBackOfficeMessages, translator } from '../i18n/use-t.ts';
import { nextStep } from './next-step.ts';

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
    profile: withProfile
      ? { competences: [], validatedSkills: 0, answeredChallenges: 0, importedAt: '2026-11-01T00:00:00Z' }
      : null,
    certifiable,
  }) as Candidate;

describe('the next step of a session', () => {
  it('asks for what is missing first: candidates, profiles, the bank; then says it is ready', () => {
    expect(nextStep(session(), [], 10, today)).toEqual({ step: 'noCandidates' });
    expect(nextStep(session(), [candidate(true), candidate(false), candidate(false)], 10, today)).toEqual({
      step: 'noProfiles',
      count: 2,
    });
    expect(nextStep(session(), [candidate(true)], 0, today)).toEqual({ step: 'noBank' });
    expect(nextStep(session(), [candidate(true)], null, today)).toEqual({ step: 'ready' });
    expect(nextStep(session(), [candidate(true)], 12, today)).toEqual({ step: 'ready' });
  });

  it('asks for fuller profiles (or the candidates removed) when some are not certifiable, once all have one', () => {
    const thin = candidate(true, false);
    expect(nextStep(session(), [candidate(true), thin, thin], 12, today)).toEqual({
      step: 'notCertifiable',
      count: 2,
    });
    // The missing profiles first: they are asked for before.
    expect(nextStep(session(), [candidate(false), thin], 12, today)).toEqual({
      step: 'noProfiles',
      count: 1,
    });
    expect(nextStep(session(), [thin], 0, today)).toEqual({ step: 'notCertifiable', count: 1 });
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
    expect(nextStep(session({ date: today, counts }), [candidate(true)], 12, today)).toEqual({
      step: 'inProgress',
      count: 2,
    });
    expect(
      nextStep(session({ date: today, counts: { ...counts, running: 0 } }), [candidate(true)], 12, today),
    ).toEqual({ step: 'finalize' });
  });

  it('after the exam: finalize, then publish, then nothing but the certificates', () => {
    expect(nextStep(session({ date: '2026-11-30' }), [candidate(true)], 12, today)).toEqual({
      step: 'finalize',
    });
    expect(nextStep(session({ state: 'processed' }), [], 12, today)).toEqual({ step: 'publish' });
    expect(
      nextStep(session({ state: 'processed', publishedAt: '2026-12-09T10:00:00Z' }), [], 12, today),
    ).toEqual({ step: 'published' });
  });
});
