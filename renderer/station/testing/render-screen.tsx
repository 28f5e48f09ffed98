// Test helpers: a station status to tweak, and a screen rendered to HTML in French or English, with
// the shared i18n instance, a StationApi that is never called and, when given, what the store holds.
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import type { ExamView, StationApi, StationStatus } from '../../../core/contracts/station-api.ts';
import { createI18n, type Language } from '../../shared/i18n/i18n.ts';
import { StationProvider } from '../state/station-context.tsx';
import { createStationStore, type StationState } from '../state/station-store.ts';

export function stationStatus(
  exam: Partial<ExamView> = {},
  station: Partial<StationStatus['station']> = {},
): StationStatus {
  return {
    station: {
      id: 'st-1',
      name: 'Poste 07',
      centreName: 'Collège Jean Moulin',
      enrolled: true,
      online: true,
      ready: true,
      notReadyReason: null,
      notReadyCode: null,
      ...station,
    },
    exam: {
      phase: 'inProgress',
      candidate: {
        firstName: 'Léa',
        lastName: 'Martin',
        extraTimePercentage: 0,
        accessibilityAdjustment: false,
      },
      session: null,
      progress: { current: 0, answered: 0, total: 32 },
      timeLeftMs: 60 * 60_000,
      allowedMs: 105 * 60_000,
      pause: null,
      endReason: null,
      alertPending: false,
      alertSent: false,
      challengeTimerLeftMs: null,
      currentFocusLost: false,
      preparation: 'none',
      upload: 'notStarted',
      movedElsewhere: null,
      endSummary: null,
      ...exam,
    },
  };
}

const unusedApi = new Proxy({} as StationApi, {
  get: (_target, name) => (name === 'onEvent' ? () => () => undefined : () => new Promise(() => undefined)),
});

/** The screen's HTML, in `language`, the store holding `state`. */
export function renderHtml(
  screen: ReactNode,
  language: Language = 'fr',
  state: Partial<StationState> = {},
): string {
  const created = createStationStore(unusedApi);
  created.setState(state);
  // Rendered on the "server", zustand reads the store's initial state: here, the state given.
  const store = { ...created, getInitialState: created.getState };
  return renderToStaticMarkup(
    <I18nextProvider i18n={createI18n(language)}>
      <StationProvider api={unusedApi} store={store}>
        {screen}
      </StationProvider>
    </I18nextProvider>,
  );
}

/** The screen's text as the candidate reads it (tags stripped), in `language`, the store holding `state`. */
export function renderScreen(
  screen: ReactNode,
  language: Language = 'fr',
  state: Partial<StationState> = {},
): string {
  return renderHtml(screen, language, state)
    .replace(/<[^>]+>/g, ' ')
    .replaceAll('&#x27;', "'")
    .replaceAll('&quot;', '"')
    .replaceAll('&amp;', '&')
    .replace(/\s+/g, ' ')
    .trim();
}
