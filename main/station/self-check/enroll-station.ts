// Enrolling a station from IT's command line (`--enroll CODE`, `npm run station:enroll`): the station's
// own services do it (key created on first run, registered with the centre's one-time code, enrollment
// remembered), and the outcome is said in French with an exit code deployment scripts can test.
import type { Attachment } from '../../../core/challenge/challenge.ts';
import type { BrowserState, StationResult } from '../../../core/contracts/station-api.ts';
import type { KeyStore } from '../identity/key-store.ts';
import type { ServerFailure } from '../runtime/ports.ts';
import type { ChallengeBrowser } from '../station-handlers.ts';
import { RESULTS_OF_ANOTHER_SERVER, createStationServices, type SyncState } from '../station-services.ts';
import type { FetchLike } from '../sync/server-connection.ts';

/** 0 enrolled; 1 server unreachable (try again later); 2 code refused; 3 nothing to enroll with. */
export const ENROLL_EXIT_CODES = { enrolled: 0, unreachable: 1, refused: 2, unusable: 3 } as const;

export interface EnrollOutcome {
  exitCode: number;
  /** What to print (French), ending with the station id when enrolled. */
  text: string;
  stationId: string | null;
}

/** No browsing happens while enrolling: the challenge browser is never shown. */
const NO_BROWSER: ChallengeBrowser = {
  navigate: () => Promise.resolve(noBrowser()),
  back: () => Promise.resolve(noBrowser()),
  forward: () => Promise.resolve(noBrowser()),
  reload: () => Promise.resolve(noBrowser()),
  home: () => Promise.resolve(noBrowser()),
  setBounds: () => undefined,
};
function noBrowser(): StationResult<BrowserState> {
  return { ok: false, error: { code: 'STATION_NOT_READY', message: 'no browser while enrolling' } };
}

/**
 * What IT reads when the enrollment is refused, and the exit code of the command line. `waiting`: the
 * results the station keeps for another server (SyncState), which it names.
 */
export function enrollmentRefusal(
  failure: ServerFailure,
  waiting: SyncState['resultsOfOtherServers'] = [],
): { exitCode: number; why: string } {
  if (failure.code === RESULTS_OF_ANOTHER_SERVER) {
    const servers = waiting.map((w) => `${w.serverUrl} (${w.testIds.length} épreuve(s))`).join(', ');
    return {
      exitCode: ENROLL_EXIT_CODES.refused,
      why:
        `ce poste garde des résultats pas encore envoyés au serveur où les épreuves ont été passées${servers ? ` : ${servers}` : ''}. ` +
        'Remettez cette adresse dans le réglage serverUrl (le poste y est toujours inscrit) et laissez-le les envoyer ; ' +
        'ensuite seulement, inscrivez-le sur un autre serveur. Ce code d’inscription n’a pas servi',
    };
  }
  if (failure.kind !== 'http') {
    return {
      exitCode: ENROLL_EXIT_CODES.unreachable,
      why: `le serveur ne répond pas (${failure.message}) : vérifiez le réseau, puis relancez`,
    };
  }
  if (failure.code === 'ENROLLMENT_CODE_INVALID') {
    const why =
      failure.status === 404
        ? 'ce code d’inscription n’existe pas : vérifiez-le (les tirets et la casse ne comptent pas)'
        : /expired/i.test(failure.message)
          ? 'ce code d’inscription a expiré : demandez-en un nouveau au référent'
          : 'ce code d’inscription a déjà servi (un code par poste) : demandez-en un nouveau au référent';
    return { exitCode: ENROLL_EXIT_CODES.refused, why };
  }
  if (failure.code === 'STATION_ALREADY_ENROLLED') {
    // Active, or revoked: a revoked station comes back only with the code issued for it.
    return {
      exitCode: ENROLL_EXIT_CODES.refused,
      why: 'la clé de ce poste est déjà inscrite : s’il a été révoqué, demandez au référent le code de « Réinscrire ce poste » (page Postes), puis relancez avec ce code',
    };
  }
  if (failure.code === 'ENROLLMENT_CODE_FOR_ANOTHER_STATION') {
    return {
      exitCode: ENROLL_EXIT_CODES.refused,
      why: 'ce code a été émis pour réinscrire un autre poste : pour ce poste, demandez un code au référent',
    };
  }
  if (failure.code === 'STATION_OF_ANOTHER_CENTRE') {
    return {
      exitCode: ENROLL_EXIT_CODES.refused,
      why: 'ce poste appartient à un autre centre de certification : utilisez un code de ce centre-là',
    };
  }
  if (failure.code === 'RATE_LIMITED') {
    return { exitCode: ENROLL_EXIT_CODES.unreachable, why: 'trop de tentatives : réessayez dans une minute' };
  }
  return { exitCode: ENROLL_EXIT_CODES.refused, why: `le serveur refuse (${failure.message})` };
}

export async function enrollStation(options: {
  dataDir: string;
  serverUrl: string | null;
  stationName: string;
  machineId: string;
  keyStore?: KeyStore;
  code: string;
  fetch?: FetchLike;
  log?: (message: string) => void;
}): Promise<EnrollOutcome> {
  if (!options.serverUrl) {
    return {
      exitCode: ENROLL_EXIT_CODES.unusable,
      stationId: null,
      text: 'Inscription impossible : aucune adresse de serveur (serverUrl) dans les réglages de ce poste.\n',
    };
  }
  const services = await createStationServices({
    dataDir: options.dataDir,
    serverUrl: options.serverUrl,
    stationName: options.stationName,
    machineId: options.machineId,
    ...(options.keyStore ? { keyStore: options.keyStore } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    browser: NO_BROWSER,
    attachmentUrl: (_file: string, _attachment: Attachment) => 'about:blank',
    ...(options.log ? { log: options.log } : {}),
  });
  try {
    const stationId = services.identity.stationId;
    const answer = await services.enroll(options.code);
    if (!answer.ok) {
      const { exitCode, why } = enrollmentRefusal(answer, services.syncState().resultsOfOtherServers);
      return {
        exitCode,
        stationId,
        text: `Inscription refusée : ${why}.\nIdentifiant du poste : ${stationId}\n`,
      };
    }
    const e = answer.value;
    return {
      exitCode: ENROLL_EXIT_CODES.enrolled,
      stationId,
      text:
        `Poste inscrit : « ${e.name} » au centre ${e.centre.name} (${e.serverUrl}).\n` +
        `Identifiant du poste : ${e.stationId}\n`,
    };
  } finally {
    await services.close();
  }
}
