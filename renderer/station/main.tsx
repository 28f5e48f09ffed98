// Entry point of the candidate screens. The StationApi is `window.station`, exposed by the preload in
// Electron and by the harness (exposeBinding) in browser tests and the browser demo.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../shared/i18n/i18n.ts';
import '../shared/tokens.css';
import '../shared/brand.css';
import { StationApp } from './station-app.tsx';
import { StationProvider } from './state/station-context.tsx';
import { createStationStore } from './state/station-store.ts';
import { unavailableStation } from './unavailable-station.ts';
import './station.css';

const i18n = createI18n('fr');
const api = window.station ?? unavailableStation(i18n.t('home.noStation'));
const store = createStationStore(api);

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
