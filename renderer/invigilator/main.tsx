// Entry point of the invigilator screen, served by the certification server at /invigilator/.
import './zod-jitless.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../shared/i18n/i18n.ts';
import '../shared/tokens.css';
import '../shared/brand.css';
import '../shared/desk-app.css';
import { createInvigilatorClient } from './api/invigilator-client.ts';
import { addInvigilatorMessages } from './i18n/use-t.ts';
import { InvigilatorApp } from './invigilator-app.tsx';
import { ClientProvider } from './state/room-context.tsx';
import './invigilator.css';

const i18n = addInvigilatorMessages(createI18n('fr'));
const client = createInvigilatorClient();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <ClientProvider client={client}>
          <InvigilatorApp />
        </ClientProvider>
      </I18nextProvider>
    </StrictMode>,
  );
}
