// The back office names a session's candidates from the provider the screen gives: a part that names
// candidates outside it fails loudly, instead of naming one of two « Jade MOREAU » without her birthdate.
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../shared/i18n/i18n.ts';
import { addBackOfficeMessages } from '../i18n/use-t.ts';
import { useCandidateListName, useCandidateName } from './candidate-names.tsx';
import { IncidentReports } from './incident-reports.tsx';
import { jade1, withNamesakes } from './namesake-fixtures.tsx';

function Named() {
  return <>{useCandidateName()(jade1)}</>;
}
function Listed() {
  return <>{useCandidateListName()(jade1)}</>;
}
const render = (node: React.ReactNode) =>
  renderToStaticMarkup(
    <I18nextProvider i18n={addBackOfficeMessages(createI18n('fr'))}>{node}</I18nextProvider>,
  );

describe('the names of a session’s candidates in the back office', () => {
  it('are those of the screen’s session: a namesake with her birthdate, in both forms', () => {
    expect(render(withNamesakes(<Named />))).toBe('Jade MOREAU (08/09/2011)');
    expect(render(withNamesakes(<Listed />))).toBe('MOREAU Jade (08/09/2011)');
  });

  it('cannot be given outside a session: the part fails rather than name a namesake without her birthdate', () => {
    expect(() => render(<Named />)).toThrow(/outside CandidateNamesProvider/);
    expect(() => render(<Listed />)).toThrow(/outside CandidateNamesProvider/);
  });

  it('are the page’s in the incident reports too, even when their own list holds one namesake only', () => {
    const html = render(
      withNamesakes(
        <IncidentReports
          candidates={[{ ...jade1, id: jade1.candidateId }]}
          incidents={[]}
          onReport={() => Promise.reject(new Error('not in this test'))}
          onWithdraw={() => Promise.resolve()}
        />,
      ),
    );
    expect(html).toContain(`<option value="${jade1.candidateId}">MOREAU Jade (08/09/2011)</option>`);
  });
});
