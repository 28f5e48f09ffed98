// Entry point of the centre back office, served by the certification server at /centre/.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../shared/i18n/i18n.ts';
import '../shared/tokens.css';
import '../shared/brand.css';
import '../shared/desk-app.css';
import { BackOfficeApp } from './backoffice-app.tsx';
import { addBackOfficeMessages } from './i18n/use-t.ts';
import { AuthProvider } from './state/auth.tsx';
import './backoffice.css';

const i18n = addBackOfficeMessages(createI18n('fr'));

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <AuthProvider>
          <BackOfficeApp />
        </AuthProvider>
      </I18nextProvider>
    </StrictMode>,
  );
}
