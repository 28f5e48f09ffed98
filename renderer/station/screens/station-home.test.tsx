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
