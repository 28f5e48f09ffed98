// A reported problem, offline: the note at the top and the notice above the question give the same
// order; the report dialog does not promise the invigilator's visit the station cannot ask for; and a
// withdrawn report says so on screen, as the invigilator's decisions do.
import { describe, expect, it, vi } from 'vitest';
import type { CurrentChallenge } from '../../../core/contracts/station-api.ts';
import { ConnectionIndicator } from '../connection-indicator.tsx';
import { renderScreen, stationStatus } from '../testing/render-screen.tsx';
import { ChallengeView, ReportConsequence } from './challenge-view.tsx';

// The question's text needs a DOM to be sanitized; it is not what these tests read.
vi.mock('../../shared/markdown/markdown-view.tsx', () => ({ MarkdownView: () => null }));

const CURRENT: CurrentChallenge = {
  index: 2,
  total: 10,
  challenge: {
    id: 'c3',
    competence: '1.1',
    skill: '@rechercheWeb1',
    type: 'QCU',
    instruction: 'Quel jour se réunit le club ?',
    choices: [
      { id: '1', text: 'Le lundi' },
      { id: '2', text: 'Le mercredi' },
    ],
    attachments: [],
    focused: false,
    format: 'texte',
    shuffled: false,
    locale: 'fr-fr',
  },
  choiceOrder: ['1', '2'],
  draft: null,
  timerLeftMs: null,
  focusLost: false,
};

function screen(alertSent: boolean, language: 'fr' | 'en' = 'fr') {
  const status = stationStatus({ alertPending: true, alertSent }, { online: false });
  return renderScreen(
    <>
      <ConnectionIndicator />
      <ChallengeView current={CURRENT} onLink={() => undefined} />
    </>,
    language,
    { status, online: false },
  );
}

describe('a question frozen by a report, offline', () => {
  it('tells, at the top as in the notice, to raise a hand or cancel the report that has not left', () => {
    const text = screen(false);
    expect(text).toContain(
      'Hors connexion — Question bloquée par votre signalement : levez la main, ou annulez-le pour continuer.',
    );
    expect(text).toContain('annulez votre signalement : la question se débloque');
    expect(text).toContain('Annuler mon signalement');
    // Never "blocked until the connection is back": the candidate can unblock it now.
    expect(text).not.toContain('jusqu’au retour de la connexion');
    expect(screen(false, 'en')).toContain(
      'Question blocked by your report: raise your hand, or cancel it to go on.',
    );
  });

  it('says only the invigilator unblocks a report they received, without offering to cancel it', () => {
    const text = screen(true);
    expect(text).toContain(
      'Question bloquée par votre signalement : levez la main. La décision du surveillant arrivera au retour de la connexion.',
    );
    expect(text).toContain('Le surveillant a été prévenu');
    expect(text).not.toContain('annul');
  });
});

describe('the report dialog', () => {
  it('promises the invigilator online, and offline says to call them', () => {
    expect(renderScreen(<ReportConsequence />, 'fr', { online: true })).toBe(
      'Le surveillant viendra voir. En attendant, la question sera bloquée.',
    );
    const offline = renderScreen(<ReportConsequence />, 'fr', { online: false });
    expect(offline).not.toContain('viendra voir');
    expect(offline).toContain('ne verra votre signalement qu’au retour de la connexion');
    expect(offline).toContain('Levez la main pour l’appeler.');
    expect(renderScreen(<ReportConsequence />, 'en', { online: false })).toContain(
      'the invigilator will only see your report when the connection is back. Raise your hand',
    );
  });
});

describe('a withdrawn report', () => {
  it('is said on screen above the question it unfroze, and not on another one', () => {
    const state = {
      status: stationStatus({}, { online: false }),
      online: false,
      alertOutcome: { challengeId: 'c3', decision: 'withdrawn' as const },
    };
    const view = <ChallengeView current={CURRENT} onLink={() => undefined} />;
    expect(renderScreen(view, 'fr', state)).toContain(
      'Signalement annulé : vous pouvez répondre à cette question.',
    );
    expect(renderScreen(view, 'en', state)).toContain('Report cancelled: you can answer this question.');
    const elsewhere = { ...state, alertOutcome: { challengeId: 'c2', decision: 'withdrawn' as const } };
    expect(renderScreen(view, 'fr', elsewhere)).not.toContain('Signalement annulé');
  });
});
