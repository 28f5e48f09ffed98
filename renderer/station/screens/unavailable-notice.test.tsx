// When the station's status cannot be read, the screen says it once, and does not promise what the
// page cannot do (opened outside the station app, it will never be ready).
import { describe, expect, it } from 'vitest';
import { renderScreen } from '../testing/render-screen.tsx';
import { UnavailableNotice } from './unavailable-notice.tsx';

const NOT_READY = { code: 'STATION_NOT_READY', message: 'not enrolled' } as const;

function occurrences(text: string, sentence: string): number {
  return text.split(sentence).length - 1;
}

describe('UnavailableNotice', () => {
  it('says the station is not ready once, then what to do', () => {
    const fr = renderScreen(<UnavailableNotice error={NOT_READY} bridged />);
    expect(occurrences(fr, 'Ce poste n’est pas prêt pour le moment.')).toBe(1);
    expect(occurrences(fr, 'Prévenez le surveillant')).toBe(1);
    expect(fr).toContain('Ce message disparaîtra tout seul quand le poste sera prêt.');
    const en = renderScreen(<UnavailableNotice error={NOT_READY} bridged />, 'en');
    expect(occurrences(en, 'This station is not ready yet.')).toBe(1);
  });

  it('says the station keeps trying after another failure, without the station’s words', () => {
    const fr = renderScreen(
      <UnavailableNotice error={{ code: 'INTERNAL', message: 'ipc timeout' }} bridged />,
    );
    expect(fr).toContain('Le poste a rencontré un problème en démarrant : il réessaie tout seul.');
    expect(fr).not.toContain('ipc');
    expect(fr).not.toContain('Réessayez');
  });

  it('does not promise the message goes away outside the station app', () => {
    const fr = renderScreen(<UnavailableNotice error={NOT_READY} bridged={false} />);
    expect(fr).toContain('Cette page doit être ouverte dans l’application du poste de certification.');
    expect(fr).not.toContain('disparaîtra tout seul');
  });
});
