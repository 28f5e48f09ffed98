// Entry point of the public certificate check, served by the certification server at /verification/.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../shared/i18n/i18n.ts';
import '../shared/tokens.css';
import '../shared/brand.css';
import '../shared/desk-app.css';
import { addVerifyMessages } from './i18n/use-t.ts';
import { VerifyApp } from './verify-app.tsx';
import './verify.css';

const i18n = addVerifyMessages(createI18n('fr'));

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <VerifyApp />
      </I18nextProvider>
    </StrictMode>,
  );
}
