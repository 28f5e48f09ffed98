// Live regions follow the top-most modal dialog (outside it, Chromium takes them out of what screen
// readers hear). The same two elements are moved (LiveAnnouncer); moved, they start empty: what they
// held was already said and is not said again.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { joinAnnouncements, LiveRegionElements, regionsIn, type LiveRegions } from './announcer.tsx';

const dialog = { tagName: 'DIALOG' } as unknown as Element;
const other = { tagName: 'DIALOG' } as unknown as Element;

describe('live regions', () => {
  it('keep what they say while they stay where they are', () => {
    const regions: LiveRegions = { host: dialog, polite: 'Il reste 15 minutes.', assertive: '' };
    expect(regionsIn(regions, dialog)).toBe(regions);
  });

  it('arrive empty in a dialog that opens, and back in the page when it closes', () => {
    const page: LiveRegions = { host: null, polite: 'Réponse enregistrée.', assertive: 'Test en pause.' };
    expect(regionsIn(page, dialog)).toEqual({ host: dialog, polite: '', assertive: '' });
    const inDialog: LiveRegions = { host: dialog, polite: 'Il reste 5 minutes.', assertive: '' };
    expect(regionsIn(inDialog, null)).toEqual({ host: null, polite: '', assertive: '' });
    expect(regionsIn(inDialog, other)).toEqual({ host: other, polite: '', assertive: '' });
  });

  it('are one polite and one assertive region, each read whole', () => {
    const html = renderToStaticMarkup(<LiveRegionElements polite="Réponse enregistrée." assertive="" />);
    expect(html).toMatch(/role="status" aria-live="polite" aria-atomic="true"[^>]*>Réponse enregistrée\.</);
    expect(html).toMatch(/role="alert" aria-live="assertive" aria-atomic="true"[^>]*><\/div>/);
  });
});

describe('announcements made before the last one was written', () => {
  it('are said together, in order, rather than the last alone', () => {
    const first = joinAnnouncements(null, 'Léa MARTIN : Alerte · question 3.');
    expect(joinAnnouncements(first, 'Tom DURAND : Demande la reprise.')).toBe(
      'Léa MARTIN : Alerte · question 3. Tom DURAND : Demande la reprise.',
    );
    // A sentence without its full stop gets one before the next.
    expect(
      joinAnnouncements('Connexion perdue avec le serveur', 'Léa MARTIN : Attend la confirmation.'),
    ).toBe('Connexion perdue avec le serveur. Léa MARTIN : Attend la confirmation.');
  });

  it('say the same sentence once, and nothing empty', () => {
    expect(joinAnnouncements('Réponse enregistrée.', 'Réponse enregistrée.')).toBe('Réponse enregistrée.');
    expect(joinAnnouncements('Réponse enregistrée.', '')).toBe('Réponse enregistrée.');
    expect(joinAnnouncements('', 'Il reste 5 minutes.')).toBe('Il reste 5 minutes.');
  });
});
