// A failure is said once: as an alert, or by its caller (who names what failed) without the alert role.
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../shared/i18n/i18n.ts';
import { ApiFailure } from '../api/centre-client.ts';
import { addBackOfficeMessages } from '../i18n/use-t.ts';
import { ErrorNotice } from './page.tsx';

function notice(announced: boolean): string {
  return renderToStaticMarkup(
    <I18nextProvider i18n={addBackOfficeMessages(createI18n('fr'))}>
      <ErrorNotice failure={new ApiFailure(0, 'NETWORK', 'Failed to fetch')} announced={announced} />
    </I18nextProvider>,
  );
}

describe('the error notice', () => {
  it('is an alert, unless its caller announces the failure itself', () => {
    expect(notice(false)).toContain('role="alert"');
    expect(notice(true)).not.toContain('role="alert"');
    expect(notice(true)).toContain('data-code="NETWORK"');
  });
});
