// A reported problem, offline: the note at the top and the notice above the question give the same
// order; the report dialog does not promise the invigilator's visit the station cannot ask for; and a
// withdrawn report says so on screen, as the invigilator's decisions do.
import { describe, expect, it, vi } from 'vitest';
import type { CurrentChallenge } from '../../../core/contracts/station-api.ts';
import { ConnectionIndicator } from '../connection-indicator.tsx';
import { renderScreen, stationStatus } from '../testing/render-screen.tsx';
import { ChallengeView, ReportConsequence } from './challenge-view.tsx';
import type * as MissingImage from './missing-image.ts';

// The question's text needs a DOM to be sanitized; it is not what these tests read. Nor is how many of
// its images are not shown (counted from the sanitized HTML: e2e/missing-image-count.e2e.ts): here each
// Markdown image of the texts the question shows counts as one.
vi.mock('../../shared/markdown/markdown-view.tsx', () => ({ MarkdownView: () => null }));
vi.mock('./missing-image.ts', async (importOriginal) => ({
  ...(await importOriginal<typeof MissingImage>()),
  missingImageCount: (texts: readonly (string | undefined)[]) => texts.join('\n').split('![').length - 1,
}));

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

describe('the images of a question not shown', () => {
  const QROCM: CurrentChallenge = {
    ...CURRENT,
    challenge: {
      ...CURRENT.challenge,
      type: 'QROCM-ind',
      choices: undefined,
      instruction: 'Regardez le logo : ![Logo du CDI](https://cdi.example/logo.png)',
      proposals:
        '- ![Affiche du club](https://club.example/a.png) ${p1}\n- ![Affiche du foyer](https://foyer.example/b.png) ${p2}',
      fields: [
        { kind: 'text', name: 'p1' },
        { kind: 'text', name: 'p2' },
      ],
    },
  };
  const running = { status: stationStatus(), online: true };
  const view = (current: CurrentChallenge) => <ChallengeView current={current} onLink={() => undefined} />;
  const times = (text: string, part: string) => text.split(part).length - 1;

  it('says what to do once for the question, however many of its images (text and proposals) are missing', () => {
    const text = renderScreen(view(QROCM), 'fr', running);
    expect(times(text, 'vous manque pour répondre')).toBe(1);
    expect(text).toContain(
      '3 images de la question ne sont pas affichées. Si l’une d’elles vous manque pour répondre, cliquez sur « Signaler un problème ».',
    );
    expect(renderScreen(view(QROCM), 'en', running)).toContain(
      '3 images of the question are not shown. If you need one of them to answer, click “Report a problem”.',
    );
    const one = { ...QROCM, challenge: { ...QROCM.challenge, proposals: '${p1} ${p2}' } };
    expect(renderScreen(view(one), 'fr', running)).toContain(
      'Une image de la question n’est pas affichée. Si elle vous manque pour répondre, cliquez sur « Signaler un problème ».',
    );
  });

  it('says nothing of images when all are shown, nor of proposals a QCU does not show', () => {
    expect(renderScreen(view(CURRENT), 'fr', running)).not.toContain('affichée');
    const qcu = {
      ...CURRENT,
      challenge: { ...CURRENT.challenge, proposals: '![Affiche](https://x.example/a.png)' },
    };
    expect(renderScreen(view(qcu), 'fr', running)).not.toContain('affichée');
  });
});

describe('where and how the images not shown are said', () => {
  const withImage: CurrentChallenge = {
    ...CURRENT,
    challenge: {
      ...CURRENT.challenge,
      instruction: 'Quel jour se réunit le club ? ![Affiche du club](https://club.example/a.png)',
      attachments: [{ hash: 'b'.repeat(64), fileName: 'planning.csv', mediaType: 'text/csv', size: 2048 }],
    },
  };
  const view = <ChallengeView current={withImage} onLink={() => undefined} />;
  const note = 'Une image de la question n’est pas affichée.';

  it('says it right after the question’s text, before its files and its answers (on screen at 1366×768)', () => {
    const text = renderScreen(view, 'fr', { status: stationStatus(), online: true });
    expect(text).toContain(note);
    expect(text.indexOf(note)).toBeLessThan(text.indexOf('planning.csv'));
    expect(text.indexOf(note)).toBeLessThan(text.indexOf('Le lundi'));
    expect(text.indexOf(note)).toBeLessThan(text.indexOf('Valider'));
  });

  it('does not send the candidate to « Signaler un problème » while a report is pending (the button is disabled)', () => {
    for (const online of [true, false]) {
      const status = stationStatus({ alertPending: true, alertSent: online }, { online });
      const text = renderScreen(view, 'fr', { status, online });
      expect(text).toContain(
        'Une image de la question n’est pas affichée. Vous avez signalé un problème : quand le surveillant viendra vous voir, dites-lui si elle vous manque pour répondre.',
      );
      // (the screen's text, its no-break spaces read as spaces)
      expect(text).not.toContain('cliquez sur');
      const english = renderScreen(view, 'en', { status, online });
      expect(english).toContain(
        'An image of the question is not shown. You have reported a problem: when the invigilator comes to see you, tell them if you need it to answer.',
      );
      expect(english).not.toContain('click “Report a problem”');
    }
  });
});

describe('what a candidate is told when a question is lost through no fault of theirs', () => {
  const view = (current: CurrentChallenge) => <ChallengeView current={current} onLink={() => undefined} />;
  const timedOut: CurrentChallenge = { ...CURRENT, timerLeftMs: 0 };
  const withExtraTime = (extraTimePercentage: number) =>
    stationStatus({
      candidate: {
        firstName: 'Hugo',
        lastName: 'Petit',
        extraTimePercentage,
        accessibilityAdjustment: false,
      },
    });

  it('tells an extra-time candidate the question’s timer is not lengthened, and that a report is the way', () => {
    const text = renderScreen(view(timedOut), 'fr', { status: withExtraTime(30), online: true });
    expect(text).toContain('Le temps de cette question est écoulé.');
    expect(text).toContain(
      'Vous avez un temps majoré, mais le temps de cette question n’est pas allongé. S’il ne vous a pas suffi, cliquez sur « Signaler un problème ».',
    );
    expect(renderScreen(view(timedOut), 'en', { status: withExtraTime(30), online: true })).toContain(
      'You have extra time, but this question’s time is not extended. If it was not enough, click “Report a problem”.',
    );
  });

  it('says nothing of extra time to a candidate who has none, nor before the timer runs out', () => {
    expect(renderScreen(view(timedOut), 'fr', { status: withExtraTime(0), online: true })).not.toContain(
      'temps majoré',
    );
    const running = { ...CURRENT, timerLeftMs: 120_000 };
    expect(renderScreen(view(running), 'fr', { status: withExtraTime(30), online: true })).not.toContain(
      'temps majoré',
    );
  });

  it('tells a candidate who left a focused question that a report is the way if they did not leave it', () => {
    const left: CurrentChallenge = {
      ...CURRENT,
      focusLost: true,
      challenge: { ...CURRENT.challenge, focused: true },
    };
    const text = renderScreen(view(left), 'fr', { status: stationStatus(), online: true });
    expect(text).toContain('Vous avez quitté la question.');
    expect(text).toContain(
      'Si vous ne l’avez pas quittée vous-même (une fenêtre s’est ouverte toute seule), cliquez sur « Signaler un problème ».',
    );
    expect(renderScreen(view(left), 'en', { status: stationStatus(), online: true })).toContain(
      'If you did not leave it yourself (a window opened by itself), click “Report a problem”.',
    );
  });
});
