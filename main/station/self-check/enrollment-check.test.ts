// The enrollment check, locally and once the server answered: each outcome with its code, the station
// named by its enrollment, and the server's refusal kept as a parameter.
import { describe, expect, it } from 'vitest';
import { SelfCheckLineSchema } from '../../../core/contracts/station-self-check.ts';
import type { Enrollment } from '../identity/enrollment.ts';
import { confirmedEnrollment, localEnrollmentProblem } from './enrollment-check.ts';
import type { SelfCheckIdentity } from './self-check-identity.ts';

const SERVER = 'https://certif.lycee.fr';
const enrollment: Enrollment = {
  formatVersion: 1,
  stationId: 'st-7f3a',
  name: 'Poste 07',
  centre: { id: 'ctr_1', name: 'Collège Jean Moulin' },
  serverUrl: SERVER,
  machineId: 'm',
  enrolledAt: '2025-03-01T08:00:00Z',
};

function identity(values: Partial<SelfCheckIdentity> = {}): SelfCheckIdentity {
  return {
    stationId: 'st-7f3a',
    keyProblem: null,
    name: 'Poste 07',
    enrollment,
    enrolled: true,
    sendReport: () => Promise.resolve({ ok: true, value: { recordedAt: '2025-03-12T11:05:01.000Z' } }),
    ...values,
  };
}

const local = (values: Partial<SelfCheckIdentity>, serverUrl: string | null = SERVER) => {
  const line = localEnrollmentProblem(identity(values), serverUrl);
  return line && SelfCheckLineSchema.parse(line);
};
const confirmed = (answer: Parameters<typeof confirmedEnrollment>[1]) =>
  SelfCheckLineSchema.parse(confirmedEnrollment(identity(), answer));

describe('the enrollment check', () => {
  it('says that a station with a code in its settings enrolls itself, and what a refusal means', () => {
    const withCode = (values: Partial<SelfCheckIdentity>) => {
      const line = localEnrollmentProblem(identity(values), SERVER, true);
      return line && SelfCheckLineSchema.parse(line);
    };
    const notEnrolled = withCode({ enrollment: null, enrolled: false });
    // Same code and parameters as without a code: only what IT reads changes.
    expect(notEnrolled).toMatchObject({
      status: 'failure',
      code: 'enrollment.notEnrolled',
      params: { stationId: 'st-7f3a' },
    });
    expect(notEnrolled?.detail).toContain('un code d’inscription est dans les réglages (enrollmentCode)');
    expect(notEnrolled?.action).toMatch(/s’inscrit toute seule avec ce code et réessaie/);
    expect(notEnrolled?.action).toMatch(/automatic enrollment refused/);
    expect(withCode({ stationId: null })?.action).toMatch(
      /^Démarrez la station : elle crée sa clé et s’inscrit/,
    );
    // Without a code, nothing enrolls it by itself.
    expect(local({ enrollment: null })?.action).not.toMatch(/toute seule/);
    expect(withCode({})).toBeNull();
  });

  it('finds nothing wrong locally with a key enrolled on this server', () => {
    expect(local({})).toBeNull();
  });

  it('fails locally, saying why', () => {
    expect(local({ keyProblem: 'decryption failed', stationId: null })).toMatchObject({
      code: 'enrollment.keyUnreadable',
      params: { problem: 'decryption failed' },
    });
    expect(local({ stationId: null })).toMatchObject({ code: 'enrollment.noKey', params: {} });
    expect(local({ enrollment: null })).toMatchObject({
      code: 'enrollment.notEnrolled',
      params: { stationId: 'st-7f3a' },
    });
    expect(local({ stationId: 'st-other' })).toMatchObject({
      code: 'enrollment.otherKey',
      params: { enrolledId: 'st-7f3a', stationId: 'st-other' },
    });
    expect(local({ enrolled: false }, 'https://autre.lycee.fr')).toMatchObject({
      code: 'enrollment.otherServer',
      params: { enrolledServer: SERVER, serverUrl: 'https://autre.lycee.fr' },
    });
    expect(local({ enrolled: false }, null)?.params).toEqual({ enrolledServer: SERVER });
  });

  it('sends IT to the session or the key’s backup, never to enroll again, when the key cannot be read', () => {
    // Locked by the OS key store or damaged: `--enroll` cannot read it either, and it must not be
    // deleted (pending results depend on it), as the start-failure page says.
    const action = local({ keyProblem: 'the OS key store cannot unseal the key', stationId: null })?.action;
    expect(action).toMatch(/^Ne réinscrivez pas le poste et ne supprimez pas sa clé/);
    expect(action).toContain('Ouvrez la session du compte d’examen');
    expect(action).toContain('restaurez-la (station-key.sealed ou station-key.der) depuis une sauvegarde');
    expect(action).not.toMatch(/--enroll|nouveau code/);
  });

  it('says what the server answered, naming the station as enrolled', () => {
    const station = { stationId: 'st-7f3a', name: 'Poste 07', centre: 'Collège Jean Moulin' };
    expect(confirmed({ ok: true })).toMatchObject({
      status: 'ok',
      detail: '« Poste 07 », centre Collège Jean Moulin, identifiant st-7f3a (confirmé par le serveur)',
      code: 'enrollment.confirmed',
      params: station,
    });
    expect(confirmed('serverUnreachable')).toMatchObject({
      status: 'warning',
      code: 'enrollment.unconfirmed',
      params: station,
    });
    expect(
      confirmed({
        ok: false,
        kind: 'http',
        status: 403,
        code: 'STATION_REVOKED',
        message: 'station revoked',
      }),
    ).toMatchObject({
      status: 'failure',
      code: 'enrollment.refused',
      params: { ...station, message: 'station revoked' },
    });
    expect(
      confirmed({ ok: false, kind: 'http', status: 401, code: 'STALE_REQUEST', message: 'request too old' }),
    ).toMatchObject({ status: 'failure', code: 'enrollment.refusedClock' });
    expect(confirmed({ ok: false, kind: 'timeout', message: 'timed out' })).toMatchObject({
      status: 'warning',
      code: 'enrollment.notConfirmed',
      params: { ...station, message: 'timed out' },
    });
  });
});
