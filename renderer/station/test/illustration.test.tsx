// An illustration that cannot be shown: its description, and what to do. While a report of the question
// is pending, « Signaler un problème » is disabled: the words must not send the pupil to it.
import { describe, expect, it } from 'vitest';
import { en } from '../../shared/i18n/en.ts';
import { fr } from '../../shared/i18n/fr.ts';
import { renderScreen } from '../testing/render-screen.tsx';
import { MissingIllustration } from './illustration.tsx';

/** The screen's text has its no-break spaces read as spaces (renderScreen). */
const plain = (text: string) => text.replace(/\s+/g, ' ');

describe('an illustration that cannot be shown', () => {
  it('gives its description and says to report it if it is needed', () => {
    const french = renderScreen(<MissingIllustration alt="Carte du réseau" reported={false} />);
    expect(french).toContain(plain(fr.test.illustrationMissing));
    expect(french).toContain('Carte du réseau');
    expect(french).toContain('cliquez sur');
    expect(renderScreen(<MissingIllustration alt="Carte" reported={false} />, 'en')).toContain(
      en.test.illustrationMissing,
    );
  });

  it('once the question is reported, says to tell the invigilator instead of pointing at the disabled button', () => {
    const french = renderScreen(<MissingIllustration alt="Carte du réseau" reported />);
    expect(french).toContain(plain(fr.test.illustrationMissingReported));
    expect(french).toContain('Carte du réseau');
    expect(french).not.toContain('cliquez sur');
    const english = renderScreen(<MissingIllustration alt="Carte" reported />, 'en');
    expect(english).toContain(plain(en.test.illustrationMissingReported));
    expect(english).not.toContain('click');
  });
});
