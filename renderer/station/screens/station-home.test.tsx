// Why the station is not ready is said from its code, in the candidate's language, with what to do.
import { describe, expect, it } from 'vitest';
import type { NotReadyCode } from '../../../core/contracts/station-api.ts';
import { renderScreen, stationStatus } from '../testing/render-screen.tsx';
import { StationHome } from './station-home.tsx';

function home(notReadyCode: NotReadyCode, notReadyReason: string, language: 'fr' | 'en' = 'fr'): string {
  const status = stationStatus({ phase: 'idle' }, { ready: false, notReadyCode, notReadyReason });
  return renderScreen(<StationHome status={status} onStart={() => undefined} />, language);
}

describe('StationHome when the station is not ready', () => {
  it('translates the reason and never shows the station’s own sentence', () => {
    const reason = 'ce poste n’est pas encore inscrit auprès du serveur de certification';
    const fr = home('notEnrolled', reason);
    expect(fr).toContain(
      'Ce poste n’est pas prêt pour le moment. Ce poste n’est pas encore inscrit auprès du serveur de certification. Prévenez le surveillant de la salle.',
    );
    expect(fr).not.toContain('Raison');
    const en = home('notEnrolled', reason, 'en');
    expect(en).toContain('This station is not enrolled with the certification server yet.');
    expect(en).not.toContain(reason);
  });

  it('says who must enroll a station that is not enrolled and does not enroll itself', () => {
    const fr = home('notEnrolled', 'x');
    expect(fr).toContain('Le référent Pix ou le service informatique doit inscrire ce poste.');
    expect(fr).not.toContain('disparaîtra tout seul');
    expect(home('notEnrolled', 'x', 'en')).toContain(
      'The Pix referent or the IT department must enroll this station.',
    );
  });

  it('says a station enrolling with its settings’ code will be ready by itself', () => {
    const fr = home('enrolling', 'x');
    expect(fr).toContain('Ce poste s’inscrit auprès du serveur de certification');
    expect(fr).toContain('Ce message disparaîtra tout seul quand le poste sera prêt.');
    expect(fr).not.toContain('doit inscrire ce poste');
    expect(home('enrolling', 'x', 'en')).toContain('This station is enrolling with the certification server');
  });

  it('says that a revoked station never becomes ready by itself, and who must enroll it again', () => {
    const fr = home('stationRevoked', 'x');
    expect(fr).toContain(
      'Ce message ne disparaîtra pas tout seul : le référent Pix ou le service informatique doit inscrire ce poste à nouveau.',
    );
    expect(home('stationRevoked', 'x', 'en')).toContain(
      'This message will not go away by itself: the Pix referent or the IT department must enroll this station again.',
    );
  });

  it('keeps « goes away by itself » for the reasons that may clear by themselves', () => {
    expect(home('stationFault', 'x')).toContain('Ce message disparaîtra tout seul quand le poste sera prêt.');
    expect(home('somethingNew' as NotReadyCode, 'x', 'en')).toContain(
      'This message goes away by itself when the station is ready.',
    );
  });

  it('says the journal fault plainly, without its technical detail', () => {
    const fr = home('stationFault', 'le journal de ce poste est endommagé (hash mismatch at seq 5)');
    expect(fr).toContain('Ce poste a un problème technique : il ne peut pas accueillir de candidat.');
    expect(fr).not.toContain('hash');
  });

  it('says the server no longer accepts the station (unknown or revoked)', () => {
    const fr = home('stationRevoked', 'le serveur de certification ne connaît pas ce poste');
    expect(fr).toContain('Le serveur de certification n’accepte plus ce poste (inconnu ou retiré)');
    expect(home('stationRevoked', 'x', 'en')).toContain('no longer accepts this station');
  });

  it('falls back to a general reason for a code it does not know', () => {
    const fr = home('somethingNew' as NotReadyCode, 'raison interne');
    expect(fr).toContain(
      'Ce poste doit être vérifié avant d’accueillir un candidat. Prévenez le surveillant',
    );
  });
});
