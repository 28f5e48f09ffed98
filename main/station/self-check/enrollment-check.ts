// "Enrollment valid": locally (a key, an enrollment file for this key and this server), then on the
// server, which accepts the signed self-check report only from an enrolled, non-revoked station.
import type { SelfCheckLine } from '../../../core/contracts/station-self-check.ts';
import type { ServerFailure } from '../runtime/ports.ts';
import type { SelfCheckIdentity } from './self-check-identity.ts';
import { checkLine } from './self-check-line.ts';

// A key that is there but cannot be opened is not repaired by enrolling again (`--enroll` cannot read
// it either), nor by deleting it (pending results depend on it): as the start-failure page says
// (main/electron/start-failure.ts, docs/it/depannage.md), open the right session, or restore the key.
const KEY_UNREADABLE_ACTION =
  'Ne réinscrivez pas le poste et ne supprimez pas sa clé : les résultats en attente en dépendent. Ouvrez la session du compte d’examen pour lequel la station a été installée, trousseau déverrouillé ; si la clé reste illisible, restaurez-la (station-key.sealed ou station-key.der) depuis une sauvegarde du dossier de données de ce poste (voir docs/it/depannage.md).';

const ENROLL_ACTION =
  'Inscrivez le poste avec un code d’inscription du centre : réglage enrollmentCode, ou « --enroll CODE » (voir docs/it/inscription.md).';

// With a code in the settings, the open station enrolls itself and keeps trying while the server does
// not answer (identity/auto-enrollment.ts); it stops only on a refusal, which its log says.
const CODE_IN_SETTINGS = 'un code d’inscription est dans les réglages (enrollmentCode)';
const NO_KEY_CODE_ACTION =
  'Démarrez la station : elle crée sa clé et s’inscrit toute seule avec ce code, en réessayant tant que le serveur ne répond pas (voir docs/it/inscription.md).';
const NOT_ENROLLED_CODE_ACTION =
  'Ouverte, la station s’inscrit toute seule avec ce code et réessaie tant que le serveur ne répond pas. Si elle reste non inscrite alors que le serveur répond, le code a été refusé, et son journal dit pourquoi (« automatic enrollment refused ») : demandez un nouveau code, mettez-le dans enrollmentCode et relancez la station, ou fermez-la et lancez « --enroll CODE » (voir docs/it/inscription.md).';

/**
 * The local verdict: a failure line, or null when the station believes it is enrolled.
 * `enrollmentCodeSet`: the settings hold an enrollment code, with which the station enrolls itself.
 */
export function localEnrollmentProblem(
  identity: SelfCheckIdentity,
  serverUrl: string | null,
  enrollmentCodeSet = false,
): SelfCheckLine | null {
  if (identity.keyProblem) {
    return checkLine(
      'enrollment',
      'failure',
      { code: 'enrollment.keyUnreadable', params: { problem: identity.keyProblem } },
      `clé du poste illisible : ${identity.keyProblem}`,
      KEY_UNREADABLE_ACTION,
    );
  }
  if (!identity.stationId) {
    return checkLine(
      'enrollment',
      'failure',
      { code: 'enrollment.noKey', params: {} },
      `le poste n’a pas encore de clé : jamais inscrit${enrollmentCodeSet ? ` ; ${CODE_IN_SETTINGS}` : ''}`,
      enrollmentCodeSet ? NO_KEY_CODE_ACTION : ENROLL_ACTION,
    );
  }
  const enrollment = identity.enrollment;
  if (!enrollment) {
    return checkLine(
      'enrollment',
      'failure',
      { code: 'enrollment.notEnrolled', params: { stationId: identity.stationId } },
      `poste ${identity.stationId} non inscrit${enrollmentCodeSet ? ` ; ${CODE_IN_SETTINGS}` : ''}`,
      enrollmentCodeSet ? NOT_ENROLLED_CODE_ACTION : ENROLL_ACTION,
    );
  }
  if (enrollment.stationId !== identity.stationId) {
    return checkLine(
      'enrollment',
      'failure',
      {
        code: 'enrollment.otherKey',
        params: { enrolledId: enrollment.stationId, stationId: identity.stationId },
      },
      `l’inscription enregistrée (${enrollment.stationId}) n’est pas celle de la clé du poste (${identity.stationId})`,
      ENROLL_ACTION,
    );
  }
  if (!identity.enrolled) {
    return checkLine(
      'enrollment',
      'failure',
      {
        code: 'enrollment.otherServer',
        params: { enrolledServer: enrollment.serverUrl, ...(serverUrl ? { serverUrl } : {}) },
      },
      `poste inscrit auprès de ${enrollment.serverUrl}, pas de ${serverUrl ?? '(aucun serveur configuré)'}`,
      ENROLL_ACTION,
    );
  }
  return null;
}

function describe(identity: SelfCheckIdentity): string {
  const e = identity.enrollment;
  return e
    ? `« ${e.name} », centre ${e.centre.name}, identifiant ${e.stationId}`
    : String(identity.stationId);
}

/** The same, for the screens to word. */
function stationParams(identity: SelfCheckIdentity): { stationId: string; name?: string; centre?: string } {
  const e = identity.enrollment;
  return e
    ? { stationId: e.stationId, name: e.name, centre: e.centre.name }
    : { stationId: String(identity.stationId) };
}

/** The line once the server answered the signed report (or could not be asked). */
export function confirmedEnrollment(
  identity: SelfCheckIdentity,
  answer: { ok: true } | ServerFailure | 'serverUnreachable',
): SelfCheckLine {
  if (answer === 'serverUnreachable') {
    return checkLine(
      'enrollment',
      'warning',
      { code: 'enrollment.unconfirmed', params: stationParams(identity) },
      `${describe(identity)} : non confirmé (serveur injoignable)`,
      'Refaites la vérification quand le serveur répond.',
    );
  }
  if (answer.ok) {
    return checkLine(
      'enrollment',
      'ok',
      { code: 'enrollment.confirmed', params: stationParams(identity) },
      `${describe(identity)} (confirmé par le serveur)`,
    );
  }
  const refusal = { ...stationParams(identity), message: answer.message };
  if (answer.kind === 'http' && (answer.status === 401 || answer.status === 403)) {
    const stale = answer.code === 'STALE_REQUEST';
    return checkLine(
      'enrollment',
      'failure',
      { code: stale ? 'enrollment.refusedClock' : 'enrollment.refused', params: refusal },
      `${describe(identity)} : refusé par le serveur (${answer.message})`,
      stale
        ? 'Mettez le poste à l’heure, puis refaites la vérification.'
        : `Le poste est inconnu ou révoqué : ${ENROLL_ACTION}`,
    );
  }
  return checkLine(
    'enrollment',
    'warning',
    { code: 'enrollment.notConfirmed', params: refusal },
    `${describe(identity)} : non confirmé (${answer.message})`,
    'Refaites la vérification ; si cela persiste, voir docs/it/depannage.md.',
  );
}
