import { describe, expect, it } from 'vitest';
import { lockdownEventData } from './lockdown-detail.ts';

describe('the detail shown after a lockdown event’s label', () => {
  it('is never the station’s sentence, which repeats the label (in French only)', () => {
    expect(lockdownEventData({ event: 'focusLost', detail: 'another window took the focus' })).toBeNull();
    expect(
      lockdownEventData({
        event: 'suspend',
        detail: 'L’ordinateur s’est mis en veille : le test est suspendu.',
      }),
    ).toBeNull();
    expect(
      lockdownEventData({ event: 'uncleanExit', detail: 'La station ne s’était pas arrêtée normalement.' }),
    ).toBeNull();
  });

  it('keeps the data: the forbidden software, the display', () => {
    expect(
      lockdownEventData({
        event: 'forbiddenProcess',
        detail:
          'Logiciel interdit en cours d’exécution : AnyDesk (anydesk.exe, prise de main à distance). Le test est suspendu.',
      }),
    ).toBe('AnyDesk (anydesk.exe, prise de main à distance)');
    expect(
      lockdownEventData({
        event: 'displayAdded',
        detail: 'Écran branché : DELL U2419H (1920×1080). Il est recouvert par un écran vide.',
      }),
    ).toBe('DELL U2419H (1920×1080)');
    expect(
      lockdownEventData({ event: 'displayRemoved', detail: 'Écran débranché : écran 2 (1280×720).' }),
    ).toBe('écran 2 (1280×720)');
  });

  it('says whole the sentences that tell what the label cannot: a station to change, a time away', () => {
    const crash = 'L’écran du test a planté. Il plante de façon répétée : le poste doit être changé.';
    expect(lockdownEventData({ event: 'rendererCrashed', detail: crash })).toBe(crash);
    expect(lockdownEventData({ event: 'focusRegained', detail: 'Retour dans le test après 42 s.' })).toBe(
      'Retour dans le test après 42 s.',
    );
    expect(lockdownEventData({ event: 'rendererCrashed', detail: '  ' })).toBeNull();
  });

  it('drops a detail that does not have the station’s form', () => {
    expect(lockdownEventData({ event: 'forbiddenProcess', detail: 'anything at all' })).toBeNull();
    expect(lockdownEventData({ event: 'displayAdded', detail: '' })).toBeNull();
  });
});
