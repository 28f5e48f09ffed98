// An image of the question's text the station does not show: the candidate reads what it showed and
// what to do if it is needed to answer.
import { describe, expect, it } from 'vitest';
import { en } from '../../shared/i18n/en.ts';
import { fr } from '../../shared/i18n/fr.ts';
import { renderScreen } from '../testing/render-screen.tsx';
import { useMissingImageWords } from './missing-image.ts';

function Words({ alt }: { alt: string }) {
  return <>{useMissingImageWords()(alt)}</>;
}

describe('the words for an image not shown', () => {
  it('say what it showed and to report a problem if it is needed to answer', () => {
    expect(renderScreen(<Words alt="Logo du CDI" />)).toBe(
      '(image non affichée : Logo du CDI. Si elle vous manque pour répondre, cliquez sur « Signaler un problème ».)',
    );
    expect(renderScreen(<Words alt="Logo du CDI" />, 'en')).toBe(
      '(image not shown: Logo du CDI. If you need it to answer, click “Report a problem”.)',
    );
  });

  it('say what to do even when the image has no description', () => {
    expect(renderScreen(<Words alt="" />)).toBe(
      '(image non affichée. Si elle vous manque pour répondre, cliquez sur « Signaler un problème ».)',
    );
    expect(renderScreen(<Words alt="" />, 'en')).toBe(
      '(image not shown. If you need it to answer, click “Report a problem”.)',
    );
  });

  it('name the button the candidate sees', () => {
    expect(renderScreen(<Words alt="x" />)).toContain(`« ${fr.test.report} »`);
    expect(renderScreen(<Words alt="x" />, 'en')).toContain(`“${en.test.report}”`);
  });
});
