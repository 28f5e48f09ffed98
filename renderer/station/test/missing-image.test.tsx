// An image of the question's text the station does not show: marked briefly where it was, with what it
// showed; what to do if it is needed to answer is said once for the question (challenge-view.test.tsx).
// How many there are is counted from the sanitized HTML, which needs a DOM: e2e/missing-image-count.e2e.ts.
import { describe, expect, it } from 'vitest';
import { en } from '../../shared/i18n/en.ts';
import { fr } from '../../shared/i18n/fr.ts';
import { renderScreen } from '../testing/render-screen.tsx';
import { useMissingImageWords } from './missing-image.ts';

function Words({ alt }: { alt: string }) {
  return <>{useMissingImageWords()(alt)}</>;
}

describe('the words for an image not shown', () => {
  it('say briefly what it showed, without the advice the question says once', () => {
    expect(renderScreen(<Words alt="Logo du CDI" />)).toBe('(image non affichée : Logo du CDI)');
    expect(renderScreen(<Words alt="Logo du CDI" />, 'en')).toBe('(image not shown: Logo du CDI)');
    expect(renderScreen(<Words alt="Logo du CDI" />)).not.toContain(fr.test.report);
    expect(renderScreen(<Words alt="Logo du CDI" />, 'en')).not.toContain(en.test.report);
  });

  it('say that an image is missing even when it has no description', () => {
    expect(renderScreen(<Words alt="" />)).toBe('(image non affichée)');
    expect(renderScreen(<Words alt="" />, 'en')).toBe('(image not shown)');
  });
});
