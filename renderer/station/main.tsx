// Entry point of the candidate screens. The StationApi is `window.station`, exposed by the preload in
// Electron and by the harness (exposeBinding) in browser tests and the browser demo.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../shared/i18n/i18n.ts';
import '../shared/tokens.css';
import '../shared/brand.css';
import { StationApp } from './station-app.tsx';
import { keepCandidateLanguage, keptLanguage, sessionStore } from './state/candidate-language.ts';
import { StationProvider } from './state/station-context.tsx';
import { createStationStore } from './state/station-store.ts';
import { unavailableStation } from './unavailable-station.ts';
import './station.css';

// The candidate's language survives a reload of the screens, not the return home (candidate-language.ts).
const languageStorage = sessionStore();
const i18n = createI18n(keptLanguage(languageStorage));
const api = window.station ?? unavailableStation(i18n.t('home.noStation'));
const store = createStationStore(api);
const followPhase = keepCandidateLanguage(i18n, languageStorage);
store.subscribe((state) => followPhase(state.status?.exam.phase ?? null));

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <StationProvider api={api} store={store}>
          <StationApp />
        </StationProvider>
      </I18nextProvider>
    </StrictMode>,
  );
}
